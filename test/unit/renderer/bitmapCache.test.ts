import { describe, expect, it } from 'vitest'
import { BitmapCache } from '../../../renderer/src/pages/bitmapCache'

/** Stands in for an ImageBitmap: only size and close() matter to the cache. */
const fakeBitmap = (side: number) => {
  const b = { width: side, height: side, closed: false, close: () => void (b.closed = true) }
  return b
}
type Fake = ReturnType<typeof fakeBitmap>

describe('BitmapCache', () => {
  it('decodes a page once while it stays cached', async () => {
    const cache = new BitmapCache(1000, 4)
    let loads = 0
    const load = async () => (loads++, fakeBitmap(10) as unknown as ImageBitmap)
    ;(await cache.acquire(1, load)).release()
    ;(await cache.acquire(1, load)).release()
    expect(loads).toBe(1)
  })

  it('keeps within its pixel budget, closing the least recently used pages', async () => {
    const cache = new BitmapCache(250, 10) // room for two 10×10 pages
    const made: Fake[] = []
    const load = (i: number) => async () => {
      const b = fakeBitmap(10)
      made[i] = b
      return b as unknown as ImageBitmap
    }
    for (let i = 0; i < 5; i++) (await cache.acquire(i, load(i))).release()
    expect(made.map((b) => b.closed)).toEqual([true, true, true, false, false])
  })

  it('never closes a page that is being drawn, and closes it once released', async () => {
    const cache = new BitmapCache(150, 10) // room for one page
    const first = fakeBitmap(10)
    const held = await cache.acquire(0, async () => first as unknown as ImageBitmap)
    for (let i = 1; i < 4; i++) (await cache.acquire(i, async () => fakeBitmap(10) as unknown as ImageBitmap)).release()
    expect(first.closed).toBe(false)
    held.release()
    ;(await cache.acquire(9, async () => fakeBitmap(10) as unknown as ImageBitmap)).release()
    expect(first.closed).toBe(true)
  })

  it('does not cache a failed decode', async () => {
    const cache = new BitmapCache(1000, 4)
    await expect(cache.acquire(0, async () => Promise.reject(new Error('bad')))).rejects.toThrow('bad')
    const ok = await cache.acquire(0, async () => fakeBitmap(1) as unknown as ImageBitmap)
    expect(ok.bitmap.width).toBe(1)
  })

  describe('with a size check', () => {
    const atLeast = (side: number) => (b: ImageBitmap) => b.width >= side
    const loader = (side: number, made: Fake[]) => async () => {
      const b = fakeBitmap(side)
      made.push(b)
      return b as unknown as ImageBitmap
    }

    it('reuses a cached page decoded large enough, and decodes again one decoded too small', async () => {
      const cache = new BitmapCache(10_000, 4)
      const made: Fake[] = []
      ;(await cache.acquire(0, loader(10, made), atLeast(5))).release()
      ;(await cache.acquire(0, loader(10, made), atLeast(10))).release()
      expect(made).toHaveLength(1)
      const bigger = await cache.acquire(0, loader(40, made), atLeast(30))
      expect(made).toHaveLength(2)
      expect(bigger.bitmap).toBe(made[1])
      // The small one is gone and closed; the large one now serves small requests too.
      expect(made[0]!.closed).toBe(true)
      bigger.release()
      const thumb = await cache.acquire(0, loader(10, made), atLeast(10))
      expect(thumb.bitmap).toBe(made[1])
      thumb.release()
      expect(made).toHaveLength(2)
    })

    it('closes a replaced page only once whoever is drawing it lets go', async () => {
      const cache = new BitmapCache(10_000, 4)
      const made: Fake[] = []
      const small = await cache.acquire(0, loader(10, made), atLeast(10))
      const big = await cache.acquire(0, loader(40, made), atLeast(40))
      expect(made[0]!.closed).toBe(false)
      small.release()
      expect(made[0]!.closed).toBe(true)
      big.release()
      expect(made[1]!.closed).toBe(false)
    })

    it('waits for a decode under way before judging it, and takes what its own decode gives', async () => {
      const cache = new BitmapCache(10_000, 4)
      const made: Fake[] = []
      let finish!: () => void
      const slow = async () => {
        await new Promise<void>((r) => (finish = r))
        return loader(10, made)()
      }
      const first = cache.acquire(0, slow, atLeast(10))
      // Asks for more than anything will give: the new decode's result is used, not decoded again and again.
      const second = cache.acquire(0, loader(20, made), atLeast(1000))
      finish()
      const [a, b] = await Promise.all([first, second])
      expect(a.bitmap).toBe(made[0])
      expect(b.bitmap).toBe(made[1])
      expect(made).toHaveLength(2)
      a.release()
      b.release()
      expect(made[0]!.closed).toBe(true)
    })
  })
})
