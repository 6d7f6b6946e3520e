import { describe, expect, it } from 'vitest'
import { currentSlot, layoutSlots, PAGE_GAP, PAGE_MARGIN, visibleRange } from '../../../../renderer/src/viewer/layout'
import { resolveScale, zoomIn, zoomOut } from '../../../../renderer/src/viewer/zoom'

describe('slot layout', () => {
  const layout = layoutSlots(Array.from({ length: 1000 }, (_, i) => ({ width: 600, height: i === 1 ? 400 : 800 })))

  it('stacks pages with gaps and margins', () => {
    expect(layout.tops[0]).toBe(PAGE_MARGIN)
    expect(layout.tops[1]).toBe(PAGE_MARGIN + 800 + PAGE_GAP)
    expect(layout.tops[2]).toBe(PAGE_MARGIN + 800 + PAGE_GAP + 400 + PAGE_GAP)
    expect(layout.totalHeight).toBe(PAGE_MARGIN * 2 + 999 * 800 + 400 + 999 * PAGE_GAP)
  })

  it('finds the visible pages by binary search', () => {
    expect(visibleRange(layout, 0, 900)).toEqual({ first: 0, last: 1 })
    const top = layout.tops[500]!
    expect(visibleRange(layout, top, 1700)).toEqual({ first: 500, last: 502 })
    expect(visibleRange(layoutSlots([]), 0, 100)).toEqual({ first: 0, last: -1 })
  })

  it('calls the page covering the upper third of the viewport current', () => {
    expect(currentSlot(layout, layout.tops[10]! - 100, 900)).toBe(10)
    expect(currentSlot(layout, layout.tops[10]! - 400, 900)).toBe(9)
    expect(currentSlot(layout, layout.totalHeight, 900)).toBe(999)
  })
})

describe('zoom', () => {
  it('walks the zoom ladder', () => {
    expect(zoomIn(1)).toBe(1.1)
    expect(zoomOut(1)).toBe(0.9)
    expect(zoomIn(1.05)).toBe(1.1)
    expect(zoomOut(0.25)).toBe(0.25)
    expect(zoomIn(4)).toBe(4)
  })

  it('fits width to the widest page and fit-page to the whole current page', () => {
    expect(resolveScale('fit-width', { width: 1032, height: 800 }, 500, { width: 500, height: 700 }, 16)).toBe(2)
    expect(resolveScale('fit-page', { width: 1032, height: 732 }, 500, { width: 500, height: 700 }, 16)).toBe(1)
    expect(resolveScale(1.5, { width: 1, height: 1 }, 1, { width: 1, height: 1 }, 16)).toBe(1.5)
  })
})
