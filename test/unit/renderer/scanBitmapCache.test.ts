import { describe, expect, it } from 'vitest'
import { ScanBitmapCache } from '../../../renderer/src/pages/scanBitmapCache'

/** Enough of an ImageBitmap for the cache: a size and whether it was closed. */
function bitmap(width: number, height: number) {
  const b = { width, height, closed: false, close: () => void (b.closed = true) }
  return b as unknown as ImageBitmap & { closed: boolean }
}

describe('ScanBitmapCache', () => {
  it('finds a page decoded at least as large as asked, not a smaller one', () => {
    const cache = new ScanBitmapCache(10_000)
    const page = bitmap(50, 60)
    cache.put(3, page)
    expect(cache.find(3, 20, 30)).toBe(page)
    expect(cache.find(3, 50, 60)).toBe(page)
    expect(cache.find(3, 51, 60)).toBeNull()
    expect(cache.find(4, 1, 1)).toBeNull()
  })

  it('evicts least recently used pages past its pixel budget and closes them', () => {
    const cache = new ScanBitmapCache(3 * 100)
    const [a, b, c, d] = [bitmap(10, 10), bitmap(10, 10), bitmap(10, 10), bitmap(10, 10)]
    cache.put(1, a)
    cache.put(2, b)
    cache.put(3, c)
    // Touch 1 so that 2 is the oldest; asking whether 2 is held does not count as a use.
    expect(cache.find(1, 1, 1)).toBe(a)
    expect(cache.has(2)).toBe(true)
    cache.put(4, d)
    expect(b.closed).toBe(true)
    expect(cache.find(2, 1, 1)).toBeNull()
    expect([a.closed, c.closed, d.closed]).toEqual([false, false, false])
  })

  it('keeps the newest page even when it alone is over budget, and replaces a page decoded again', () => {
    const cache = new ScanBitmapCache(100)
    const small = bitmap(10, 10)
    const big = bitmap(20, 20)
    cache.put(1, small)
    cache.put(1, big)
    expect(small.closed).toBe(true)
    expect(cache.find(1, 20, 20)).toBe(big)
    cache.clear()
    expect(big.closed).toBe(true)
    expect(cache.find(1, 1, 1)).toBeNull()
  })
})
