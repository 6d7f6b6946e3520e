import type { ScanIndex, ScanPage } from '../pdf/scan/scanPage'
import { isAbortError, abortError, MAX_CANVAS_PIXELS, PageRenderError, type PageInfo, type PageSource, type RenderRequest } from './PageSource'
import { decodeScanJpeg } from './decodeScanJpeg'
import { ScanBitmapCache } from './scanBitmapCache'
import { concat, viewportTransform } from './viewportTransform'

/** About four 300 dpi A4 pages as decoded for fit-width on a laptop screen (half their size each way). */
const CACHE_PIXELS = 4 * 1240 * 1754
const MIN_CACHED_PIXELS = 400 * 400
/** Pages whose JPEG is read into memory ahead of the one being drawn (about a megabyte each at 300 dpi). */
const READ_AHEAD = 2

/**
 * A scanned PDF whose pages are single JPEGs (see pdf/scan/buildScanIndex.ts): those pages are
 * decoded by the browser straight from the stored Blob, at about the size they are shown, off the
 * main thread (decodeScanJpeg.ts). That takes a fraction of pdf.js's time on a 300 dpi page, needs
 * no document open (so a 1 GB scan shows its first page as fast as a 10 MB one), and never holds a
 * decoded full-size scan.
 * Every other page, and any page the browser fails to decode, goes to pdf.js, opened on first need.
 */
export class ScanPdfPageSource implements PageSource {
  readonly #blob: Blob
  readonly #pages: (ScanPage | null)[]
  readonly #openFallback: () => Promise<PageSource>
  #fallback: Promise<PageSource> | null = null
  #fallbackQueue: Promise<unknown> = Promise.resolve()
  #destroyed = false
  readonly #bitmaps = new ScanBitmapCache(CACHE_PIXELS)
  readonly #read = new Map<number, Promise<ArrayBuffer>>()

  constructor(blob: Blob, index: ScanIndex, openFallback: () => Promise<PageSource>) {
    this.#blob = blob
    this.#pages = index.pages.slice()
    this.#openFallback = openFallback
  }

  get pageCount(): number {
    return this.#pages.length
  }

  #fallbackSource(): Promise<PageSource> {
    if (this.#destroyed) return Promise.reject(new PageRenderError(0, 'missing', '案卷已关闭'))
    this.#fallback ??= this.#openFallback()
    this.#fallback.catch(() => (this.#fallback = null))
    return this.#fallback
  }

  async getPageInfo(pageIndex: number): Promise<PageInfo> {
    const scan = this.#pages[pageIndex]
    if (!scan) return (await this.#fallbackSource()).getPageInfo(pageIndex)
    return { width: scan.view[2] - scan.view[0], height: scan.view[3] - scan.view[1], intrinsicRotation: scan.rotate }
  }

  async render(pageIndex: number, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void> {
    const scan = this.#pages[pageIndex]
    if (scan) {
      try {
        await this.#drawScan(pageIndex, scan, canvas, request)
        return
      } catch (e) {
        if (isAbortError(e) || request.signal.aborted) throw abortError()
        // A JPEG the browser will not decode (truncated, odd markers) may still draw in pdf.js, which tolerates more.
        this.#pages[pageIndex] = null
      }
    }
    const fallback = await this.#fallbackSource()
    // pdf.js pages still draw one at a time, as they do in a plain PDF.
    const turn = this.#fallbackQueue.then(() => fallback.render(pageIndex, canvas, request))
    this.#fallbackQueue = turn.catch(() => undefined)
    return turn
  }

  async #drawScan(pageIndex: number, scan: ScanPage, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void> {
    const place = placement(scan, request)
    const cached = this.#bitmaps.find(pageIndex, place.width, place.height)
    if (cached) return paint(canvas, scan, place, cached)
    const jpeg = this.#jpeg(pageIndex, scan)
    this.#readAhead(pageIndex)
    const decoding = jpeg.then((bytes) => decodeScanJpeg(bytes, scan.pixels, place, request.signal))
    const bitmap = await untilAborted(decoding, request.signal)
    this.#read.delete(pageIndex)
    try {
      paint(canvas, scan, place, bitmap)
    } catch (e) {
      bitmap.close()
      throw e
    }
    // Thumbnail-sized decodes are not worth a place; reading-size ones serve the thumbnail and any redraw.
    if (place.width * place.height >= MIN_CACHED_PIXELS) this.#bitmaps.put(pageIndex, bitmap)
    else bitmap.close()
  }

  /** The page's JPEG copied out of the stored file into memory. */
  #jpeg(pageIndex: number, scan: ScanPage): Promise<ArrayBuffer> {
    let bytes = this.#read.get(pageIndex)
    if (!bytes) {
      bytes = this.#blob.slice(scan.jpeg[0], scan.jpeg[1]).arrayBuffer()
      this.#read.set(pageIndex, bytes)
      bytes.catch(() => this.#read.delete(pageIndex))
      for (const key of this.#read.keys()) {
        if (this.#read.size <= READ_AHEAD + 2) break
        this.#read.delete(key)
      }
    }
    return bytes
  }

  /**
   * Reading a page's megabyte out of IndexedDB takes a fair part of drawing it; the pages after
   * this one are read while this one decodes, so paging forward finds their bytes in memory.
   */
  #readAhead(pageIndex: number): void {
    for (let k = pageIndex + 1; k <= pageIndex + READ_AHEAD && k < this.#pages.length; k++) {
      const scan = this.#pages[k]
      if (scan && !this.#bitmaps.has(k)) void this.#jpeg(k, scan).catch(() => undefined)
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true
    this.#read.clear()
    this.#bitmaps.clear()
    const fallback = this.#fallback
    this.#fallback = null
    if (fallback) await fallback.then((s) => s.destroy(), () => undefined)
  }
}

interface Placement {
  viewport: ReturnType<typeof viewportTransform>
  /** The size the image covers on the canvas, in pixels, never more than the scan's own. */
  width: number
  height: number
}

function placement(scan: ScanPage, request: RenderRequest): Placement {
  let scale = request.scale * request.pixelRatio
  const area = (scan.view[2] - scan.view[0]) * (scan.view[3] - scan.view[1]) * scale * scale
  if (area > MAX_CANVAS_PIXELS) scale *= Math.sqrt(MAX_CANVAS_PIXELS / area)
  const viewport = viewportTransform(scan.view, request.rotation, scale)
  // Unit square (image space) → canvas pixels: how long the image's edges end up.
  const m = concat(scan.matrix, viewport.transform)
  return {
    viewport,
    width: Math.max(1, Math.min(scan.pixels[0], Math.round(Math.hypot(m[0], m[1])))),
    height: Math.max(1, Math.min(scan.pixels[1], Math.round(Math.hypot(m[2], m[3])))),
  }
}

/** Draws as pdf.js would: white page, the image through the viewport and the content's matrix. Synchronous, so never seen half drawn. */
function paint(canvas: HTMLCanvasElement, scan: ScanPage, place: Placement, bitmap: ImageBitmap): void {
  canvas.width = Math.max(1, Math.floor(place.viewport.width))
  canvas.height = Math.max(1, Math.floor(place.viewport.height))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('无法创建画布')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.setTransform(...place.viewport.transform)
  ctx.transform(...scan.matrix)
  // PDF image space has its first row at the top of the unit square (y = 1).
  ctx.transform(1, 0, 0, -1, 0, 1)
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(bitmap, 0, 0, 1, 1)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  canvas.dataset.drawnBy = 'jpeg'
}

/**
 * A decode cannot be stopped, but whoever waits for it can stop waiting: a visible page that
 * pre-empts a thumbnail starts at once instead of after the thumbnail's decode.
 */
function untilAborted(decoding: Promise<ImageBitmap>, signal: AbortSignal): Promise<ImageBitmap> {
  if (signal.aborted) {
    void decoding.then((b) => b.close(), () => undefined)
    return Promise.reject(abortError())
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      void decoding.then((b) => b.close(), () => undefined)
      reject(abortError())
    }
    signal.addEventListener('abort', onAbort, { once: true })
    decoding.then(
      (b) => {
        signal.removeEventListener('abort', onAbort)
        if (signal.aborted) b.close()
        else resolve(b)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e instanceof Error ? e : new Error(String(e)))
      },
    )
  })
}

