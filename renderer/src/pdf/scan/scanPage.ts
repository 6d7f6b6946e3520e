/** Image unit square → page user space, as a PDF content stream's `cm` matrices compose. */
export type Matrix = [number, number, number, number, number, number]

/**
 * A page that is nothing but one JPEG: what a scanner writes. The viewer draws such pages with
 * the browser's own decoder straight from the stored file, without pdf.js.
 */
export interface ScanPage {
  /** As pdf.js's page.view: the crop box clipped to the media box, [x0, y0, x1, y1] in points. */
  view: [number, number, number, number]
  /** The page's /Rotate, normalised as pdf.js does. */
  rotate: 0 | 90 | 180 | 270
  /** Where the JPEG's bytes sit in the file, end exclusive. */
  jpeg: [number, number]
  /** Its size in pixels. */
  pixels: [number, number]
  matrix: Matrix
}

/** One entry per page, null where the page needs pdf.js. Built at import, kept with the case file. */
export interface ScanIndex {
  version: 1
  pages: (ScanPage | null)[]
}

/** Stored for a PDF that was indexed and has no page the fast path can take, so it is not indexed again. */
export const NO_SCAN_PAGES: ScanIndex = { version: 1, pages: [] }

const finite = (xs: unknown, n: number): boolean => Array.isArray(xs) && xs.length === n && xs.every((x) => typeof x === 'number' && Number.isFinite(x))

/**
 * The index travels in exchange packages, so it is checked before use: a page entry that does
 * not make sense for this file is dropped (that page then goes through pdf.js), never trusted.
 */
export function usableScanIndex(index: unknown, pageCount: number, fileSize: number): ScanIndex | null {
  if (!index || typeof index !== 'object') return null
  const { version, pages } = index as Partial<ScanIndex>
  if (version !== 1 || !Array.isArray(pages) || pages.length !== pageCount) return null
  const checked = pages.map((p) => (isScanPage(p, fileSize) ? p : null))
  return checked.some((p) => p !== null) ? { version: 1, pages: checked } : null
}

function isScanPage(p: unknown, fileSize: number): p is ScanPage {
  if (!p || typeof p !== 'object') return false
  const s = p as ScanPage
  return (
    finite(s.view, 4) &&
    s.view[2] > s.view[0] &&
    s.view[3] > s.view[1] &&
    [0, 90, 180, 270].includes(s.rotate) &&
    finite(s.jpeg, 2) &&
    Number.isInteger(s.jpeg[0]) &&
    Number.isInteger(s.jpeg[1]) &&
    s.jpeg[0] >= 0 &&
    s.jpeg[1] > s.jpeg[0] &&
    s.jpeg[1] <= fileSize &&
    finite(s.pixels, 2) &&
    s.pixels.every((x) => Number.isInteger(x) && x > 0 && x <= 65535) &&
    finite(s.matrix, 6) &&
    s.matrix[0] * s.matrix[3] - s.matrix[1] * s.matrix[2] !== 0
  )
}
