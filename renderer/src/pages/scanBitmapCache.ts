/**
 * The last few scan pages decoded at reading size. A thumbnail, or a redraw after rotating, is
 * then drawn from one of these instead of decoding the 300 dpi JPEG again. Bounded by pixels.
 * Draws from a cached bitmap are synchronous, so closing an evicted one never races a draw.
 * Not BitmapCache (image case files), which shares each decode and lets it finish into the cache:
 * here a withdrawn page's decode is dropped, so a flip starts on the next page at once.
 */
export class ScanBitmapCache {
  #entries = new Map<number, ImageBitmap>()
  #maxPixels: number

  constructor(maxPixels: number) {
    this.#maxPixels = maxPixels
  }

  /** A bitmap of the page at least this large, or null. */
  find(pageIndex: number, minWidth: number, minHeight: number): ImageBitmap | null {
    const bitmap = this.#entries.get(pageIndex)
    if (!bitmap || bitmap.width < minWidth || bitmap.height < minHeight) return null
    // Map order is least recently used first.
    this.#entries.delete(pageIndex)
    this.#entries.set(pageIndex, bitmap)
    return bitmap
  }

  /** Whether the page is held at some size; unlike find, this does not count as a use. */
  has(pageIndex: number): boolean {
    return this.#entries.has(pageIndex)
  }

  /** Keeps `bitmap` (the cache now owns it and closes it when evicted). */
  put(pageIndex: number, bitmap: ImageBitmap): void {
    const old = this.#entries.get(pageIndex)
    if (old && old !== bitmap) old.close()
    this.#entries.delete(pageIndex)
    this.#entries.set(pageIndex, bitmap)
    let pixels = 0
    for (const b of this.#entries.values()) pixels += b.width * b.height
    for (const [key, b] of this.#entries) {
      if (pixels <= this.#maxPixels || key === pageIndex) break
      pixels -= b.width * b.height
      b.close()
      this.#entries.delete(key)
    }
  }

  clear(): void {
    for (const b of this.#entries.values()) b.close()
    this.#entries.clear()
  }
}
