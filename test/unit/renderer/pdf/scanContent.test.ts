import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openPdfStructure, type PdfStructure } from '../../../../renderer/src/pdf/structure/pdfStructure'
import { dictGet, isArray, isDict, isName, isStream, type PdfDict, type PdfValue } from '../../../../renderer/src/pdf/structure/pdfValues'
import { classifyScanContent, multiply, type Matrix } from '../../../../renderer/src/pdf/structure/scanContent'
import { countingSource, latin1 } from './buildPdf'

const classify = (s: string) => classifyScanContent(latin1(s))

describe('classifyScanContent', () => {
  it('accepts the typical scanner page', () => {
    expect(classify('q 595 0 0 842 0 0 cm /Im0 Do Q')).toEqual({ xobjectName: 'Im0', matrix: [595, 0, 0, 842, 0, 0] })
    expect(classify('q\r\n595.44 0 0 841.68 0.00 0.00 cm\r\n1 g /Im#201 Do\r\nQ\r\n')).toEqual({ xobjectName: 'Im 1', matrix: [595.44, 0, 0, 841.68, 0, 0] })
  })

  it('concatenates cm in PDF order (new CTM = M × CTM) and restores it on Q', () => {
    // Translate, then rotate 90°, then scale: the image lands at x 100..200, y 50..350.
    const r = classify('1 0 0 1 100 50 cm q 0 1 -1 0 0 0 cm q 300 0 0 100 0 -100 cm /Im0 Do Q Q')
    const expected = multiply([300, 0, 0, 100, 0, -100], multiply([0, 1, -1, 0, 0, 0], [1, 0, 0, 1, 100, 50]))
    expect(r?.matrix).toEqual(expected)
    expect(expected).toEqual([0, 300, -100, 0, 200, 50])
    // The cm inside the first q is gone by the time of the Do.
    expect(classify('q 2 0 0 2 0 0 cm Q 10 0 0 20 5 6 cm /X Do')?.matrix).toEqual([10, 0, 0, 20, 5, 6])
  })

  it('multiplies matrices as PDF row vectors', () => {
    const m: Matrix = [2, 0, 0, 3, 10, 20]
    const ctm: Matrix = [1, 0, 0, 1, 5, 7]
    // A point (1, 1) through m, then through ctm.
    expect(multiply(m, ctm)).toEqual([2, 0, 0, 3, 15, 27])
    expect(multiply(ctm, m)).toEqual([2, 0, 0, 3, 20, 41])
  })

  it('accepts an OCR text layer drawn in render mode 3, also across q/Q and BT blocks', () => {
    const ocr = 'q 612 0 0 792 0 0 cm /Im0 Do Q BT 3 Tr /F1 12 Tf 1 0 0 1 72 700 Tm (Hello) Tj [(W) -20 (orld)] TJ ET BT 0 -14 Td (again) Tj T* (x) \' 1 2 (y) " ET'
    expect(classify(ocr)?.xobjectName).toBe('Im0')
    expect(classify('3 Tr q /Im0 Do Q BT /F1 1 Tf (still invisible) Tj ET')).not.toBeNull()
  })

  it('rejects visible text', () => {
    expect(classify('q 612 0 0 792 0 0 cm /Im0 Do Q BT /F1 12 Tf (Hello) Tj ET')).toBeNull() // mode 0 by default
    expect(classify('/Im0 Do BT 3 Tr 0 Tr (x) Tj ET')).toBeNull()
    expect(classify('/Im0 Do q 3 Tr Q BT (x) Tj ET')).toBeNull() // Q restores mode 0
    expect(classify('/Im0 Do BT 7 Tr (x) Tj ET')).toBeNull() // clipping text
    expect(classify('/Im0 Do (x) Tj')).toBeNull() // outside BT
  })

  it('rejects zero or two Do', () => {
    expect(classify('q 1 0 0 1 0 0 cm Q')).toBeNull()
    expect(classify('')).toBeNull()
    expect(classify('q /Im0 Do Q q /Im1 Do Q')).toBeNull()
  })

  it('rejects path construction, painting, clipping and shadings', () => {
    for (const ops of ['0 0 m 10 10 l S', '0 0 10 10 re f', '0 0 10 10 re W n', '0 0 10 10 re B*', '/Sh0 sh', '0 0 m 1 1 2 2 3 3 c h f*']) {
      expect(classify(`q /Im0 Do Q ${ops}`), ops).toBeNull()
    }
  })

  it('rejects gs, since it can set alpha, blend modes and soft masks', () => {
    expect(classify('/GS0 gs q 595 0 0 842 0 0 cm /Im0 Do Q')).toBeNull()
  })

  it('rejects unbalanced Q, unclosed text and stray operands', () => {
    expect(classify('q /Im0 Do Q Q')).toBeNull()
    expect(classify('/Im0 Do BT')).toBeNull()
    expect(classify('/Im0 Do ET')).toBeNull()
    expect(classify('/Im0 Do 5')).toBeNull()
    expect(classify('q q /Im0 Do Q')).not.toBeNull() // a missing Q at the end changes nothing drawn
  })

  it('rejects inline images, Type 3 glyph operators, unknown operators and bad operands', () => {
    expect(classify('q /Im0 Do Q BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI')).toBeNull()
    expect(classify('0 0 d0 /Im0 Do')).toBeNull()
    expect(classify('/Im0 Do foo')).toBeNull()
    expect(classify('/Im0 Do /X /Y BX zz EX')).toBeNull()
    expect(classify('1 0 0 1 0 cm /Im0 Do')).toBeNull()
    expect(classify('(s) Do')).toBeNull()
    expect(classify('BT /Im0 Do ET')).toBeNull()
    expect(classify('q /Im0 Do Q (unterminated')).toBeNull()
  })

  it('allows state operators that draw nothing', () => {
    expect(classify('/P <</MCID 0>> BDC 0.5 w 1 J 0 j 4 M [3 1] 0 d /Perceptual ri 1 i 0 0 0 rg 1 G 0 0 0 1 k /CS0 cs 0.5 scn /Im0 Do EMC /Tag MP')).not.toBeNull()
  })
})

const corpusDir = resolve(import.meta.dirname, '../../../../../shared/corpus')
const pdfBytes = (file: string) => new Uint8Array(readFileSync(resolve(corpusDir, 'pdfs', file)))

async function pagesOf(s: PdfStructure): Promise<PdfDict[]> {
  const out: PdfDict[] = []
  const walk = async (v: PdfValue | undefined): Promise<void> => {
    const d = await s.resolve(v)
    if (!isDict(d)) throw new Error('bad page tree')
    if (!isName(dictGet(d, 'Type'), 'Pages')) out.push(d)
    else for (const k of (await s.resolve(dictGet(d, 'Kids'))) as PdfValue[]) await walk(k)
  }
  const root = await s.resolve(dictGet(s.trailer, 'Root'))
  if (!isDict(root)) throw new Error('no catalog')
  await walk(dictGet(root, 'Pages'))
  return out
}

async function pageContent(s: PdfStructure, page: PdfDict): Promise<Uint8Array> {
  const c = await s.resolve(dictGet(page, 'Contents'))
  const parts: Uint8Array[] = []
  for (const item of isArray(c) ? c : [c]) {
    const st = isStream(item) ? item : await s.resolve(item)
    if (!isStream(st)) throw new Error('contents is not a stream')
    parts.push(await s.decodeStream(st), latin1('\n'))
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0)
  return all
}

async function isImageXObject(s: PdfStructure, page: PdfDict, name: string): Promise<boolean> {
  let node: PdfDict | undefined = page
  for (let depth = 0; node && depth < 32; depth++) {
    const res = await s.resolve(dictGet(node, 'Resources'))
    if (isDict(res)) {
      const xobjects = await s.resolve(dictGet(res, 'XObject'))
      const x = isDict(xobjects) ? await s.resolve(dictGet(xobjects, name)) : undefined
      return isStream(x) && isName(dictGet(x.dict, 'Subtype'), 'Image')
    }
    const parent = await s.resolve(dictGet(node, 'Parent'))
    node = isDict(parent) ? parent : undefined
  }
  return false
}

/** What pdf.js says a page draws: counts of painting operators. */
async function pdfjsPaints(file: string, pageCount: number): Promise<{ images: number; other: number }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const O = pdfjs.OPS
  const imageOps = new Set([O.paintImageXObject]) // pdf.js 5 has no separate paintJpegXObject
  const showText = new Set([O.showText, O.showSpacedText, O.nextLineShowText, O.nextLineSetSpacingShowText])
  const otherPaint = new Set([
    O.constructPath, O.paintInlineImageXObject, O.paintInlineImageXObjectGroup, O.paintImageMaskXObject, O.paintImageMaskXObjectGroup,
    O.paintImageMaskXObjectRepeat, O.paintImageXObjectRepeat, O.paintSolidColorImageMask, O.shadingFill, O.paintFormXObjectBegin,
    O.setGState, O.fill, O.stroke, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeStroke, O.closeFillStroke, O.closeEOFillStroke,
    O.rawFillPath, O.paintXObject, O.clip, O.eoClip,
  ])
  const doc = await pdfjs.getDocument({ data: pdfBytes(file), isEvalSupported: false, verbosity: 0 }).promise
  try {
    const out: { images: number; other: number }[] = []
    for (let i = 1; i <= Math.min(pageCount, doc.numPages); i++) {
      const { fnArray, argsArray } = await (await doc.getPage(i)).getOperatorList()
      // Text counts as drawn unless its render mode (saved and restored with the graphics state) is 3, invisible.
      const modes: number[] = []
      let mode = 0
      let images = 0
      let other = 0
      fnArray.forEach((f, k) => {
        if (f === O.save) modes.push(mode)
        else if (f === O.restore) mode = modes.pop() ?? 0
        else if (f === O.setTextRenderingMode) mode = (argsArray[k] as number[])[0]!
        else if (imageOps.has(f)) images++
        else if (otherPaint.has(f) || (showText.has(f) && mode !== 3)) other++
      })
      out.push({ images, other })
    }
    return out
  } finally {
    await doc.destroy()
  }
}

describe('classifyScanContent on real files, checked against pdf.js', () => {
  const manifest = JSON.parse(readFileSync(resolve(corpusDir, 'manifest.json'), 'utf8')) as { files: { file: string; expect: string }[] }
  // Every sample pdf.js opens cleanly, except secHandler.pdf, which is encrypted (empty password) and refused before any page.
  const files = manifest.files.filter((f) => f.expect === 'open' && f.file !== 'secHandler.pdf').map((f) => f.file)

  it('covers the scanned samples', () => {
    expect(files).toEqual(expect.arrayContaining(['issue7229.pdf', 'issue14415.pdf', 'issue1350.pdf', 'issue5747.pdf', 'issue5567.pdf', 'freeculture.pdf']))
  })

  it.each(files)('%s: a page it accepts is exactly one image to pdf.js', async (file) => {
    const s = await openPdfStructure(countingSource(pdfBytes(file)))
    const pages = (await pagesOf(s)).slice(0, 4)
    // The classifier only sees the content; whether the XObject is an image (not a form) is the caller's check.
    const ours = await Promise.all(pages.map(async (p) => {
      const r = classifyScanContent(await pageContent(s, p))
      return r !== null && (await isImageXObject(s, p, r.xobjectName))
    }))
    const theirs = await pdfjsPaints(file, pages.length)
    ours.forEach((accepted, i) => {
      const scanLike = theirs[i]!.images === 1 && theirs[i]!.other === 0
      expect(accepted, `${file} page ${i + 1}: pdf.js ${JSON.stringify(theirs[i])}`).toBe(scanLike)
    })
  })

  it('accepts both pages of the scanned issue7229.pdf with the page-filling matrix', async () => {
    const s = await openPdfStructure(countingSource(pdfBytes('issue7229.pdf')))
    const results = await Promise.all((await pagesOf(s)).map(async (p) => classifyScanContent(await pageContent(s, p))))
    expect(results).toEqual([
      { xobjectName: 'Im1', matrix: [595.44, 0, 0, 841.68, 0, 0] },
      { xobjectName: 'Im1', matrix: [595.44, 0, 0, 841.68, 0, 0] },
    ])
  })

  it('rejects issue14415.pdf and issue1350.pdf, whose pages draw text and paths over the image', async () => {
    for (const file of ['issue14415.pdf', 'issue1350.pdf']) {
      const s = await openPdfStructure(countingSource(pdfBytes(file)))
      for (const p of await pagesOf(s)) expect(classifyScanContent(await pageContent(s, p)), file).toBeNull()
      for (const paints of await pdfjsPaints(file, 3)) expect(paints.other, file).toBeGreaterThan(0)
    }
  })
})
