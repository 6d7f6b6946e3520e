import type { ZoomMode } from './ViewerBridge'

/** The zoom ladder +/− walk along, as fractions of 100 %. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4]

export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((s) => s > scale + 1e-6) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!
}

export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 1e-6) ?? ZOOM_STEPS[0]!
}

/**
 * The scale for a zoom mode. Fit-width fits the widest page seen so far, so mixed-size
 * files never overflow sideways; fit-page fits the current page whole.
 */
export function resolveScale(mode: ZoomMode, viewport: { width: number; height: number }, widestPage: number, current: { width: number; height: number }, margin: number): number {
  if (typeof mode === 'number') return mode
  const availableWidth = Math.max(50, viewport.width - 2 * margin)
  const availableHeight = Math.max(50, viewport.height - 2 * margin)
  if (mode === 'fit-width') return availableWidth / Math.max(1, widestPage)
  return Math.min(availableWidth / Math.max(1, current.width), availableHeight / Math.max(1, current.height))
}

/** 100 % is one CSS pixel per page unit: a PDF point, or an image pixel. */
export function zoomPercent(scale: number): string {
  return `${Math.round(scale * 100)}%`
}
