import { zlibSync } from 'fflate'
import type { ByteSource } from '../../../../renderer/src/pdf/structure/pdfStructure'

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

export type XrefRow = { num: number; offset: number; gen?: number } | { num: number; free: true; gen?: number } | { num: number; stream: number; index: number }

/** Writes PDF files piece by piece and remembers where each object starts. */
export class PdfBuilder {
  private readonly parts: Uint8Array[] = []
  size = 0
  readonly offsets = new Map<number, number>()

  constructor(header = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n') {
    this.raw(header)
  }

  raw(data: string | Uint8Array): number {
    const at = this.size
    const bytes = typeof data === 'string' ? latin1(data) : data
    this.parts.push(bytes)
    this.size += bytes.length
    return at
  }

  obj(num: number, body: string, gen = 0): number {
    this.offsets.set(num, this.size)
    return this.raw(`${num} ${gen} obj\n${body}\nendobj\n`)
  }

  /** `dict` is the inside of the dictionary; /Length is added unless `length` is given as a string (e.g. "9 0 R"). */
  stream(num: number, dict: string, data: Uint8Array | string, opts: { length?: string; eol?: string } = {}): { dataOffset: number } {
    const bytes = typeof data === 'string' ? latin1(data) : data
    this.offsets.set(num, this.size)
    this.raw(`${num} 0 obj\n<< ${dict} /Length ${opts.length ?? bytes.length} >>\nstream${opts.eol ?? '\n'}`)
    const dataOffset = this.raw(bytes)
    this.raw('\nendstream\nendobj\n')
    return { dataOffset }
  }

  /** A classic table with one subsection per run of consecutive numbers, then trailer and startxref. */
  xrefTable(rows: XrefRow[], trailer: string, eol = '\r\n'): number {
    const at = this.raw('xref\n')
    const sorted = [...rows].sort((a, b) => a.num - b.num)
    for (let i = 0; i < sorted.length; ) {
      let j = i
      while (j + 1 < sorted.length && sorted[j + 1]!.num === sorted[j]!.num + 1) j++
      this.raw(`${sorted[i]!.num} ${j - i + 1}\n`)
      for (const r of sorted.slice(i, j + 1)) {
        if ('stream' in r) throw new Error('a classic table cannot hold compressed entries')
        const off = 'free' in r ? 0 : r.offset
        const gen = r.gen ?? ('free' in r ? 65535 : 0)
        this.raw(`${String(off).padStart(10, '0')} ${String(gen).padStart(5, '0')} ${'free' in r ? 'f' : 'n'}${eol}`)
      }
      i = j + 1
    }
    this.raw(`trailer\n<< ${trailer} >>\nstartxref\n${at}\n%%EOF\n`)
    return at
  }

  /** An xref stream (W [1 4 2], PNG Up predictor, Flate) as object `num`, then startxref. */
  xrefStream(num: number, rows: XrefRow[], trailer: string, opts: { startxref?: boolean } = {}): number {
    const at = this.size
    const all = [...rows, { num, offset: at }].sort((a, b) => a.num - b.num)
    const index: number[] = []
    for (let i = 0; i < all.length; ) {
      let j = i
      while (j + 1 < all.length && all[j + 1]!.num === all[j]!.num + 1) j++
      index.push(all[i]!.num, j - i + 1)
      i = j + 1
    }
    const rowBytes = all.map((r) => {
      const [t, f2, f3] = 'stream' in r ? [2, r.stream, r.index] : 'free' in r ? [0, 0, r.gen ?? 65535] : [1, r.offset, r.gen ?? 0]
      return [t, (f2 >>> 24) & 255, (f2 >>> 16) & 255, (f2 >>> 8) & 255, f2 & 255, (f3 >>> 8) & 255, f3 & 255]
    })
    const data = zlibSync(pngPredict(rowBytes, 2))
    const size = Math.max(...all.map((r) => r.num)) + 1
    this.stream(num, `/Type /XRef /Size ${size} /Index [${index.join(' ')}] /W [1 4 2] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> ${trailer}`, data)
    if (opts.startxref !== false) this.raw(`startxref\n${at}\n%%EOF\n`)
    return at
  }

  /** An object stream holding `objects` (number → body) as object `num`; returns the index of each. */
  objStm(num: number, objects: [number, string][]): Map<number, number> {
    let head = ''
    let body = ''
    for (const [n, text] of objects) {
      head += `${n} ${body.length} `
      body += `${text}\n`
    }
    this.stream(num, `/Type /ObjStm /N ${objects.length} /First ${head.length} /Filter /FlateDecode`, zlibSync(latin1(head + body)))
    return new Map(objects.map(([n], i) => [n, i]))
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size)
    let at = 0
    for (const p of this.parts) {
      out.set(p, at)
      at += p.length
    }
    return out
  }
}

/** PNG-filters rows with one filter type (0–4) per row, cycling through `tags` if given as an array. */
export function pngPredict(rows: number[][], tags: number | number[], bpp = 1): Uint8Array {
  const out: number[] = []
  rows.forEach((row, r) => {
    const tag = typeof tags === 'number' ? tags : tags[r % tags.length]!
    const up = rows[r - 1]
    out.push(tag)
    row.forEach((x, i) => {
      const left = i >= bpp ? row[i - bpp]! : 0
      const above = up ? up[i]! : 0
      const upLeft = up && i >= bpp ? up[i - bpp]! : 0
      const p = left + above - upLeft
      const paeth = Math.abs(p - left) <= Math.abs(p - above) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - above) <= Math.abs(p - upLeft) ? above : upLeft
      const pred = [0, left, above, (left + above) >> 1, paeth][tag]!
      out.push((x - pred) & 255)
    })
  })
  return Uint8Array.from(out)
}

export interface CountingSource extends ByteSource {
  reads: number
  bytesRead: number
}

export function countingSource(bytes: Uint8Array): CountingSource {
  const src: CountingSource = {
    size: bytes.length,
    reads: 0,
    bytesRead: 0,
    read: async (begin, end) => {
      src.reads++
      src.bytesRead += end - begin
      return bytes.slice(begin, end)
    },
  }
  return src
}

export { latin1 }
