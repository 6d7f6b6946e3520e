import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dctScaledSize } from '../../../renderer/src/pages/decodeScanJpeg'

describe('dctScaledSize', () => {
  it('picks half size for a 300 dpi A4 scan at fit-width, and the full size when little is saved', () => {
    expect(dctScaledSize([2480, 3508], { width: 1068, height: 1511 })).toEqual({ width: 1240, height: 1754 })
    expect(dctScaledSize([2480, 3508], { width: 120, height: 170 })).toEqual({ width: 310, height: 439 })
    expect(dctScaledSize([2480, 3508], { width: 2200, height: 3112 })).toBeNull()
    expect(dctScaledSize([600, 848], { width: 595, height: 842 })).toBeNull()
    // Edges that are not multiples of 8 round up, as libjpeg's do.
    expect(dctScaledSize([2483, 3509], { width: 900, height: 1200 })).toEqual({ width: 932, height: 1316 })
  })

  // Chosen by the unrounded n/8 (a few pixels of libjpeg's rounding up are not counted on), so Chromium, which picks its scale from the asked size, lands on the same n.
  it('always covers the target with the smallest n/8 that does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 20000 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (w, h, fx, fy) => {
          const target = { width: Math.max(1, Math.round(w * fx)), height: Math.max(1, Math.round(h * fy)) }
          const got = dctScaledSize([w, h], target)
          const covers = (n: number) => w * n >= 8 * target.width && h * n >= 8 * target.height
          const n = [1, 2, 3, 4, 5, 6, 7, 8].find(covers)!
          if (n === 8) {
            expect(got).toBeNull()
            return
          }
          expect(got).toEqual({ width: Math.ceil((w * n) / 8), height: Math.ceil((h * n) / 8) })
          expect(got!.width >= target.width && got!.height >= target.height).toBe(true)
        },
      ),
    )
  })
})
