import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readForViewer } from '../../../../renderer/src/pdf/scan/buildScanIndex'
import type { ByteSource } from '../../../../renderer/src/pdf/structure/pdfStructure'

/** Just the scan index of readForViewer's reading. */
const buildScanIndex = async (src: ByteSource, pageCount: number) => (await readForViewer(src, pageCount)).scanIndex

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus')
interface Entry {
  file: string
  expect: string
}
const manifest = (JSON.parse(readFileSync(resolve(corpus, 'manifest.json'), 'utf8')) as { files: Entry[] }).files

/** Operators that would put something on the page besides the one image. */
const DRAWING = ['constructPath', 'fill', 'stroke', 'eoFill', 'fillStroke', 'eoFillStroke', 'shadingFill', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageMaskXObject', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask', 'paintFormXObjectBegin', 'setGState', 'beginGroup']

describe('the scan index on the real-world corpus, checked against pdf.js', () => {
  it('agrees with pdf.js on every page it takes, and takes the plain scans', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const opName = new Map(Object.entries(pdfjs.OPS).map(([k, v]) => [v, k]))
    const taken: Record<string, number> = {}
    for (const entry of manifest.filter((e) => e.expect === 'open' || e.expect === 'open-recovered')) {
      const bytes = new Uint8Array(readFileSync(resolve(corpus, 'pdfs', entry.file)))
      const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, stopAtErrors: false }).promise.catch(() => null)
      if (!doc) continue
      const index = await buildScanIndex({ size: bytes.length, read: async (b, e) => bytes.slice(b, e) }, doc.numPages)
      const pages = index?.pages ?? []
      for (const [i, scan] of pages.entries()) {
        if (!scan) continue
        const page = await doc.getPage(i + 1)
        expect(scan.view, `${entry.file} p${i + 1} view`).toEqual(page.view)
        expect(scan.rotate, `${entry.file} p${i + 1} rotate`).toBe(page.rotate)
        const ops = (await page.getOperatorList()).fnArray.map((f) => opName.get(f))
        expect(ops.filter((o) => o === 'paintImageXObject' || o === 'paintJpegXObject'), `${entry.file} p${i + 1} images`).toHaveLength(1)
        expect(ops.filter((o) => DRAWING.includes(o!)), `${entry.file} p${i + 1} other drawing`).toEqual([])
        expect(bytes[scan.jpeg[0]], 'JPEG starts with SOI').toBe(0xff)
        expect(bytes[scan.jpeg[0] + 1]).toBe(0xd8)
      }
      taken[entry.file] = pages.filter(Boolean).length
      await doc.destroy()
    }
    // The plain DCT scans in the corpus: the two-page 200 dpi scan (with an incremental update) and the huge JPEG.
    expect(taken['issue7229.pdf']).toBe(2)
    expect(taken['large_jpeg_downscale.pdf']).toBe(1)
    // Stay with pdf.js: visible text over the image, an OCR layer drawn with paths, a JPEG with a soft mask.
    expect(taken['issue1350.pdf']).toBe(0)
    expect(taken['issue14415.pdf']).toBe(0)
    expect(taken['issue18956.pdf']).toBe(0)
    // Every other corpus file has no plain scan page (CCITT, JBIG2, JPX, text, forms, broken structure).
    expect(Object.entries(taken).filter(([f, n]) => n > 0 && f !== 'issue7229.pdf' && f !== 'large_jpeg_downscale.pdf')).toEqual([])
  }, 120_000)
})
