import type { PDFDocumentProxy } from 'pdfjs-dist'
import { BlobRangeTransport } from './blobRangeTransport'
import { pdfjs, pdfjsAssetOptions } from './pdfjs'
import { saslprep } from './saslprep'

export type OpenPdfFailure =
  | { kind: 'empty' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'needs-password' }
  | { kind: 'wrong-password' }
  | { kind: 'unknown'; detail: string }

export type OpenPdfResult = { ok: true; doc: PDFDocumentProxy } | { ok: false; failure: OpenPdfFailure }

/** 1 MiB ranges: large enough that a scanned page is one or two requests. */
const RANGE_CHUNK = 1 << 20

/**
 * Opens a PDF Blob by ranges. A password is tried once; instead of pdf.js's prompt loop we return needs-password / wrong-password so the UI can ask in Chinese.
 */
export async function openPdf(blob: Blob, password?: string): Promise<OpenPdfResult> {
  const first = await openOnce(blob, password)
  if (!first.ok && first.failure.kind === 'wrong-password' && password !== undefined && saslprep(password) !== password) {
    return openOnce(blob, saslprep(password))
  }
  return first
}

async function openOnce(blob: Blob, password?: string): Promise<OpenPdfResult> {
  if (blob.size === 0) return { ok: false, failure: { kind: 'empty' } }
  const task = pdfjs.getDocument({
    range: new BlobRangeTransport(blob),
    length: blob.size,
    rangeChunkSize: RANGE_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    enableXfa: false,
    ...(password !== undefined ? { password } : {}),
    ...pdfjsAssetOptions(),
  })
  try {
    const doc = await task.promise
    return { ok: true, doc }
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
