import { closeSync, openSync, renameSync, writeSync } from 'node:fs'

/** A4 in PDF points, as a scanner writes it. */
export const A4 = { width: 595, height: 842 }

export interface JpegPage {
  bytes: Uint8Array
  width: number
  height: number
}

/**
 * Writes an image-only PDF (one full-page /DCTDecode image per page, like a scanner's output)
 * straight to disk page by page, so a gigabyte file never sits in memory.
 * Catalog and page tree go last, next to the xref, because only then are all page ids known;
 * a reader that opens by ranges finds all of them in the file's final chunk.
 */
export function writeImagePdf(path: string, pageCount: number, pageAt: (index: number) => JpegPage, extraContent = ''): number {
  const tmp = `${path}.tmp`
  const fd = openSync(tmp, 'w')
  let offset = 0
  const offsets: number[] = []
  const put = (data: string | Uint8Array) => {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    let done = 0
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done)
    offset += buf.length
  }
  const begin = (id: number) => {
    offsets[id] = offset
    put(`${id} 0 obj\n`)
  }
  // Object ids are fixed up front so every page can name its parent before the tree is written.
  const imageId = (i: number) => 3 + 3 * i
  const contentId = (i: number) => 4 + 3 * i
  const pageId = (i: number) => 5 + 3 * i
  try {
    put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    for (let i = 0; i < pageCount; i++) {
      const img = pageAt(i)
      begin(imageId(i))
      put(`<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.bytes.length} >>\nstream\n`)
      put(img.bytes)
      put('\nendstream\nendobj\n')
      const content = `q ${A4.width} 0 0 ${A4.height} 0 0 cm /Im0 Do Q\n${extraContent}`
      begin(contentId(i))
      put(`<< /Length ${content.length} >>\nstream\n${content}endstream\nendobj\n`)
      begin(pageId(i))
      put(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /XObject << /Im0 ${imageId(i)} 0 R >> >> /Contents ${contentId(i)} 0 R >>\nendobj\n`)
    }
    const kids: string[] = []
    for (let i = 0; i < pageCount; i++) kids.push(`${pageId(i)} 0 R`)
    begin(2)
    put(`<< /Type /Pages /Count ${pageCount} /Kids [${kids.join(' ')}] >>\nendobj\n`)
    begin(1)
    put('<< /Type /Catalog /Pages 2 0 R >>\nendobj\n')
    const size = pageId(pageCount - 1) + 1
    const xref = offset
    const rows = ['xref\n', `0 ${size}\n`, '0000000000 65535 f \n']
    for (let id = 1; id < size; id++) rows.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`)
    put(rows.join(''))
    put(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  } finally {
    closeSync(fd)
  }
  // Rename last so an interrupted run never leaves a half file that a later run would reuse.
  renameSync(tmp, path)
  return offset
}
