import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { MAX_INFLATED_BYTES, PdfStructureError, openPdfStructure, type PdfStructure } from '../../../../renderer/src/pdf/structure/pdfStructure'
import { dictGet, isArray, isDict, isName, isRef, isStream, type PdfDict, type PdfValue } from '../../../../renderer/src/pdf/structure/pdfValues'
import { PdfBuilder, countingSource, latin1, pngPredict } from './buildPdf'

const ref = (num: number, gen = 0) => ({ kind: 'ref' as const, num, gen })
const text = (b: Uint8Array) => String.fromCharCode(...b)

async function dictOf(s: PdfStructure, num: number, gen = 0): Promise<PdfDict> {
  const v = await s.get(ref(num, gen))
  if (!isDict(v)) throw new Error(`object ${num} is not a dictionary`)
  return v
}

/** The test's own complaint about a page tree, told apart from the reader's errors. */
class TreeError extends Error {}

/** Leaf pages from /Root /Pages, refusing cycles. */
async function pageLeaves(s: PdfStructure): Promise<PdfDict[]> {
  const root = await s.resolve(dictGet(s.trailer, 'Root'))
  if (!isDict(root)) throw new TreeError('no catalog')
  const leaves: PdfDict[] = []
  const seen = new Set<string>()
  const walk = async (node: PdfValue | undefined, depth: number): Promise<void> => {
    if (depth > 64) throw new TreeError('page tree too deep')
    if (isRef(node)) {
      const key = `${node.num} ${node.gen}`
      if (seen.has(key)) throw new TreeError('page tree cycle')
      seen.add(key)
    }
    const d = await s.resolve(node)
    if (!isDict(d)) throw new TreeError('page tree node is not a dictionary')
    if (!isName(dictGet(d, 'Type'), 'Pages')) {
      leaves.push(d)
      return
    }
    const kids = await s.resolve(dictGet(d, 'Kids'))
    if (!isArray(kids)) throw new TreeError('no /Kids')
    for (const k of kids) await walk(k, depth + 1)
  }
  await walk(dictGet(root, 'Pages'), 0)
  return leaves
}

/** Catalog 1, Pages 2, Page 3 with Contents 4: the smallest classic file. */
function classic(eol = '\r\n'): { pdf: PdfBuilder; data: Uint8Array; contentAt: number } {
  const pdf = new PdfBuilder()
  pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  pdf.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  pdf.obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>')
  const { dataOffset } = pdf.stream(4, '', 'q 595 0 0 842 0 0 cm /Im0 Do Q')
  pdf.obj(6, '(unreferenced)')
  const rows = [{ num: 0, free: true as const }, ...[1, 2, 3, 4].map((num) => ({ num, offset: pdf.offsets.get(num)! })), { num: 6, offset: pdf.offsets.get(6)! }]
  pdf.xrefTable(rows, '/Size 7 /Root 1 0 R /Info << /Title (t) >>', eol)
  return { pdf, data: pdf.bytes(), contentAt: dataOffset }
}

describe('openPdfStructure: classic xref', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['space LF', ' \n'],
    ['space CR', ' \r'],
    ['bare LF', '\n'],
  ])('reads a table with %s entries and several subsections', async (_, eol) => {
    const { data, contentAt } = classic(eol)
    const s = await openPdfStructure(countingSource(data))
    expect(isRef(dictGet(s.trailer, 'Root'))).toBe(true)
    expect(isName(dictGet(await dictOf(s, 1), 'Type'), 'Catalog')).toBe(true)
    expect(await pageLeaves(s)).toHaveLength(1)
    expect(await s.get(ref(6))).toEqual({ kind: 'string', bytes: latin1('unreferenced') })
    const content = await s.get(ref(4))
    expect(isStream(content)).toBe(true)
    if (!isStream(content)) return
    expect(content.dataOffset).toBe(contentAt)
    expect(content.length).toBe(30)
    expect(text(await s.rawStream(content))).toBe('q 595 0 0 842 0 0 cm /Im0 Do Q')
    expect(text(await s.decodeStream(content))).toBe('q 595 0 0 842 0 0 cm /Im0 Do Q')
  })

  it('resolves free and missing entries to null and follows references', async () => {
    const s = await openPdfStructure(countingSource(classic().data))
    expect(await s.get(ref(0, 65535))).toBeNull()
    expect(await s.get(ref(5))).toBeNull() // not in the table
    expect(await s.get(ref(99))).toBeNull()
    const page = await s.resolve(ref(3))
    expect(isDict(page) && isName(dictGet(page, 'Type'), 'Page')).toBe(true)
    expect(await s.resolve(7)).toBe(7)
    expect(await s.resolve(undefined)).toBeUndefined()
  })

  it('caches objects: a second get reads nothing', async () => {
    const src = countingSource(classic().data)
    const s = await openPdfStructure(src)
    await s.get(ref(3))
    const reads = src.reads
    expect(await s.get(ref(3))).toBe(await s.get(ref(3)))
    expect(src.reads).toBe(reads)
  })

  it('refuses a generation that does not match the table', async () => {
    const s = await openPdfStructure(countingSource(classic().data))
    await expect(s.get(ref(3, 1))).rejects.toThrow(PdfStructureError)
  })

  it('reads a table that opens "1 n" with object 0\'s free entry as starting at 0', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    pdf.obj(2, '<< /Type /Pages /Kids [] /Count 0 >>')
    const at = pdf.raw(`xref\n1 3\n0000000000 65535 f \n${String(pdf.offsets.get(1)).padStart(10, '0')} 00000 n \n${String(pdf.offsets.get(2)).padStart(10, '0')} 00000 n \n`)
    pdf.raw(`trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`)
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    expect(isName(dictGet(await dictOf(s, 1), 'Type'), 'Catalog')).toBe(true)
  })
})

describe('openPdfStructure: cross-reference streams and object streams', () => {
  /** Page dicts live in object stream 10; the xref stream (PNG predictor 12) is object 11. */
  function compressed(): Uint8Array {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    const idx = pdf.objStm(10, [
      [2, '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Label (one) >>'],
      [4, '<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Label (two) >>'],
    ])
    pdf.stream(5, '/Filter /FlateDecode', zlibSync(latin1('q 1 0 0 1 0 0 cm /Im0 Do Q')))
    pdf.xrefStream(11, [
      { num: 0, free: true },
      { num: 1, offset: pdf.offsets.get(1)! },
      ...[2, 3, 4].map((num) => ({ num, stream: 10, index: idx.get(num)! })),
      { num: 5, offset: pdf.offsets.get(5)! },
      { num: 10, offset: pdf.offsets.get(10)! },
    ], '/Root 1 0 R')
    return pdf.bytes()
  }

  it('reads an xref stream with a PNG predictor and objects inside an object stream', async () => {
    const s = await openPdfStructure(countingSource(compressed()))
    expect(dictGet(s.trailer, 'Root')).toEqual(ref(1))
    // The xref stream's own description is not part of the document trailer.
    expect(dictGet(s.trailer, 'W')).toBeUndefined()
    const pages = await pageLeaves(s)
    expect(pages.map((p) => text((dictGet(p, 'Label') as { bytes: Uint8Array }).bytes))).toEqual(['one', 'two'])
    const content = await s.resolve(dictGet(pages[0]!, 'Contents'))
    if (!isStream(content)) throw new Error('no content stream')
    expect(text(await s.decodeStream(content))).toBe('q 1 0 0 1 0 0 cm /Im0 Do Q')
  })

  it('decodes the object stream once for all its objects', async () => {
    const src = countingSource(compressed())
    const s = await openPdfStructure(src)
    await s.get(ref(2))
    const reads = src.reads
    await Promise.all([s.get(ref(3)), s.get(ref(4))])
    expect(src.reads).toBe(reads)
  })

  it('refuses an object stream entry whose header names another object', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    pdf.objStm(10, [[7, '<< /Type /Pages /Kids [] /Count 0 >>']])
    pdf.xrefStream(11, [{ num: 1, offset: pdf.offsets.get(1)! }, { num: 2, stream: 10, index: 0 }, { num: 10, offset: pdf.offsets.get(10)! }], '/Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    await expect(s.get(ref(2))).rejects.toThrow(PdfStructureError)
  })

  it('reads a hybrid file: table entries first, then the /XRefStm stream', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    pdf.objStm(10, [[2, '<< /Type /Pages /Kids [] /Count 0 /From /Stream >>']])
    const stm = pdf.xrefStream(11, [{ num: 2, stream: 10, index: 0 }], '', { startxref: false })
    pdf.xrefTable(
      [{ num: 0, free: true }, { num: 1, offset: pdf.offsets.get(1)! }, { num: 2, free: true, gen: 0 }, { num: 10, offset: pdf.offsets.get(10)! }],
      `/Size 12 /Root 1 0 R /XRefStm ${stm}`,
    )
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    expect(dictGet(await dictOf(s, 2), 'From')).toEqual({ kind: 'name', name: 'Stream' })
    expect(dictGet(s.trailer, 'XRefStm')).toBeUndefined()
  })
})

describe('openPdfStructure: incremental updates', () => {
  it('lets the newest section win per object and merges trailers newest first', async () => {
    const { pdf } = classic()
    const prev = Number(/startxref\n(\d+)/.exec(text(pdf.bytes()))![1])
    pdf.obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /Rev 2 >>')
    pdf.obj(6, 'null')
    pdf.xrefTable([{ num: 3, offset: pdf.offsets.get(3)! }, { num: 6, free: true, gen: 1 }], `/Size 7 /Root 1 0 R /Prev ${prev}`)
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    expect(dictGet(await dictOf(s, 3), 'Rev')).toBe(2)
    expect(await s.get(ref(6))).toBeNull() // freed by the update
    expect(isName(dictGet(await dictOf(s, 1), 'Type'), 'Catalog')).toBe(true) // only in the old section
    expect(isDict(dictGet(s.trailer, 'Info'))).toBe(true) // only in the old trailer
    expect(dictGet(s.trailer, 'Prev')).toBeUndefined()
  })

  it('refuses a /Prev loop instead of hanging', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    const at = pdf.size
    pdf.xrefTable([{ num: 1, offset: pdf.offsets.get(1)! }], `/Size 2 /Root 1 0 R /Prev ${at}`)
    await expect(openPdfStructure(countingSource(pdf.bytes()))).rejects.toThrow(/loop/)
  })
})

describe('openPdfStructure: streams', () => {
  it('resolves an indirect /Length, also when defined after the stream', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.stream(2, '', 'hello stream', { length: '3 0 R' })
    pdf.obj(3, '12')
    pdf.xrefTable([1, 2, 3].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 4 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    const st = await s.get(ref(2))
    if (!isStream(st)) throw new Error('not a stream')
    expect(st.length).toBe(12)
    expect(text(await s.rawStream(st))).toBe('hello stream')
  })

  it('refuses a /Length that refers back to its own stream instead of hanging', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.stream(2, '', 'data', { length: '2 0 R' })
    pdf.xrefTable([1, 2].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 3 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    await expect(s.get(ref(2))).rejects.toThrow(/cycle/)
  })

  it('stops inflating a Flate bomb at the size cap instead of filling memory', async () => {
    const bomb = zlibSync(new Uint8Array(MAX_INFLATED_BYTES + (1 << 20)), { level: 9 })
    const fine = zlibSync(new TextEncoder().encode('q 595 0 0 842 0 0 cm /Im0 Do Q'))
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.stream(2, '/Filter /FlateDecode', bomb)
    pdf.stream(3, '/Filter /FlateDecode', fine)
    pdf.xrefTable([1, 2, 3].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 4 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    const [big, small] = [await s.get(ref(2)), await s.get(ref(3))]
    if (!isStream(big) || !isStream(small)) throw new Error('not streams')
    expect(big.length).toBeLessThan(100_000)
    await expect(s.decodeStream(big)).rejects.toThrow(/too large/)
    expect(text(await s.decodeStream(small))).toBe('q 595 0 0 842 0 0 cm /Im0 Do Q')
  })

  it('refuses a /Length that does not end at endstream', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.stream(2, '', 'twelve bytes', { length: '10' })
    pdf.xrefTable([1, 2].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 3 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    await expect(s.get(ref(2))).rejects.toThrow(/endstream/)
  })

  it('starts the data after CRLF, LF or a lone CR', async () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const pdf = new PdfBuilder()
      pdf.obj(1, '<< /Type /Catalog >>')
      const { dataOffset } = pdf.stream(2, '', 'x\nabc', { eol })
      pdf.xrefTable([1, 2].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 3 /Root 1 0 R')
      const s = await openPdfStructure(countingSource(pdf.bytes()))
      const st = await s.get(ref(2))
      expect(isStream(st) && st.dataOffset).toBe(dataOffset)
    }
  })

  async function streamWith(dict: string, data: Uint8Array) {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.stream(2, dict, data)
    pdf.obj(3, '<< /Predictor 12 /Columns 3 >>')
    pdf.xrefTable([1, 2, 3].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 4 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    const st = await s.get(ref(2))
    if (!isStream(st)) throw new Error('not a stream')
    return () => s.decodeStream(st)
  }

  const rows = [
    [10, 20, 30],
    [11, 22, 33],
    [200, 100, 50],
    [0, 255, 128],
    [1, 2, 3],
  ]

  it('undoes PNG predictors, every row filter, with parameters given directly, in an array or by reference', async () => {
    const predicted = zlibSync(pngPredict(rows, [0, 1, 2, 3, 4]))
    for (const parms of ['/DecodeParms << /Predictor 15 /Columns 3 >>', '/DecodeParms [<< /Predictor 12 /Columns 3 >>]', '/DecodeParms 3 0 R']) {
      const decode = await streamWith(`/Filter [/FlateDecode] ${parms}`, predicted)
      expect([...(await decode())], parms).toEqual(rows.flat())
    }
  })

  it('undoes PNG predictors with several bytes per pixel', async () => {
    const rgbRows = [
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
      [250, 3, 7, 100, 200, 255],
    ]
    const decode = await streamWith('/Filter /FlateDecode /DecodeParms << /Predictor 11 /Colors 3 /Columns 2 >>', zlibSync(pngPredict(rgbRows, [4, 1, 3], 3)))
    expect([...(await decode())]).toEqual(rgbRows.flat())
  })

  it('undoes the TIFF predictor for 8-bit samples', async () => {
    const decode = await streamWith('/Filter /FlateDecode /DecodeParms << /Predictor 2 /Colors 1 /Columns 4 >>', zlibSync(Uint8Array.from([5, 1, 1, 253, 0, 0, 0, 1])))
    expect([...(await decode())]).toEqual([5, 6, 7, 4, 0, 0, 0, 1])
  })

  it('refuses unsupported filters, filter chains and damaged Flate data', async () => {
    const z = zlibSync(latin1('abc'))
    const broken = z.slice()
    broken[broken.length - 1]! ^= 1
    const cases: [string, Uint8Array][] = [
      ['/Filter /DCTDecode', latin1('\xff\xd8')],
      ['/Filter [/FlateDecode /DCTDecode]', z],
      ['/Filter /ASCIIHexDecode', latin1('414243>')],
      ['/Filter /FlateDecode', broken],
      ['/Filter /FlateDecode', z.subarray(0, z.length - 4)],
      ['/Filter /FlateDecode', latin1('not zlib at all')],
      ['/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>', zlibSync(latin1('abcdefg'))],
      ['/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 2 >>', zlibSync(Uint8Array.from([5, 1, 2]))],
      ['/Filter /FlateDecode /DecodeParms << /Predictor 7 >>', z],
    ]
    for (const [dict, data] of cases) {
      const decode = await streamWith(dict, data)
      await expect(decode(), dict).rejects.toThrow(PdfStructureError)
    }
    expect([...(await (await streamWith('/Filter /FlateDecode', z))())]).toEqual([...latin1('abc')])
  })
})

describe('openPdfStructure: refusals', () => {
  it('refuses encrypted files', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.obj(2, '<< /Filter /Standard /V 2 /R 3 >>')
    pdf.xrefTable([1, 2].map((num) => ({ num, offset: pdf.offsets.get(num)! })), '/Size 3 /Root 1 0 R /Encrypt 2 0 R')
    await expect(openPdfStructure(countingSource(pdf.bytes()))).rejects.toThrow(new PdfStructureError('encrypted'))
  })

  it('refuses an xref offset that does not point at "N G obj"', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog >>')
    pdf.obj(2, '<< /Type /Pages >>')
    pdf.xrefTable([{ num: 1, offset: pdf.offsets.get(1)! }, { num: 2, offset: pdf.offsets.get(2)! + 3 }, { num: 3, offset: pdf.offsets.get(1)! }], '/Size 4 /Root 1 0 R')
    const s = await openPdfStructure(countingSource(pdf.bytes()))
    await expect(s.get(ref(2))).rejects.toThrow(PdfStructureError)
    await expect(s.get(ref(3))).rejects.toThrow(/holds 1 0 obj/)
    const p = await s.get(ref(1))
    expect(isDict(p)).toBe(true)
  })

  it('refuses a wrong subsection count', async () => {
    const { data } = classic()
    await expect(openPdfStructure(countingSource(data))).resolves.toBeDefined()
    for (const count of ['4', '6']) {
      const t = text(data).replace('\n0 5\n', `\n0 ${count}\n`)
      expect(t).not.toBe(text(data))
      await expect(openPdfStructure(countingSource(latin1(t))), count).rejects.toThrow(PdfStructureError)
    }
  })

  it('refuses files without startxref, with a bad startxref, or too small', async () => {
    await expect(openPdfStructure(countingSource(latin1('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n'.repeat(3))))).rejects.toThrow(/startxref/)
    await expect(openPdfStructure(countingSource(latin1('%PDF-1.4\n\nstartxref\n999999\n%%EOF\n')))).rejects.toThrow(/startxref/)
    await expect(openPdfStructure(countingSource(new Uint8Array(0)))).rejects.toThrow(PdfStructureError)
  })
})

describe('openPdfStructure: reads by byte range', () => {
  it('opens a 50 MB file and fetches its page dictionaries reading only a few KiB', async () => {
    const pdf = new PdfBuilder()
    pdf.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    const idx = pdf.objStm(10, [
      [2, '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>'],
      [3, '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>'],
      [4, '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im0 6 0 R >> >> >>'],
    ])
    const padding = new Uint8Array(25 << 20)
    pdf.stream(5, '/Type /XObject /Subtype /Image /Filter /DCTDecode', padding)
    pdf.stream(6, '/Type /XObject /Subtype /Image /Filter /DCTDecode', padding)
    pdf.xrefStream(11, [
      { num: 1, offset: pdf.offsets.get(1)! },
      ...[2, 3, 4].map((num) => ({ num, stream: 10, index: idx.get(num)! })),
      ...[5, 6, 10].map((num) => ({ num, offset: pdf.offsets.get(num)! })),
    ], '/Root 1 0 R')
    const src = countingSource(pdf.bytes())
    expect(src.size).toBeGreaterThan(50_000_000)
    const s = await openPdfStructure(src)
    const pages = await pageLeaves(s)
    expect(pages).toHaveLength(2)
    const xobjects = dictGet(dictGet(pages[1]!, 'Resources') as PdfDict, 'XObject') as PdfDict
    const image = await s.resolve(dictGet(xobjects, 'Im0'))
    expect(isStream(image) && image.length).toBe(25 << 20)
    expect(src.bytesRead).toBeLessThan(16 * 1024)
    expect(src.reads).toBeLessThanOrEqual(6)
  })
})

describe('openPdfStructure on damaged files', () => {
  it('answers or throws PdfStructureError, never anything else, for randomly damaged files', async () => {
    const base = (() => {
      const b = new PdfBuilder()
      b.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
      const ix = b.objStm(10, [
        [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
        [3, '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /A [(s) <41> 1.5 -2 /N#20x true null] >>'],
      ])
      const data = zlibSync(pngPredict([[1, 2, 3, 4], [5, 6, 7, 8]], 2))
      b.stream(4, '/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>', data, { length: '5 0 R' })
      b.obj(5, String(data.length))
      b.xrefStream(11, [
        { num: 1, offset: b.offsets.get(1)! },
        ...[2, 3].map((num) => ({ num, stream: 10, index: ix.get(num)! })),
        ...[4, 5, 10].map((num) => ({ num, offset: b.offsets.get(num)! })),
      ], '/Root 1 0 R')
      return b.bytes()
    })()
    const walkAll = async (bytes: Uint8Array) => {
      const s = await openPdfStructure(countingSource(bytes))
      for (const page of await pageLeaves(s)) {
        const c = await s.resolve(dictGet(page, 'Contents'))
        if (isStream(c)) await s.decodeStream(c)
      }
    }
    await walkAll(base)
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const junk = latin1('0123456789 /<>[]()%RobjendstreamxrefRtrailer\r\n#')
    for (let round = 0; round < 400; round++) {
      const bytes = base.slice()
      for (let k = 0, hits = 1 + random(4); k < hits; k++) bytes[random(bytes.length)] = random(2) ? junk[random(junk.length)]! : random(256)
      try {
        await within(2000, walkAll(bytes))
      } catch (e) {
        if (!(e instanceof TreeError)) expect(e, `round ${round}`).toBeInstanceOf(PdfStructureError)
      }
    }
  })
})

const corpusDir = resolve(import.meta.dirname, '../../../../../shared/corpus')
interface CorpusFile {
  file: string
  expect: 'open' | 'open-recovered' | 'error' | 'password'
  pages: number | null
}
const manifest = JSON.parse(readFileSync(resolve(corpusDir, 'manifest.json'), 'utf8')) as { files: CorpusFile[] }

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

describe('openPdfStructure on the real-world corpus', () => {
  it.each(manifest.files.map((f) => [f.file, f] as const))('%s opens or fails with PdfStructureError only', async (_, f) => {
    const src = countingSource(new Uint8Array(readFileSync(resolve(corpusDir, 'pdfs', f.file))))
    let s: PdfStructure
    try {
      s = await within(5000, openPdfStructure(src))
    } catch (e) {
      expect(e).toBeInstanceOf(PdfStructureError)
      expect(f.expect === 'open' && ['issue7229.pdf', 'issue14415.pdf', 'issue1350.pdf', 'freeculture.pdf'].includes(f.file), `${f.file}: ${String(e)}`).toBe(false)
      return
    }
    // Opening reads only the xref; a file pdf.js rejects must then fail as soon as its objects are read.
    if (f.expect === 'error') await expect(pageLeaves(s)).rejects.toThrow(PdfStructureError)
    if (f.expect !== 'open') return
    expect((await within(10_000, pageLeaves(s))).length).toBe(f.pages)
  })

  it('opens the scanned and large samples', async () => {
    const open = async (file: string) => openPdfStructure(countingSource(new Uint8Array(readFileSync(resolve(corpusDir, 'pdfs', file)))))
    for (const file of ['issue7229.pdf', 'issue14415.pdf', 'issue1350.pdf']) expect(await pageLeaves(await open(file)), file).not.toHaveLength(0)
    expect(await pageLeaves(await open('freeculture.pdf'))).toHaveLength(352)
  })

  it('refuses every password-protected sample as encrypted', async () => {
    for (const f of manifest.files.filter((x) => x.expect === 'password')) {
      await expect(openPdfStructure(countingSource(new Uint8Array(readFileSync(resolve(corpusDir, 'pdfs', f.file))))), f.file).rejects.toThrow('encrypted')
    }
  })
})
