import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist'
import { pdfjs } from '../pdf/pdfjs'
import { abortError, addRotation, MAX_CANVAS_PIXELS, PageRenderError, type PageInfo, type PageSource, type RenderRequest, type Rotation } from './PageSource'

/** A page that has not drawn by then is treated as broken (e.g. a resource cycle that makes pdf.js loop). */
export const PAGE_RENDER_TIMEOUT_MS = 10_000

/**
 * pdf.js keeps a page's decoded images until cleanup() is called; on a 300 dpi scan that is
 * about 13–35 MB a page. Only this many recently used pages keep theirs.
 */
export const LIVE_PAGES = 8

/**
 * pdf.js keeps every byte it has read in its worker until the document is destroyed, so paging
 * through a 1 GB scan would pin 1 GB. Past this many bytes the document is reopened between renders.
 */
export const BYTE_BUDGET = 256 * 1024 * 1024

export interface OpenedPdf {
  doc: PDFDocumentProxy
  transport: { bytesDelivered: number }
}

/**
 * pdf.js behind the PageSource interface. Reopens its document when a render times out,
 * because the only way to stop a worker stuck in a page is to terminate it.
 */
export class PdfPageSource implements PageSource {
  #doc: PDFDocumentProxy
  #transport: { bytesDelivered: number }
  #reopen: () => Promise<OpenedPdf>
  #recycling: Promise<void> | null = null
  #pages = new Map<number, Promise<PDFPageProxy>>()
  #info = new Map<number, PageInfo>()
  #broken = new Map<number, PageRenderError>()
  #drawing = new Map<number, number>()

  constructor(opened: OpenedPdf, reopen: () => Promise<OpenedPdf>) {
    this.#doc = opened.doc
    this.#transport = opened.transport
    this.#reopen = reopen
  }

  get pageCount(): number {
    return this.#doc.numPages
  }

  #page(pageIndex: number): Promise<PDFPageProxy> {
    let p = this.#pages.get(pageIndex)
    if (p) {
      // Map order is the LRU order: move to the back.
      this.#pages.delete(pageIndex)
      this.#pages.set(pageIndex, p)
    } else {
      p = this.#doc.getPage(pageIndex + 1)
      this.#pages.set(pageIndex, p)
      p.catch(() => this.#pages.delete(pageIndex))
      this.#evict()
    }
    return p
  }

  #evict(): void {
    for (const [index, proxy] of this.#pages) {
      if (this.#pages.size <= LIVE_PAGES) return
      if (this.#drawing.has(index)) continue
      this.#pages.delete(index)
      void proxy.then((page) => page.cleanup(), () => undefined)
    }
  }

  async getPageInfo(pageIndex: number): Promise<PageInfo> {
    const known = this.#info.get(pageIndex)
    if (known) return known
    const page = await this.#page(pageIndex)
    const [x0, y0, x1, y1] = page.view as [number, number, number, number]
    const info: PageInfo = { width: Math.abs(x1 - x0), height: Math.abs(y1 - y0), intrinsicRotation: addRotation(page.rotate, 0) }
    this.#info.set(pageIndex, info)
    return info
  }

  async render(pageIndex: number, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void> {
    const known = this.#broken.get(pageIndex)
    if (known) throw known
    if (this.#recycling) await this.#recycling
    else if (this.#transport.bytesDelivered > BYTE_BUDGET && this.#drawing.size === 0) await this.#recycle()
    let page: PDFPageProxy
    try {
      page = await this.#page(pageIndex)
    } catch (e) {
      const err = new PageRenderError(pageIndex, 'damaged', e instanceof Error ? e.message : String(e))
      this.#broken.set(pageIndex, err)
      throw err
    }
    if (request.signal.aborted) throw abortError()
    this.#drawing.set(pageIndex, (this.#drawing.get(pageIndex) ?? 0) + 1)
    try {
      await this.#draw(page, pageIndex, canvas, request)
    } finally {
      const n = (this.#drawing.get(pageIndex) ?? 1) - 1
      if (n > 0) this.#drawing.set(pageIndex, n)
      else this.#drawing.delete(pageIndex)
    }
  }

  async #draw(page: PDFPageProxy, pageIndex: number, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void> {
    const rotation: Rotation = request.rotation
    let viewport = page.getViewport({ scale: request.scale * request.pixelRatio, rotation })
    const pixels = viewport.width * viewport.height
    if (pixels > MAX_CANVAS_PIXELS) viewport = page.getViewport({ scale: request.scale * request.pixelRatio * Math.sqrt(MAX_CANVAS_PIXELS / pixels), rotation })
    // Draw into an off-screen canvas and copy at the end, so a cancelled render never leaves a half-drawn page visible.
    const scratch = document.createElement('canvas')
    scratch.width = Math.max(1, Math.floor(viewport.width))
    scratch.height = Math.max(1, Math.floor(viewport.height))
    const task: RenderTask = page.render({ canvas: scratch, viewport, background: '#ffffff' })
    const onAbort = () => task.cancel()
    request.signal.addEventListener('abort', onAbort)
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([
        task.promise,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PageRenderError(pageIndex, 'timeout', `第 ${pageIndex + 1} 页在 ${PAGE_RENDER_TIMEOUT_MS / 1000} 秒内未能显示`)), PAGE_RENDER_TIMEOUT_MS)
        }),
      ])
    } catch (e) {
      if (e instanceof PageRenderError) {
        this.#broken.set(pageIndex, e)
        task.cancel()
        await this.#recycle()
        throw e
      }
      if (request.signal.aborted || (e as { name?: string })?.name === 'RenderingCancelledException') throw abortError()
      const err = new PageRenderError(pageIndex, 'damaged', e instanceof Error ? e.message : String(e))
      this.#broken.set(pageIndex, err)
      throw err
    } finally {
      clearTimeout(timer)
      request.signal.removeEventListener('abort', onAbort)
    }
    canvas.width = scratch.width
    canvas.height = scratch.height
    canvas.getContext('2d')?.drawImage(scratch, 0, 0)
    // Tells the automation API which renderer drew the page (see ScanPdfPageSource).
    canvas.dataset.drawnBy = 'pdfjs'
    scratch.width = scratch.height = 0
  }

  #recycle(): Promise<void> {
    this.#recycling ??= (async () => {
      const old = this.#doc
      this.#pages.clear()
      const fresh = await this.#reopen()
      this.#doc = fresh.doc
      this.#transport = fresh.transport
      void old.destroy()
    })().finally(() => {
      this.#recycling = null
    })
    return this.#recycling
  }

  async destroy(): Promise<void> {
    this.#pages.clear()
    await this.#doc.destroy()
  }
}


export { pdfjs }
