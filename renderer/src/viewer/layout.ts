/** Vertical gap between pages and the margin around them, in CSS pixels. */
export const PAGE_GAP = 12
export const PAGE_MARGIN = 16

export interface SlotLayout {
  /** Top of each page slot, in CSS pixels from the top of the scroll content. */
  tops: Float64Array
  heights: Float64Array
  widths: Float64Array
  totalHeight: number
  maxWidth: number
}

export function layoutSlots(sizes: { width: number; height: number }[]): SlotLayout {
  const n = sizes.length
  const tops = new Float64Array(n)
  const heights = new Float64Array(n)
  const widths = new Float64Array(n)
  let y = PAGE_MARGIN
  let maxWidth = 0
  for (let i = 0; i < n; i++) {
    const s = sizes[i]!
    tops[i] = y
    heights[i] = s.height
    widths[i] = s.width
    maxWidth = Math.max(maxWidth, s.width)
    y += s.height + PAGE_GAP
  }
  return { tops, heights, widths, totalHeight: y - PAGE_GAP + PAGE_MARGIN, maxWidth }
}

/** First slot whose bottom is below `y` (binary search; slots are sorted by top). */
export function slotAt(layout: SlotLayout, y: number): number {
  let lo = 0
  let hi = layout.tops.length - 1
  if (hi < 0) return -1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (layout.tops[mid]! + layout.heights[mid]! < y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Slots intersecting [top, top + height), as an inclusive index range. */
export function visibleRange(layout: SlotLayout, top: number, height: number): { first: number; last: number } {
  const n = layout.tops.length
  if (n === 0) return { first: 0, last: -1 }
  const first = slotAt(layout, top)
  let last = first
  while (last + 1 < n && layout.tops[last + 1]! < top + height) last++
  return { first, last }
}

/** The page a reviewer is "on": the one covering the line a third of the way down the viewport. */
export function currentSlot(layout: SlotLayout, top: number, height: number): number {
  const n = layout.tops.length
  if (n === 0) return 0
  const i = slotAt(layout, top + height / 3)
  return Math.min(Math.max(i, 0), n - 1)
}
