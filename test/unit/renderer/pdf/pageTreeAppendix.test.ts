import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageTree, readForViewer } from '../../../../renderer/src/pdf/scan/buildScanIndex'
import { appendixBytes, buildPageTreeAppendix, lastPageWalk } from '../../../../renderer/src/pdf/scan/pageTreeAppendix'
import { PdfLexer } from '../../../../renderer/src/pdf/structure/pdfLexer'
import { serializePdfValue } from '../../../../renderer/src/pdf/structure/pdfSerialize'
import { openPdfStructure } from '../../../../renderer/src/pdf/structure/pdfStructure'
import { buildScanPdf, type ScanPdfPage } from '../../../e2e/support/scanPdf'

const page1 = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../fixtures/images', '某局处罚案卷-第1页.jpg')))
const mem = (bytes: Uint8Array) => ({ size: bytes.length, read: async (b: number, e: number) => bytes.slice(b, e) })

/** A scan whose page dictionaries sit 150 KB apart, as between 300 dpi images. */
function spreadScan(pages: number, extra: Partial<ScanPdfPage> = {}): Uint8Array {
  const padded = new Uint8Array(page1.length + 100_000)
  padded.set(page1)
  return buildScanPdf(Array.from({ length: pages }, (_, i) => ({ jpeg: padded, width: 600, height: 848, colorSpace: 'DeviceGray', rotate: (i % 4) * 90, ...extra })))
}

/** pdf.js in Node, fed by ranges as in the app, counting the reads it asks for. */
async function openByRanges(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  let requests = 0
  const transport = new pdfjs.PDFDataRangeTransport(bytes.length, null)
  transport.requestDataRange = (begin: number, end: number) => {
    requests++
    queueMicrotask(() => transport.onDataRange(begin, bytes.slice(begin, end)))
  }
  const doc = await pdfjs.getDocument({ range: transport, length: bytes.length, rangeChunkSize: 1 << 16, disableAutoFetch: true, disableStream: true, isEvalSupported: false, verbosity: 0 }).promise
  return { doc, requestsToOpen: requests }
}

/** The file as pdf.js is given it: the stored bytes, then the appendix. */
function withAppendix(original: Uint8Array, appendix: string): Uint8Array {
  const tail = appendixBytes(appendix)
  const virtual = new Uint8Array(original.length + tail.length)
  virtual.set(original)
  virtual.set(tail, original.length)
  return virtual
}

type Doc = Awaited<ReturnType<typeof openByRanges>>['doc']

/** pdf.js sees the same box and rotation on `boxes`, and draws `drawings` with the same operators. */
async function expectSamePages(before: Doc, after: Doc, boxes: number[], drawings: number[]) {
  for (const n of boxes) {
    const [a, b] = await Promise.all([before.getPage(n), after.getPage(n)])
    expect([b.view, b.rotate], `page ${n}`).toEqual([a.view, a.rotate])
  }
  for (const n of drawings) {
    const [a, b] = await Promise.all([before.getPage(n), after.getPage(n)])
    const [oa, ob] = await Promise.all([a.getOperatorList(), b.getOperatorList()])
    expect(ob.fnArray, `page ${n} operators`).toEqual(oa.fnArray)
  }
}

describe('serializePdfValue', () => {
  it('writes values the lexer reads back unchanged', () => {
    const source = '<< /Type /Page /N#20ame#23 (a\\(b\\)c\\n\\351) /Hex <00ff10> /R 3 0 R /A [1 -2.5 0.000001 true false null [/x]] /D << /Inner 595.276 >> >>'
    const value = new PdfLexer(new TextEncoder().encode(source), 0, true).readValue()
    const text = serializePdfValue(value)
    expect(text).not.toMatch(/e-/)
    const again = new PdfLexer(Uint8Array.from(text, (c) => c.charCodeAt(0)), 0, true).readValue()
    expect(again).toEqual(value)
  })
})

describe('page-tree appendix', () => {
  it('lets pdf.js open a spread-out scan in a few reads, and read every page exactly as before', async () => {
    const original = spreadScan(60)
    const { appendix } = await readForViewer(mem(original), 60)
    expect(appendix).not.toBeNull()
    const virtual = withAppendix(original, appendix!)

    const before = await openByRanges(original)
    const after = await openByRanges(virtual)
    expect(after.doc.numPages).toBe(60)
    expect(before.requestsToOpen).toBeGreaterThan(50)
    expect(after.requestsToOpen).toBeLessThan(10)
    const sampled = [1, 2, 3, 30, 59, 60]
    await expectSamePages(before.doc, after.doc, sampled, sampled)
    await before.doc.destroy()
    await after.doc.destroy()
  }, 60_000)

  it('is not built when the page tree is already compact', async () => {
    const small = buildScanPdf(Array.from({ length: 5 }, () => ({ jpeg: page1, width: 600, height: 848, colorSpace: 'DeviceGray' })))
    expect((await readForViewer(mem(small), 5)).appendix).toBeNull()
  })

  it('is built for files whose pages are not plain scans too (pdf.js draws those)', async () => {
    const drawn = spreadScan(40, { extraContent: '0 0 m 10 10 l S' })
    const { scanIndex, appendix } = await readForViewer(mem(drawn), 40)
    expect(scanIndex?.pages.every((p) => p === null)).toBe(true)
    expect(appendix).toMatch(/^\n[\s\S]*\/Prev \d+ >>\nstartxref\n\d+\n%%EOF\n$/)
  })
})

describe('page-tree appendix on a real file', () => {
  const freeculture = () => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../../../shared/corpus/pdfs/freeculture.pdf')))

  it('is not built for freeculture.pdf (352 pages): its page tree is balanced and pdf.js opens it in a few reads anyway', async () => {
    const original = freeculture()
    expect((await readForViewer(mem(original), 352)).appendix).toBeNull()
    const plain = await openByRanges(original)
    expect(plain.requestsToOpen).toBeLessThanOrEqual(5)
    await plain.doc.destroy()
  })

  it('when forced on freeculture.pdf, changes nothing pdf.js sees: every page box and rotation, and the drawing of sampled pages', async () => {
    const original = freeculture()
    const pdf = await openPdfStructure(mem(original))
    const { nodes } = await pageTree(pdf)
    const appendix = buildPageTreeAppendix(pdf, original.length, nodes, 0)
    expect(appendix).not.toBeNull()
    const virtual = withAppendix(original, appendix!)
    const before = await openByRanges(original)
    const after = await openByRanges(virtual)
    expect(after.doc.numPages).toBe(352)
    await expectSamePages(
      before.doc,
      after.doc,
      Array.from({ length: 352 }, (_, i) => i + 1),
      [1, 2, 100, 351, 352],
    )
    await before.doc.destroy()
    await after.doc.destroy()
  }, 120_000)
})

describe('lastPageWalk', () => {
  type Node = Parameters<typeof lastPageWalk>[0]
  const leaf = (): Node => ({ ref: null, dict: { kind: 'dict', entries: new Map() }, children: null, pages: 1 })
  const node = (children: Node[]): Node => ({ ref: null, dict: { kind: 'dict', entries: new Map() }, children, pages: children.reduce((n, c) => n + c.pages, 0) })

  it('reads every page of a flat tree, as pdf.js does to find the last one', () => {
    expect(lastPageWalk(node(Array.from({ length: 100 }, leaf)))).toHaveLength(100)
  })

  it('reads only the kids along the way in a balanced tree', () => {
    const tree = node(Array.from({ length: 10 }, () => node(Array.from({ length: 10 }, leaf))))
    // 10 subtrees at the top, then the 10 pages of the last one.
    expect(lastPageWalk(tree)).toHaveLength(20)
  })
})
