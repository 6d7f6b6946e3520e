import { pdfjs } from './pdfjs'

export type ByteRange = [begin: number, end: number]

/**
 * Feeds pdf.js from a Blob by byte ranges, so a 1 GB scan is never read whole:
 * IndexedDB Blobs are disk-backed and slicing them is cheap.
 *
 * Opening a scan makes pdf.js walk every page dictionary, one small read at a time, because
 * each sits between megabyte images. The ranges read while opening are recorded at import
 * (`requested`) and, on later opens, read all at once in parallel (`warm`), so pdf.js finds
 * them waiting instead of paying a read per page.
 */
export class BlobRangeTransport extends pdfjs.PDFDataRangeTransport {
  #blob: Blob
  #appendix: Uint8Array | null
  #aborted = false
  #warm = new Map<string, Promise<Uint8Array>>()
  readonly requested: ByteRange[] = []
  /** Bytes handed to pdf.js so far; pdf.js keeps every one of them until the document is destroyed. */
  bytesDelivered = 0

  /**
   * `appendix` (see pdf/scan/pageTreeAppendix.ts) is served as if it followed the file's last byte;
   * the stored file itself is never changed.
   */
  constructor(blob: Blob, warm: readonly ByteRange[] = [], appendix: Uint8Array | null = null) {
    super(blob.size + (appendix?.length ?? 0), null)
    this.#blob = blob
    this.#appendix = appendix
    for (const [begin, end] of warm) {
      if (begin >= 0 && end <= blob.size && begin < end) this.#warm.set(`${begin}-${end}`, this.#read(begin, end))
    }
  }

  #read(begin: number, end: number): Promise<Uint8Array> {
    const size = this.#blob.size
    const tail = this.#appendix
    if (tail && begin >= size) return Promise.resolve(tail.slice(begin - size, end - size))
    const fromFile = this.#blob
      .slice(begin, Math.min(end, size))
      .arrayBuffer()
      .then((b) => new Uint8Array(b))
    if (!tail || end <= size) return fromFile
    return fromFile.then((head) => {
      const joined = new Uint8Array(head.length + (end - size))
      joined.set(head)
      joined.set(tail.subarray(0, end - size), head.length)
      return joined
    })
  }

  override requestDataRange(begin: number, end: number): void {
    this.requested.push([begin, end])
    const key = `${begin}-${end}`
    const ready = this.#warm.get(key)
    if (ready) this.#warm.delete(key)
    ;(ready ?? this.#read(begin, end))
      .then((bytes) => {
        if (this.#aborted) return
        this.bytesDelivered += bytes.byteLength
        this.onDataRange(begin, bytes)
      })
      .catch(() => {
        // A failed read surfaces in pdf.js as a missing-data error on the page that needed it.
      })
  }

  override abort(): void {
    this.#aborted = true
    this.#warm.clear()
  }
}
