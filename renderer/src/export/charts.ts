import { Raster } from './raster'
import type { Rgb } from './raster'

// Charts are PNG images drawn here (no canvas in Node, and docx's SVG path needs a PNG fallback anyway).
// They carry only numbers; every Chinese label sits in the document text next to them (legend line, ranked table),
// so they render identically in Word, WPS and LibreOffice.

export interface ChartImage {
  png: Uint8Array
  /** Display size in points at which the image is sharp (drawn at 2× for print). */
  widthPt: number
  heightPt: number
}

/** Colour per grade, best first; also used for the "■" legend marks in the document text. */
export const GRADE_COLOURS: readonly Rgb[] = [
  [46, 117, 182],
  [112, 173, 71],
  [237, 125, 49],
  [165, 165, 165],
  [91, 155, 213],
]

export function hex(c: Rgb): string {
  return c.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase()
}

const AXIS: Rgb = [64, 64, 64]
const GRID: Rgb = [217, 217, 217]
const INK: Rgb = [38, 38, 38]

function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p
  return 10 * p
}

/** Column chart of file counts per grade, each column labelled "count" over "percent%". */
export function gradeColumnChart(grades: readonly { files: number; percentText: string }[]): ChartImage {
  const S = 2
  const W = 400 * S
  const H = 200 * S
  const r = new Raster(W, H)
  const left = 30 * S
  const bottom = H - 12 * S
  const top = 40 * S
  const max = niceMax(Math.max(...grades.map((g) => g.files), 1))
  const plotH = bottom - top
  for (let k = 0; k <= 4; k++) {
    const y = bottom - (plotH * k) / 4
    r.fillRect(left, y, W - left - 10 * S, S, k === 0 ? AXIS : GRID)
    const label = String(Math.round((max * k) / 4 * 10) / 10)
    r.text(label, left - 4 * S - Raster.textWidth(label, 2 * S), y - 5 * S, 2 * S, AXIS)
  }
  const slot = (W - left - 10 * S) / Math.max(grades.length, 1)
  const bw = Math.min(70 * S, slot * 0.55)
  grades.forEach((g, i) => {
    const h = (plotH * g.files) / max
    const x = left + slot * i + (slot - bw) / 2
    r.fillRect(x, bottom - h, bw, h, GRADE_COLOURS[i % GRADE_COLOURS.length]!)
    const a = String(g.files)
    const b = `${g.percentText}%`
    r.text(a, x + (bw - Raster.textWidth(a, 3 * S)) / 2, bottom - h - 33 * S, 3 * S, INK)
    r.text(b, x + (bw - Raster.textWidth(b, 2 * S)) / 2, bottom - h - 14 * S, 2 * S, INK)
  })
  return { png: r.toPng(), widthPt: 300, heightPt: 150 }
}

/**
 * Horizontal bars of agency mean scores in rank order, each bar numbered with its rank (the ranked table beside
 * it names the agency) and ending in the mean. The axis starts at 0 so small gaps are not exaggerated.
 */
export function agencyMeanChart(rows: readonly { rank: number; meanText: string; mean: number }[], maxScore: number): ChartImage {
  const S = 2
  const barH = 14 * S
  const gap = 6 * S
  const W = 400 * S
  const top = 6 * S
  const H = top + rows.length * (barH + gap) + 18 * S
  const r = new Raster(W, H)
  const left = 26 * S
  const right = W - 50 * S
  const bottom = H - 16 * S
  const max = niceMax(maxScore)
  for (let k = 0; k <= 5; k++) {
    const x = left + ((right - left) * k) / 5
    r.fillRect(x, top, S, bottom - top, k === 0 ? AXIS : GRID)
    const label = String(Math.round((max * k) / 5))
    r.text(label, x - Raster.textWidth(label, 2 * S) / 2, bottom + 4 * S, 2 * S, AXIS)
  }
  r.fillRect(left, bottom, right - left, S, AXIS)
  rows.forEach((row, i) => {
    const y = top + i * (barH + gap) + gap / 2
    const w = ((right - left) * Math.max(0, row.mean)) / max
    r.fillRect(left + S, y, w, barH, GRADE_COLOURS[0]!)
    const rank = String(row.rank)
    r.text(rank, left - 6 * S - Raster.textWidth(rank, 2 * S), y + (barH - 10 * S) / 2, 2 * S, INK)
    r.text(row.meanText, left + S + w + 4 * S, y + (barH - 10 * S) / 2, 2 * S, INK)
  })
  return { png: r.toPng(), widthPt: 400 * 0.75, heightPt: (H / S) * 0.75 }
}
