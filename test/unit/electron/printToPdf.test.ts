import { describe, expect, it, vi } from 'vitest'
import { channels } from '@contract/hostApi'
import { createHostService } from '../../../electron/main/hostService'
import { registerIpcHandlers } from '../../../electron/main/ipcHandlers'
import { createPdfPrinter, createPrintPages, type PdfWindowLike } from '../../../electron/main/printToPdf'

const PAGE = '<!doctype html><html><body><h1>关于评查情况的通报</h1></body></html>'

function fakeWindow(opts: { failLoad?: boolean; hang?: boolean } = {}) {
  const seen: { url?: string; served?: string | null; options?: unknown; destroyed: boolean } = { destroyed: false }
  const pages = createPrintPages(() => 'tok')
  const win: PdfWindowLike = {
    async loadURL(url) {
      seen.url = url
      const res = pages.respond({ url, method: 'GET' })
      seen.served = res ? await res.text() : null
      if (opts.failLoad) throw new Error('ERR_FAILED')
      if (opts.hang) await new Promise(() => {})
    },
    webContents: {
      async printToPDF(options) {
        seen.options = options
        return new TextEncoder().encode('%PDF-1.7 fake')
      },
    },
    destroy: () => void (seen.destroyed = true),
  }
  return { win, pages, seen }
}

describe('printToPdf in main', () => {
  it('serves the page once from an app:// route, prints A4 with backgrounds, then forgets the page and closes the window', async () => {
    const { win, pages, seen } = fakeWindow()
    const print = createPdfPrinter({ openWindow: () => win, pages })
    const r = await print(PAGE)
    expect(r).toMatchObject({ ok: true })
    expect(new TextDecoder().decode((r as { value: Uint8Array }).value)).toBe('%PDF-1.7 fake')
    expect(seen.url).toBe('app://bundle/__print/tok.html')
    expect(seen.served).toBe(PAGE)
    expect(seen.options).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    expect(seen.destroyed).toBe(true)
    expect(await pages.respond({ url: 'app://bundle/__print/tok.html', method: 'GET' })!.status).toBe(404)
    expect(pages.respond({ url: 'app://bundle/index.html', method: 'GET' })).toBeNull()
  })

  it('serves the page under the app CSP', async () => {
    const pages = createPrintPages(() => 'x')
    const url = pages.put(PAGE)
    const res = pages.respond({ url, method: 'GET' })!
    expect(res.headers.get('Content-Security-Policy')).toContain("font-src 'self' data:")
    expect(pages.respond({ url, method: 'POST' })!.status).toBe(404)
  })

  it('reports a failed load or a timeout as a Chinese error and still closes the window', async () => {
    const failed = fakeWindow({ failLoad: true })
    expect(await createPdfPrinter({ openWindow: () => failed.win, pages: failed.pages })(PAGE)).toMatchObject({ ok: false, error: { code: 'print-failed', message: expect.stringContaining('生成 PDF 失败') } })
    expect(failed.seen.destroyed).toBe(true)
    const hung = fakeWindow({ hang: true })
    expect(await createPdfPrinter({ openWindow: () => hung.win, pages: hung.pages, timeoutMs: 20 })(PAGE)).toMatchObject({ ok: false, error: { message: '生成 PDF 失败：超时' } })
    expect(hung.seen.destroyed).toBe(true)
  })

  it('validates the argument over IPC before printing', async () => {
    const printer = vi.fn(async () => ({ ok: true as const, value: new Uint8Array([37]) }))
    const handlers = new Map<string, (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => Promise<unknown>>()
    const service = createHostService({ info: { name: 'x', version: '1', electron: '1', platform: 'linux' }, dialog: { showSaveDialog: async () => ({ canceled: true }) }, files: { writeAtomic: async () => {} }, printToPdf: printer })
    registerIpcHandlers({ handle: (c, l) => void handlers.set(c, l) }, service, (url) => url?.startsWith('app://bundle/') ?? false)
    const call = (...args: unknown[]) => handlers.get(channels.printToPdf)!({ senderFrame: { url: 'app://bundle/index.html' } }, ...args)
    expect(await call(42)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await call('<p>not a page</p>')).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('HTML') } })
    expect(await call(PAGE, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(printer).not.toHaveBeenCalled()
    expect(await call(PAGE)).toEqual({ ok: true, value: new Uint8Array([37]) })
    expect(printer).toHaveBeenCalledWith(PAGE)
    expect(await handlers.get(channels.printToPdf)!({ senderFrame: { url: 'https://evil.example/' } }, PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
