import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface ScanPdfPage {
  jpeg: Uint8Array
  width: number
  height: number
  colorSpace: string
  /** `/DCTDecode` unless given. */
  filter?: string
  /** More entries for the image dictionary or the page dictionary (e.g. `/SMask 3 0 R`, `/Annots [...]`). */
  imageExtra?: string
  pageExtra?: string
  mediaBox?: [number, number, number, number]
  rotate?: number
  /** Where the image goes on the page (the `cm` before `Do`); full page by default. */
  matrix?: [number, number, number, number, number, number]
  /** Appended to the page's content, e.g. an invisible OCR layer or an operator that sends the page to pdf.js. */
  extraContent?: string
}

/** A scanner-style PDF (one DCT image per page, classic xref) written to a temporary file. */
export function writeScanPdf(fileName: string, pages: ScanPdfPage[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'scan-pdf-')), fileName)
  writeFileSync(path, buildScanPdf(pages))
  return path
}

/** The same, in memory. */
export function buildScanPdf(pages: ScanPdfPage[]): Uint8Array {
  const parts: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const put = (data: string | Uint8Array) => {
    const b = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data)
    parts.push(b)
    length += b.length
  }
  const obj = (id: number, body: string | (() => void)) => {
    offsets[id] = length
    put(`${id} 0 obj\n`)
    if (typeof body === 'string') put(body)
    else body()
    put('\nendobj\n')
  }
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
  const font = 3
  obj(font, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  const pageIds: number[] = []
  pages.forEach((p, i) => {
    const image = 10 + i * 3
    const content = image + 1
    const page = image + 2
    pageIds.push(page)
    const box = p.mediaBox ?? [0, 0, 595, 842]
    const m = p.matrix ?? [box[2] - box[0], 0, 0, box[3] - box[1], box[0], box[1]]
    obj(image, () => {
      put(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /${p.colorSpace} /BitsPerComponent 8 /Filter ${p.filter ?? '/DCTDecode'}${p.imageExtra ? ` ${p.imageExtra}` : ''} /Length ${p.jpeg.length} >>\nstream\n`)
      put(p.jpeg)
      put('\nendstream')
    })
    const ops = `q ${m.join(' ')} cm /Im0 Do Q\n${p.extraContent ?? ''}`
    obj(content, `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`)
    obj(page, `<< /Type /Page /Parent 2 0 R /MediaBox [${box.join(' ')}]${p.rotate ? ` /Rotate ${p.rotate}` : ''} /Resources << /XObject << /Im0 ${image} 0 R >> /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R${p.pageExtra ? ` ${p.pageExtra}` : ''} >>`)
  })
  obj(2, `<< /Type /Pages /Count ${pages.length} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`)
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  const size = Math.max(...pageIds) + 1
  const xref = length
  const rows = ['xref\n', `0 ${size}\n`, '0000000000 65535 f \n']
  for (let id = 1; id < size; id++) rows.push(offsets[id] === undefined ? '0000000000 65535 f \n' : `${String(offsets[id]).padStart(10, '0')} 00000 n \n`)
  put(rows.join(''))
  put(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return new Uint8Array(Buffer.concat(parts))
}
