import type { CaseDb } from '../store/db'
import { getBlob, saveViewerReading } from '../store/caseFiles'
import type { CaseFileRecord } from '../store/records'
import { openPdf, pdfFacts, type PdfFacts } from '../pdf/openPdf'
import type { PageSource } from './PageSource'
import { PdfPageSource } from './pdfPageSource'
import { createImagePageSource } from './imagePageSource'
import { ScanPdfPageSource } from './scanPdfPageSource'
import { usableScanIndex } from '../pdf/scan/scanPage'
import { viewerReadingToStore } from '../pdf/viewerReadingToStore'
import { readForViewer } from '../pdf/scan/buildScanIndex'
import { appendixBytes } from '../pdf/scan/pageTreeAppendix'
import { blobByteSource } from '../pdf/scan/blobByteSource'

export type OpenPageSourceResult = { ok: true; source: PageSource } | { ok: false; message: string }

/** Opens whatever a case file is stored as behind the one PageSource interface. */
export async function openPageSource(db: CaseDb, caseFile: CaseFileRecord): Promise<OpenPageSourceResult> {
  const blobs: Blob[] = []
  for (const s of caseFile.sources) {
    const blob = await getBlob(db, s.sha256)
    if (!blob) return { ok: false, message: `案卷文件「${s.name}」的内容缺失，请重新导入。` }
    blobs.push(blob)
  }
  if (caseFile.kind === 'images') {
    if (!caseFile.pages) return { ok: false, message: '图片案卷缺少页面信息，请重新导入。' }
    return { ok: true, source: createImagePageSource(blobs, caseFile.sources, caseFile.pages) }
  }
  const blob = blobs[0]!
  const failed = (kind: string) => (kind === 'needs-password' || kind === 'wrong-password' ? '保存的打开密码已失效，请删除后重新导入。' : '无法打开该案卷文件，文件可能已损坏。')
  // Only when pdf.js is needed: a scan drawn by the fast path never reads the appendix.
  const open = async () => {
    const appendix = usableAppendix(caseFile.pageTreeAppendix)
    // The ranges recorded at import were read without the appendix; with it pdf.js needs few reads anyway.
    const warm = appendix ? [] : caseFile.openRanges
    const r = await openPdf(blob, caseFile.pdfPassword, warm, appendix)
    if (!r.ok) throw new Error(failed(r.failure.kind))
    return { doc: r.doc, transport: r.transport }
  }
  const openPdfSource = async (): Promise<PdfPageSource> => new PdfPageSource(await open(), open)
  // A scan whose pages are single JPEGs shows them without waiting for pdf.js to open the file.
  const scans = usableScanIndex(caseFile.scanIndex, caseFile.pageCount, blob.size)
  if (scans) return { ok: true, source: new ScanPdfPageSource(blob, scans, openPdfSource) }
  if (caseFile.scanIndex === undefined && caseFile.pdfPassword === undefined) indexLater(db, caseFile, blob)
  try {
    return { ok: true, source: await openPdfSource() }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}

/** Wait this long after opening before indexing, so the reads do not compete with the first pages. */
const INDEX_DELAY_MS = 3000

/**
 * Files imported before scan indexing existed get their index in the background the first time
 * they are opened; the next open draws their scan pages directly.
 */
function indexLater(db: CaseDb, caseFile: CaseFileRecord, blob: Blob): void {
  setTimeout(() => {
    void (async () => {
      const read = await readForViewer(blobByteSource(blob), caseFile.pageCount)
      // pdf.js's plain reading, to check the appendix against; only opened when there is one.
      let plain: PdfFacts | null = null
      if (read.appendix) {
        const opened = await openPdf(blob)
        if (opened.ok) {
          const facts = await pdfFacts(opened.doc).catch(() => null)
          void opened.doc.destroy()
          if (facts?.pageCount === caseFile.pageCount) plain = facts
        }
      }
      const { scanIndex, appendix } = await viewerReadingToStore(blob, read, plain)
      await saveViewerReading(db, caseFile.id, scanIndex, appendix)
    })().catch(() => undefined)
  }, INDEX_DELAY_MS)
}

/** The appendix comes from the store (and may have come in an exchange package): only a byte array of sane size is used. */
function usableAppendix(a: unknown): Uint8Array | null {
  return typeof a === 'string' && a.length > 0 && a.length <= 16 * 1024 * 1024 && a.startsWith('\n') && a.endsWith('%%EOF\n') ? appendixBytes(a) : null
}
