import { pdfjs } from './pdfjs'

/**
 * Feeds pdf.js from a Blob by byte ranges, so a 1 GB scan is never read whole:
 * IndexedDB Blobs are disk-backed and slicing them is cheap.
 */
export class BlobRangeTransport extends pdfjs.PDFDataRangeTransport {
  #blob: Blob
  #aborted = false

  constructor(blob: Blob) {
    super(blob.size, null)
    this.#blob = blob
  }

  override requestDataRange(begin: number, end: number): void {
    this.#blob
      .slice(begin, end)
      .arrayBuffer()
      .then((buffer) => {
        if (!this.#aborted) this.onDataRange(begin, new Uint8Array(buffer))
      })
      .catch(() => {
        // A failed read surfaces in pdf.js as a missing-data error on the page that needed it.
      })
  }

  override abort(): void {
    this.#aborted = true
  }
}
