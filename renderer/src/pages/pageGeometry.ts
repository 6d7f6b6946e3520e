import type { PageInfo, Rotation } from './PageSource'
import { addRotation } from './PageSource'

/**
 * Page space: the unrotated page box in page units with the origin at its lower-left
 * corner and y pointing up, as in PDF user space. View space: CSS pixels inside the
 * page's slot on screen, origin top-left, after rotation and zoom. Marks are stored in
 * page space so they stay on the same spot whatever the zoom or rotation.
 */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export function totalRotation(info: PageInfo, userRotation: number): Rotation {
  return addRotation(info.intrinsicRotation, userRotation)
}

/** The slot size on screen for a page at `scale` with the given total rotation. */
export function displaySize(info: PageInfo, rotation: Rotation, scale: number): { width: number; height: number } {
  const swap = rotation === 90 || rotation === 270
  return { width: (swap ? info.height : info.width) * scale, height: (swap ? info.width : info.height) * scale }
}

/** A point in page space to view space. */
export function pageToView(info: PageInfo, rotation: Rotation, scale: number, px: number, py: number): [number, number] {
  const w = info.width
  const h = info.height
  // Unrotated view (y down): (px, h - py). Then rotate clockwise by `rotation` inside the box.
  const ux = px
  const uy = h - py
  let vx: number
  let vy: number
  switch (rotation) {
    case 0:
      ;[vx, vy] = [ux, uy]
      break
    case 90:
      ;[vx, vy] = [h - uy, ux]
      break
    case 180:
      ;[vx, vy] = [w - ux, h - uy]
      break
    case 270:
      ;[vx, vy] = [uy, w - ux]
      break
  }
  return [vx * scale, vy * scale]
}

/** A point in view space back to page space. */
export function viewToPage(info: PageInfo, rotation: Rotation, scale: number, vx: number, vy: number): [number, number] {
  const w = info.width
  const h = info.height
  const x = vx / scale
  const y = vy / scale
  let ux: number
  let uy: number
  switch (rotation) {
    case 0:
      ;[ux, uy] = [x, y]
      break
    case 90:
      ;[ux, uy] = [y, h - x]
      break
    case 180:
      ;[ux, uy] = [w - x, h - y]
      break
    case 270:
      ;[ux, uy] = [w - y, x]
      break
  }
  return [ux, h - uy]
}

function boundsOf(points: [number, number][]): Rect {
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

export function pageRectToView(info: PageInfo, rotation: Rotation, scale: number, r: Rect): Rect {
  return boundsOf([
    pageToView(info, rotation, scale, r.x, r.y),
    pageToView(info, rotation, scale, r.x + r.width, r.y + r.height),
  ])
}

/** A rectangle dragged on screen to page space, clipped to the page box. */
export function viewRectToPage(info: PageInfo, rotation: Rotation, scale: number, r: Rect): Rect {
  const b = boundsOf([viewToPage(info, rotation, scale, r.x, r.y), viewToPage(info, rotation, scale, r.x + r.width, r.y + r.height)])
  const x0 = Math.max(0, b.x)
  const y0 = Math.max(0, b.y)
  const x1 = Math.min(info.width, b.x + b.width)
  const y1 = Math.min(info.height, b.y + b.height)
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) }
}
