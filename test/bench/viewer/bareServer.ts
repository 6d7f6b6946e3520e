import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { basename, extname, join, resolve } from 'node:path'

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.pdf': 'application/pdf', '.bcmap': 'application/octet-stream' }

/**
 * Serves the bare pdf.js page, pdf.js's own build files and the generated PDFs on loopback.
 * PDFs honour Range requests, which is what lets pdf.js fetch only the chunks page 1 needs.
 */
export async function startBareServer(root: string, pdfs: string[]): Promise<{ origin: string; urlOf(path: string): string; close(): Promise<void> }> {
  const here = resolve(import.meta.dirname, 'bare')
  const pdfjsBuild = resolve(root, 'node_modules/pdfjs-dist/build')
  const byName = new Map(pdfs.map((p) => [basename(p), p]))
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file: string | undefined
    if (path === '/' || path === '/bare.html') file = join(here, 'index.html')
    else if (path === '/bare.js') file = join(here, 'bare.js')
    else if (path.startsWith('/pdfjs/') && /^[\w.-]+$/.test(path.slice(7))) file = join(pdfjsBuild, path.slice(7))
    else if (path.startsWith('/files/')) file = byName.get(path.slice(7))
    if (!file || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const size = statSync(file).size
    const headers: Record<string, string | number> = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' }
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    let start = 0
    let end = size - 1
    if (range) {
      start = Number(range[1])
      end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
      if (start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end()
        return
      }
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`
    }
    headers['Content-Length'] = end - start + 1
    res.writeHead(range ? 206 : 200, headers)
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    // pdf.js opens with a full GET and drops it once it sees Accept-Ranges; stop reading the gigabyte then.
    const stream = createReadStream(file, { start, end })
    res.on('close', () => stream.destroy())
    stream.pipe(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  const origin = `http://127.0.0.1:${address.port}`
  return {
    origin,
    urlOf: (p) => `${origin}/files/${encodeURIComponent(basename(p))}`,
    close: () => new Promise((r) => server.close(() => r())),
  }
}
