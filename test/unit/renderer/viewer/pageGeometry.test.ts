import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { displaySize, pageRectToView, pageToView, viewRectToPage, viewToPage } from '../../../../renderer/src/pages/pageGeometry'
import type { PageInfo, Rotation } from '../../../../renderer/src/pages/PageSource'

const a4: PageInfo = { width: 595, height: 842, intrinsicRotation: 0 }

describe('page geometry', () => {
  it('swaps width and height for quarter turns', () => {
    expect(displaySize(a4, 0, 2)).toEqual({ width: 1190, height: 1684 })
    expect(displaySize(a4, 90, 1)).toEqual({ width: 842, height: 595 })
    expect(displaySize(a4, 270, 0.5)).toEqual({ width: 421, height: 297.5 })
  })

  it.each<[Rotation, [number, number]]>([
    // The page's lower-left corner (0,0) ends up at a different screen corner for each rotation.
    [0, [0, 842]],
    [90, [0, 0]],
    [180, [595, 0]],
    [270, [842, 595]],
  ])('rotation %i puts the lower-left corner at %j', (rotation, expected) => {
    expect(pageToView(a4, rotation, 1, 0, 0)).toEqual(expected)
  })

  it('maps a rectangle near the top-left of an upright page to the top-right after a clockwise turn', () => {
    const rect = { x: 50, y: 742, width: 100, height: 50 } // near the top-left in PDF space (y up)
    expect(pageRectToView(a4, 0, 1, rect)).toEqual({ x: 50, y: 50, width: 100, height: 50 })
    expect(pageRectToView(a4, 90, 1, rect)).toEqual({ x: 842 - 100, y: 50, width: 50, height: 100 })
  })

  it('round-trips any point through view space at any rotation and zoom', () => {
    fc.assert(
      fc.property(fc.constantFrom<Rotation>(0, 90, 180, 270), fc.double({ min: 0.1, max: 8, noNaN: true }), fc.double({ min: 0, max: 595, noNaN: true }), fc.double({ min: 0, max: 842, noNaN: true }), (rot, scale, x, y) => {
          const [vx, vy] = pageToView(a4, rot, scale, x, y)
          const [px, py] = viewToPage(a4, rot, scale, vx, vy)
          expect(px).toBeCloseTo(x, 6)
          expect(py).toBeCloseTo(y, 6)
        }),
    )
  })

  it('a rectangle drawn on screen comes back where it was drawn, whatever the zoom and rotation', () => {
    fc.assert(
      fc.property(fc.constantFrom<Rotation>(0, 90, 180, 270), fc.double({ min: 0.25, max: 4, noNaN: true }), (rot, scale) => {
        const size = displaySize(a4, rot, scale)
        const drawn = { x: size.width * 0.1, y: size.height * 0.2, width: size.width * 0.3, height: size.height * 0.25 }
        const stored = viewRectToPage(a4, rot, scale, drawn)
        const shown = pageRectToView(a4, rot, scale, stored)
        for (const k of ['x', 'y', 'width', 'height'] as const) expect(shown[k]).toBeCloseTo(drawn[k], 6)
      }),
    )
  })

  it('clips a drag that leaves the page to the page box', () => {
    const r = viewRectToPage(a4, 0, 1, { x: -20, y: -20, width: 100, height: 100 })
    expect(r).toEqual({ x: 0, y: 762, width: 80, height: 80 })
  })
})
