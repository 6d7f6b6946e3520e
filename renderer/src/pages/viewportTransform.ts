import type { Rotation } from './PageSource'

export type Transform = [number, number, number, number, number, number]

/**
 * PDF user space → canvas pixels for a page box, rotation and scale: the same matrix pdf.js's
 * PageViewport computes, so a page drawn without pdf.js lands on exactly the same pixels
 * (and region marks, which live in page space, stay where the reviewer drew them).
 */
export function viewportTransform(view: readonly [number, number, number, number], rotation: Rotation, scale: number): { transform: Transform; width: number; height: number } {
  const [x0, y0, x1, y1] = view
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const [a, b, c, d] = rotation === 90 ? [0, 1, 1, 0] : rotation === 180 ? [-1, 0, 0, 1] : rotation === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1]
  const quarter = a === 0
  const offsetX = (quarter ? Math.abs(cy - y0) : Math.abs(cx - x0)) * scale
  const offsetY = (quarter ? Math.abs(cx - x0) : Math.abs(cy - y0)) * scale
  const w = (x1 - x0) * scale
  const h = (y1 - y0) * scale
  return {
    transform: [a * scale, b * scale, c * scale, d * scale, offsetX - a * scale * cx - c * scale * cy, offsetY - b * scale * cx - d * scale * cy],
    width: quarter ? h : w,
    height: quarter ? w : h,
  }
}

/** `first` then `second`, in PDF's row-vector convention (as `cm` concatenates). */
export function concat(first: readonly number[], second: readonly number[]): Transform {
  const [a1, b1, c1, d1, e1, f1] = first as Transform
  const [a2, b2, c2, d2, e2, f2] = second as Transform
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2]
}
