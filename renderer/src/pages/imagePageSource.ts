import type { CaseSource, ImagePageRef } from '../store/records'
import { BitmapCache, type CachedBitmap } from './bitmapCache'
import { abortError, addRotation, MAX_CANVAS_PIXELS, PageRenderError, type PageInfo, type PageSource, type RenderRequest } from './PageSource'
import { TiffDecoder } from './tiffDecoder'
import { canDecodeAtScale, dctScaledSize, decodeJpegAtScale, type Size } from './decodeScanJpeg'
import { readJpegHeader } from '../pdf/scan/jpegHeader'

/**
 * Decoded pages kept for redrawing: about three A4 pages scanned at 300 dpi. The viewer
 * redraws the visible pages on every zoom or rotation, so these are the ones worth keeping.
 */
const CACHE_PIXELS = 3 * 2480 * 3508
const CACHE_ENTRIES = 6

const isTiff = (s: CaseSource) => s.mime === 'image/tiff'
const isJpeg = (s: CaseSource) => s.mime === 'image/jpeg'
/** EXIF orientation applied, as the import measured the page. */
const UPRIGHT: ImageBitmapOptions = { imageOrientation: 'from-image' }
/** Decodes that must finish for the cache, whoever asked first and then scrolled away. */
const NEVER = new AbortController().signal

/**
 * Image case files behind the PageSource interface. Page units are pixels.
 *
 * Every page is reported upright with intrinsicRotation 0: JPEG/PNG are decoded by
 * createImageBitmap with imageOrientation 'from-image', which applies the EXIF orientation
 * (a phone photo taken sideways arrives upright), and the TIFF Orientation tag is applied
 * in tiff.ts (run in a worker, lazily, one frame at a time). A JPEG without an EXIF turn that
 * is shown well below its own size is decoded at a reduced scale instead (decodeJpegPage).
 * The import stored the same post-orientation sizes in `pages`, so the layout never has to
 * decode anything. The reviewer's rotation is then the only rotation.
 */
export function createImagePageSource(blobs: Blob[], sources: CaseSource[], pages: ImagePageRef[]): PageSource {
  return new ImagePageSource(blobs, sources, pages)
}

class ImagePageSource implements PageSource {
  readonly #blobs: Blob[]
  readonly #sources: CaseSource[]
  readonly #pages: ImagePageRef[]
  readonly #bitmaps = new BitmapCache(CACHE_PIXELS, CACHE_ENTRIES)
  readonly #tiff = new TiffDecoder()
  readonly #broken = new Map<number, PageRenderError>()
  #destroyed = false

  constructor(blobs: Blob[], sources: CaseSource[], pages: ImagePageRef[]) {
    this.#blobs = blobs
    this.#sources = sources
    this.#pages = pages
  }

  get pageCount(): number {
    return this.#pages.length
  }

  async getPageInfo(pageIndex: number): Promise<PageInfo> {
    const p = this.#ref(pageIndex)
    return { width: p.width, height: p.height, intrinsicRotation: 0 }
  }

  #ref(pageIndex: number): ImagePageRef {
    const p = this.#pages[pageIndex]
    if (!p) throw new PageRenderError(pageIndex, 'missing', `没有第 ${pageIndex + 1} 页`)
    return p
  }

  async render(pageIndex: number, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void> {
    const known = this.#broken.get(pageIndex)
    if (known) throw known
    const ref = this.#ref(pageIndex)
    if (request.signal.aborted) throw abortError()

    const size = drawSize(ref, request)
    const held = await this.#acquire(pageIndex, size, request.signal)
    try {
      if (request.signal.aborted) throw abortError()
      drawPage(pageIndex, held.bitmap, size, canvas, request)
    } finally {
      held.release()
    }
  }

  /** The decoded page, or an AbortError as soon as the signal fires (the decode itself finishes into the cache). */
  async #acquire(pageIndex: number, size: Size, signal: AbortSignal): Promise<CachedBitmap> {
    const ref = this.#ref(pageIndex)
    // A page decoded small (a thumbnail, or before zooming in) is decoded again at the size now drawn.
    const fits = (b: ImageBitmap) => b.width >= Math.min(size.width, ref.width) && b.height >= Math.min(size.height, ref.height)
    const pending = this.#bitmaps.acquire(pageIndex, () => this.#decode(pageIndex, size), fits)
    let onAbort = () => {}
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError())
      signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      return await Promise.race([pending, aborted])
    } catch (e) {
      if (signal.aborted) {
        // Whoever wins the race, a bitmap that arrives later must still be unpinned.
        pending.then((h) => h.release(), () => {})
        throw abortError()
      }
      const err = e instanceof PageRenderError ? e : new PageRenderError(pageIndex, 'damaged', `第 ${pageIndex + 1} 页图片无法解码：${e instanceof Error ? e.message : String(e)}`)
      this.#broken.set(pageIndex, err)
      throw err
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  async #decode(pageIndex: number, size: Size): Promise<ImageBitmap> {
    if (this.#destroyed) throw new PageRenderError(pageIndex, 'missing', '案卷已关闭')
    const ref = this.#ref(pageIndex)
    const source = this.#sources[ref.source]
    const blob = this.#blobs[ref.source]
    if (!source || !blob) throw new PageRenderError(pageIndex, 'missing', `第 ${pageIndex + 1} 页的图片文件缺失`)
    if (isTiff(source)) return this.#tiff.decode(source.sha256, blob, ref.frame)
    if (isJpeg(source)) return decodeJpegPage(blob, ref, size)
    return createImageBitmap(blob, UPRIGHT)
  }

  async destroy(): Promise<void> {
    this.#destroyed = true
    this.#bitmaps.clear()
    this.#tiff.destroy()
  }
}

/** The page's size on the canvas before the reviewer's rotation, capped at MAX_CANVAS_PIXELS. */
function drawSize(ref: ImagePageRef, request: RenderRequest): Size {
  let scale = request.scale * request.pixelRatio
  const pixels = ref.width * scale * ref.height * scale
  if (pixels > MAX_CANVAS_PIXELS) scale *= Math.sqrt(MAX_CANVAS_PIXELS / pixels)
  return { width: Math.max(1, Math.floor(ref.width * scale)), height: Math.max(1, Math.floor(ref.height * scale)) }
}

/**
 * A JPEG page shown well below its own size is decoded at n/8 of it (see decodeScanJpeg.ts): a
 * 300 dpi page at fit-width in about half the time. Only for files that need no EXIF turn and
 * are what the import measured; anything else, or a browser without ImageDecoder, gets the full
 * decode.
 */
async function decodeJpegPage(blob: Blob, ref: ImagePageRef, size: Size): Promise<ImageBitmap> {
  const scaled = dctScaledSize([ref.width, ref.height], size)
  if (!scaled || !canDecodeAtScale()) return createImageBitmap(blob, UPRIGHT)
  const bytes = await blob.arrayBuffer()
  const header = readJpegHeader(new Uint8Array(bytes))
  const plain = header && (header.exifOrientation ?? 1) === 1 && header.width === ref.width && header.height === ref.height && [1, 3].includes(header.components)
  const reduced = plain ? await decodeJpegAtScale(bytes, scaled, NEVER).catch(() => null) : null
  // The bytes are in memory by now: the full decode starts from them rather than reading the file again.
  return reduced ?? createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), UPRIGHT)
}

/**
 * Sizes `canvas` for the page at `size` and the requested rotation and draws it on white. Drawn
 * off-screen first, then copied in one step, so the canvas shows either the old page or the whole new one.
 */
function drawPage(pageIndex: number, bitmap: ImageBitmap, { width: w, height: h }: Size, canvas: HTMLCanvasElement, request: RenderRequest): void {
  const rotation = addRotation(0, request.rotation)
  const quarter = rotation === 90 || rotation === 270
  const scratch = document.createElement('canvas')
  scratch.width = quarter ? h : w
  scratch.height = quarter ? w : h
  const ctx = scratch.getContext('2d')
  if (!ctx) throw new PageRenderError(pageIndex, 'damaged', '无法创建画布')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, scratch.width, scratch.height)
  // Turn clockwise about the top-left corner, then shift the page back into view.
  if (rotation === 90) ctx.setTransform(0, 1, -1, 0, h, 0)
  else if (rotation === 180) ctx.setTransform(-1, 0, 0, -1, w, h)
  else if (rotation === 270) ctx.setTransform(0, -1, 1, 0, 0, w)
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(bitmap, 0, 0, w, h)
  canvas.width = scratch.width
  canvas.height = scratch.height
  canvas.getContext('2d')?.drawImage(scratch, 0, 0)
  scratch.width = scratch.height = 0
}
