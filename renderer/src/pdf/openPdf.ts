import type { PDFDocumentProxy } from 'pdfjs-dist'
import { BlobRangeTransport, type ByteRange } from './blobRangeTransport'
import { pdfjs, pdfjsAssetOptions } from './pdfjs'
import { saslprep } from './saslprep'
import { appendixBytes } from './scan/pageTreeAppendix'

export type OpenPdfFailure =
  | { kind: 'empty' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'needs-password' }
  | { kind: 'wrong-password' }
  | { kind: 'unknown'; detail: string }

/** `openRanges`: what pdf.js read to open the file; kept with the case file to warm later opens. */
export type OpenPdfResult = { ok: true; doc: PDFDocumentProxy; openRanges: ByteRange[]; transport: BlobRangeTransport } | { ok: false; failure: OpenPdfFailure }

/** Enough for the page tree of a few thousand pages; more is not worth keeping in the record. */
const MAX_RECORDED_RANGES = 5000

/**
 * 64 KiB ranges (pdf.js's default). pdf.js fetches every page dictionary of the page tree while
 * opening; in a scan those sit between megabyte images, so 1 MiB chunks read the whole file at open
 * (1 GB for 1,000 pages). pdf.js merges adjacent chunks into one request, so a page image is still one read.
 */
const RANGE_CHUNK = 1 << 16

/**
 * Opens a PDF Blob by ranges. A password is tried once; instead of pdf.js's prompt loop we return needs-password / wrong-password so the UI can ask in Chinese.
 */
export async function openPdf(blob: Blob, password?: string, warmRanges: readonly ByteRange[] = [], appendix: Uint8Array | null = null): Promise<OpenPdfResult> {
  const first = await openOnce(blob, password, warmRanges, appendix)
  if (!first.ok && first.failure.kind === 'wrong-password' && password !== undefined && saslprep(password) !== password) {
    return openOnce(blob, saslprep(password), warmRanges, appendix)
  }
  return first
}

/** What pdf.js says about a document's first and last pages: enough to tell two readings of a file apart. */
export interface PdfFacts {
  pageCount: number
  ends: string
}

export async function pdfFacts(doc: PDFDocumentProxy): Promise<PdfFacts> {
  const ends: string[] = []
  for (const n of new Set([1, doc.numPages])) {
    const page = await doc.getPage(n)
    ends.push(`${n}:${page.view.join(',')}@${page.rotate}`)
  }
  return { pageCount: doc.numPages, ends: ends.join(' ') }
}

/**
 * Whether pdf.js reads the file with its page-tree appendix as it read it without: same page
 * count, and the first and last pages with the same boxes and rotation. Checked before an
 * appendix is kept.
 */
export async function appendixAgrees(blob: Blob, appendix: string, plain: PdfFacts): Promise<boolean> {
  const opened = await openPdf(blob, undefined, [], appendixBytes(appendix))
  if (!opened.ok) return false
  try {
    const facts = await pdfFacts(opened.doc)
    return facts.pageCount === plain.pageCount && facts.ends === plain.ends
  } catch {
    return false
  } finally {
    void opened.doc.destroy()
  }
}

async function openOnce(blob: Blob, password: string | undefined, warmRanges: readonly ByteRange[], appendix: Uint8Array | null): Promise<OpenPdfResult> {
  if (blob.size === 0) return { ok: false, failure: { kind: 'empty' } }
  const transport = new BlobRangeTransport(blob, warmRanges, appendix)
  const task = pdfjs.getDocument({
    range: transport,
    length: blob.size + (appendix?.length ?? 0),
    rangeChunkSize: RANGE_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    enableXfa: false,
    // pdf.js leaves Chromium's native JPEG decoder off by default over bugs fixed since Chrome 125
    // (pdf.js #19060, turned on upstream in #20961); pdf.js's own decoder takes 3× as long on a 300 dpi page.
    isImageDecoderSupported: true,
    ...(password !== undefined ? { password } : {}),
    ...pdfjsAssetOptions(),
  })
  try {
    const doc = await task.promise
    return { ok: true, doc, transport, openRanges: transport.requested.length <= MAX_RECORDED_RANGES ? transport.requested.slice() : [] }
  } catch (e) {
    void task.destroy()
    // Without an onPassword handler pdf.js rejects with PasswordException and its code.
    if ((e as { name?: string })?.name === 'PasswordException') {
      const code = (e as { code?: number }).code
      return { ok: false, failure: { kind: code === pdfjs.PasswordResponses.INCORRECT_PASSWORD ? 'wrong-password' : 'needs-password' } }
    }
    const name = (e as { name?: string })?.name
    const message = e instanceof Error ? e.message : String(e)
    if (name === 'InvalidPDFException' || name === 'MissingPDFException' || name === 'UnknownErrorException' || name === 'FormatError') {
      return { ok: false, failure: { kind: 'invalid', detail: message } }
    }
    return { ok: false, failure: { kind: 'unknown', detail: message } }
  }
}
