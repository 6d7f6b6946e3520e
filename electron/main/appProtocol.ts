import { extname, resolve, sep } from 'node:path'
import { contentSecurityPolicy } from './csp'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
/** Never change scheme or host after release: IndexedDB is per origin and users would "lose" their library. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.icc': 'application/vnd.iccprofile',
}

export type ProtocolTarget = { kind: 'file'; path: string; mime: string } | { kind: 'reject'; status: number }

/** Maps an app:// URL to a file inside the renderer bundle, refusing anything that escapes it. */
export function resolveAppUrl(url: string, rendererDir: string): ProtocolTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'reject', status: 400 }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'reject', status: 403 }
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return { kind: 'reject', status: 400 }
  }
  if (pathname.includes('\0')) return { kind: 'reject', status: 400 }
  const root = resolve(rendererDir)
  const target = resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname))
  if (target !== root && !target.startsWith(root + sep)) return { kind: 'reject', status: 403 }
  return { kind: 'file', path: target, mime: mimeTypes[extname(target).toLowerCase()] ?? 'application/octet-stream' }
}

export interface FileReader {
  read(path: string): Promise<Uint8Array | null>
}

/** The protocol handler, with file access injected so it can be tested without Electron. */
export function createAppProtocolHandler(rendererDir: string, files: FileReader) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 })
    const target = resolveAppUrl(request.url, rendererDir)
    if (target.kind === 'reject') return new Response(null, { status: target.status })
    const body = await files.read(target.path)
    if (!body) return new Response(null, { status: 404 })
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'Content-Type': target.mime,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Opener-Policy': 'same-origin',
      },
    })
  }
}
