/**
 * Decoded pages kept for re-drawing (zoom, rotation, scrolling back), bounded by pixel count
 * so a 300-page TIFF or a folder of 600-dpi photos never holds more than a few decoded pages.
 * A bitmap being drawn is pinned: eviction skips it, so it is never closed under a render.
 */
export interface CachedBitmap {
  readonly bitmap: ImageBitmap
  release(): void
}

interface Entry {
  promise: Promise<ImageBitmap>
  bitmap?: ImageBitmap
  pins: number
}

export class BitmapCache {
  #entries = new Map<number, Entry>()
  #maxPixels: number
  #maxEntries: number

  /** The most recently used entry always stays, however large, so the page on screen can be redrawn. */
  constructor(maxPixels: number, maxEntries: number) {
    this.#maxPixels = maxPixels
    this.#maxEntries = maxEntries
  }

  /**
   * Resolves with the bitmap for `key`, decoding it with `load` only if not cached; call release() when drawn.
   * A cached bitmap that `fits` turns down (decoded smaller than now needed) is replaced by a new load;
   * what that load gives is taken as it is.
   */
  async acquire(key: number, load: () => Promise<ImageBitmap>, fits?: (bitmap: ImageBitmap) => boolean): Promise<CachedBitmap> {
    let entry = this.#entries.get(key)
    while (entry && fits) {
      const seen: Entry = entry
      const cached = seen.bitmap ?? (await seen.promise.catch(() => undefined))
      entry = this.#entries.get(key)
      // Evicted or replaced while we waited: look again at whatever is there now.
      if (entry !== seen) continue
      if (!cached || !fits(cached)) {
        this.#drop(key, seen)
        entry = undefined
      }
      break
    }
    if (entry) {
      // Re-insert so Map order is least-recently-used first.
      this.#entries.delete(key)
      this.#entries.set(key, entry)
    } else {
      const created: Entry = { promise: load(), pins: 0 }
      entry = created
      this.#entries.set(key, created)
      created.promise.then(
        (bitmap) => {
          created.bitmap = bitmap
          // Cleared or replaced while decoding: nobody will look this up again.
          if (this.#entries.get(key) !== created && created.pins === 0) bitmap.close()
          else this.#evict()
        },
        () => {
          if (this.#entries.get(key) === created) this.#entries.delete(key)
        },
      )
    }
    entry.pins++
    let bitmap: ImageBitmap
    try {
      bitmap = await entry.promise
    } catch (e) {
      entry.pins--
      throw e
    }
    const pinned = entry
    let released = false
    return {
      bitmap,
      release: () => {
        if (released) return
        released = true
        pinned.pins--
        if (this.#entries.get(key) !== pinned) {
          if (pinned.pins === 0) bitmap.close()
        } else this.#evict()
      },
    }
  }

  /** Forgets an entry; its bitmap is closed now if nobody is drawing it, else on the last release. */
  #drop(key: number, entry: Entry): void {
    this.#entries.delete(key)
    if (entry.pins === 0) entry.bitmap?.close()
  }

  #evict(): void {
    const ready = () => [...this.#entries].filter(([, e]) => e.bitmap)
    let pixels = ready().reduce((sum, [, e]) => sum + e.bitmap!.width * e.bitmap!.height, 0)
    let count = this.#entries.size
    const newest = [...this.#entries.keys()].at(-1)
    for (const [key, e] of ready()) {
      if (pixels <= this.#maxPixels && count <= this.#maxEntries) break
      if (e.pins > 0 || key === newest) continue
      pixels -= e.bitmap!.width * e.bitmap!.height
      count--
      e.bitmap!.close()
      this.#entries.delete(key)
    }
  }

  clear(): void {
    for (const e of this.#entries.values()) if (e.pins === 0) e.bitmap?.close()
    this.#entries.clear()
  }
}
