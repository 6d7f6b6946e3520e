import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readForViewer } from '../../../../renderer/src/pdf/scan/buildScanIndex'
import type { ByteSource } from '../../../../renderer/src/pdf/structure/pdfStructure'
import { usableScanIndex } from '../../../../renderer/src/pdf/scan/scanPage'
import { buildScanPdf, type ScanPdfPage } from '../../../e2e/support/scanPdf'

/** Just the scan index of readForViewer's reading. */
const buildScanIndex = async (src: ByteSource, pageCount: number) => (await readForViewer(src, pageCount)).scanIndex

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../fixtures/images', name)))
const page1 = fixture('某局处罚案卷-第1页.jpg')
const plain: ScanPdfPage = { jpeg: page1, width: 600, height: 848, colorSpace: 'DeviceGray' }

/** Reads from memory and counts what was read, as the Blob-backed source would. */
function memorySource(bytes: Uint8Array) {
  const counter = { reads: 0, bytes: 0 }
  const src: ByteSource = {
    size: bytes.length,
    read: async (begin, end) => {
      counter.reads++
      counter.bytes += Math.max(0, Math.min(end, bytes.length) - begin)
      return bytes.slice(begin, end)
    },
  }
  return { src, counter }
}

describe('the scan index', () => {
  it('indexes single-JPEG pages with their box, rotation, placement and JPEG bytes; other pages stay with pdf.js', async () => {
    const pdf = buildScanPdf([
      plain,
      { ...plain, mediaBox: [10, 20, 430, 620], rotate: -270, matrix: [300, 0, 0, 424, 60, 110], extraContent: 'BT 3 Tr /F1 12 Tf 100 300 Td (OCR) Tj ET' },
      { ...plain, extraContent: '0 0 m 595 842 l S' },
      { ...plain, extraContent: 'BT /F1 12 Tf 100 300 Td (visible) Tj ET' },
    ])
    const { src } = memorySource(pdf)
    const index = await buildScanIndex(src, 4)
    expect(index?.pages.map((p) => p !== null)).toEqual([true, true, false, false])
    const [first, second] = index!.pages
    expect(first).toEqual({ view: [0, 0, 595, 842], rotate: 0, jpeg: first!.jpeg, pixels: [600, 848], matrix: [595, 0, 0, 842, 0, 0] })
    expect(pdf.slice(first!.jpeg[0], first!.jpeg[1])).toEqual(page1)
    expect(second).toMatchObject({ view: [10, 20, 430, 620], rotate: 90, pixels: [600, 848], matrix: [300, 0, 0, 424, 60, 110] })
    expect(usableScanIndex(index, 4, pdf.length)?.pages.filter(Boolean)).toHaveLength(2)
  })

  it('indexes nothing when its page count disagrees with pdf.js, or the file is not a PDF it can read strictly', async () => {
    const pdf = buildScanPdf([plain, plain])
    expect(await buildScanIndex(memorySource(pdf).src, 3)).toBeNull()
    expect(await buildScanIndex(memorySource(pdf.slice(0, pdf.length - 200)).src, 2)).toBeNull()
    expect(await buildScanIndex(memorySource(new TextEncoder().encode('not a pdf at all')).src, 1)).toBeNull()
  })

  it.each<[string, Partial<ScanPdfPage>]>([
    ['a soft mask', { imageExtra: '/SMask 3 0 R' }],
    ['a /Decode array that inverts', { imageExtra: '/Decode [1 0]' }],
    ['CMYK', { colorSpace: 'DeviceCMYK' }],
    ['an indexed colour space', { colorSpace: 'Indexed' }],
    ['a width the JPEG does not have', { width: 601 }],
    ['a filter chain', { filter: '[/ASCII85Decode /DCTDecode]' }],
    ['a colour transform override', { imageExtra: '/DecodeParms << /ColorTransform 0 >>' }],
    ['annotations', { pageExtra: '/Annots [3 0 R]' }],
    ['a user unit', { pageExtra: '/UserUnit 2' }],
    ['two images', { extraContent: 'q 10 0 0 10 0 0 cm /Im0 Do Q' }],
    ['the image in an optional-content layer', { imageExtra: '/OC 3 0 R' }],
    ['optional-content marks in its content', { extraContent: '/OC /L1 BDC EMC' }],
    ['a graphics state (it may set transparency)', { extraContent: '/GS0 gs' }],
  ])('leaves a page with %s to pdf.js, and takes the same page without it', async (_what, change) => {
    const index = await buildScanIndex(memorySource(buildScanPdf([plain, { ...plain, ...change }])).src, 2)
    expect(index?.pages.map((p) => p !== null)).toEqual([true, false])
  })

  it('leaves a JPEG with an EXIF orientation to pdf.js (PDF ignores it, a browser may not)', async () => {
    const photo = fixture('横拍-第1页.jpg')
    const index = await buildScanIndex(memorySource(buildScanPdf([{ jpeg: photo, width: 848, height: 600, colorSpace: 'DeviceGray' }])).src, 1)
    expect(index).not.toBeNull()
    expect(index!.pages[0]).toBeNull()
  })

  it('reads a small fraction of a long scan to index it', async () => {
    const padding = new Uint8Array(200_000)
    // A real JPEG followed by filler, as a 300 dpi scan's bulk follows its header.
    const big = new Uint8Array(page1.length + padding.length)
    big.set(page1)
    const pages = Array.from({ length: 120 }, () => ({ ...plain, jpeg: big }))
    const pdf = buildScanPdf(pages)
    const { src, counter } = memorySource(pdf)
    const index = await buildScanIndex(src, 120)
    expect(index?.pages.every((p) => p !== null)).toBe(true)
    expect(counter.bytes / pdf.length).toBeLessThan(0.1)
  })
})
