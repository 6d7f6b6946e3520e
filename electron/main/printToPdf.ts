import { randomUUID } from 'node:crypto'
import { fail, ok, type Result } from '@contract/result'
import { APP_ORIGIN } from './appProtocol'
import { contentSecurityPolicy } from './csp'

// The printable page is several MB (fonts inlined), past what a data: URL may carry through IPC, and file://
// is blocked by the session. So main serves it once from an app:// route, under the app's own CSP.

const PREFIX = `${APP_ORIGIN}/__print/`

export interface PrintPages {
  put(html: string): string
  remove(url: string): void
  /** The page for an app:// request, or null when the URL is not a print page. */
  respond(request: { url: string; method: string }): Response | null
}

export function createPrintPages(newToken: () => string = randomUUID): PrintPages {
  const pages = new Map<string, string>()
  return {
    put(html) {
      const url = `${PREFIX}${newToken()}.html`
      pages.set(url, html)
      return url
    },
    remove: (url) => void pages.delete(url),
    respond(request) {
      if (!request.url.startsWith(PREFIX)) return null
      const html = pages.get(request.url)
      if (request.method !== 'GET' || html === undefined) return new Response(null, { status: 404 })
      return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' } })
    },
  }
}

/** Only what printing touches of a BrowserWindow, so tests pass fakes. */
export interface PdfWindowLike {
  loadURL(url: string): Promise<void>
  webContents: { printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array> }
  destroy(): void
}

export function createPdfPrinter(deps: { openWindow: () => PdfWindowLike; pages: PrintPages; timeoutMs?: number }) {
  return async (html: string): Promise<Result<Uint8Array>> => {
    const url = deps.pages.put(html)
    const win = deps.openWindow()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), deps.timeoutMs ?? 60_000)
    })
    try {
      const pdf = await Promise.race([
        (async () => {
          await win.loadURL(url)
          return win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
        })(),
        timeout,
      ])
      return ok(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength))
    } catch (e) {
      const why = e instanceof Error && e.message === 'timeout' ? '超时' : e instanceof Error ? e.message : String(e)
      return fail('print-failed', `生成 PDF 失败：${why}`)
    } finally {
      clearTimeout(timer)
      deps.pages.remove(url)
      win.destroy()
    }
  }
}
