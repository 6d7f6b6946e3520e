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
})
