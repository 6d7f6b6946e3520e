import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addRotation, type Rotation } from '../../../../renderer/src/pages/PageSource'
import { concat, viewportTransform } from '../../../../renderer/src/pages/viewportTransform'

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus/pdfs')

describe('viewportTransform', () => {
  it("gives pdf.js's own viewport for every page box and rotation of real files", async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    let compared = 0
    for (const file of ['sizes.pdf', 'rotation.pdf', 'habibi-rotated.pdf', 'issue14497.pdf', 'issue1350.pdf']) {
      const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(resolve(corpus, file))), isEvalSupported: false, verbosity: 0 }).promise
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n)
        for (const extra of [0, 90, 180, 270] as Rotation[]) {
          for (const scale of [0.37, 1, 2.25]) {
            const rotation = addRotation(page.rotate, extra)
            const theirs = page.getViewport({ scale, rotation })
            const ours = viewportTransform(page.view as [number, number, number, number], rotation, scale)
            ours.transform.forEach((v, i) => expect(v).toBeCloseTo(theirs.transform[i]!, 9))
            expect(ours.width).toBeCloseTo(theirs.width, 9)
            expect(ours.height).toBeCloseTo(theirs.height, 9)
            compared++
          }
        }
      }
      await doc.destroy()
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('composes matrices in the order cm does', () => {
    const scale2: number[] = [2, 0, 0, 2, 0, 0]
    const shift: number[] = [1, 0, 0, 1, 10, 20]
    // A point goes through `first`, then `second`.
    expect(concat(scale2, shift)).toEqual([2, 0, 0, 2, 10, 20])
    expect(concat(shift, scale2)).toEqual([2, 0, 0, 2, 20, 40])
    const page = viewportTransform([0, 0, 100, 200], 0, 1).transform
    // The unit square's top-left corner (0, 1), placed by a 100 × 200 image matrix, lands on canvas (0, 0).
    const m = concat([100, 0, 0, 200, 0, 0], page)
    expect([m[0] * 0 + m[2] * 1 + m[4], m[1] * 0 + m[3] * 1 + m[5]]).toEqual([0, 0])
  })
})
