import { NO_SCAN_PAGES, type ScanIndex } from './scan/scanPage'
import type { ViewerReading } from './scan/buildScanIndex'
import { appendixAgrees, type PdfFacts } from './openPdf'

/**
 * What is stored of a reading of a PDF's structure (pdf/scan/buildScanIndex.ts), at import or in
 * the background later: the scan index, or NO_SCAN_PAGES to record that the file was looked at and
 * has no such page; and the page-tree appendix, only if pdf.js reads the file with it as it did
 * without (`plain`, null when that is unknown).
 */
export async function viewerReadingToStore(blob: Blob, read: ViewerReading | null, plain: PdfFacts | null): Promise<{ scanIndex: ScanIndex; appendix: string | null }> {
  const scanIndex = read?.scanIndex?.pages.some((p) => p !== null) ? read.scanIndex : NO_SCAN_PAGES
  const appendix = read?.appendix && plain && (await appendixAgrees(blob, read.appendix, plain)) ? read.appendix : null
  return { scanIndex, appendix }
}
