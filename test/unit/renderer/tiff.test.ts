import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { checkTiffFrame, decodeTiffFrame, orient, readTiffDirectory, TiffError, tiffFrameCount, tiffFrameSizes, type TiffFrame } from '../../../renderer/src/pages/tiff'

const fixture = (name: string): ArrayBuffer => {
  const b = readFileSync(resolve(import.meta.dirname, '../../fixtures/images', name))
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}

const pixel = (f: TiffFrame, x: number, y: number) => [...f.rgba.subarray((y * f.width + x) * 4, (y * f.width + x) * 4 + 4)]

const whiteShare = (f: TiffFrame) => {
  let white = 0
  for (let i = 0; i < f.rgba.length; i += 4) if (f.rgba[i] === 255 && f.rgba[i + 1] === 255 && f.rgba[i + 2] === 255) white++
  return white / (f.width * f.height)
}

/** Rewrites the first value of `tag` in the first IFD (little-endian files, SHORT/LONG values stored inline). */
function patchTag(bytes: ArrayBuffer, tag: number, value: number): ArrayBuffer {
  const copy = bytes.slice(0)
  const view = new DataView(copy)
  const ifd = view.getUint32(4, true)
  const count = view.getUint16(ifd, true)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (view.getUint16(entry, true) !== tag) continue
    if (view.getUint16(entry + 2, true) === 3) view.setUint16(entry + 8, value, true)
    else view.setUint32(entry + 8, value, true)
    return copy
  }
  throw new Error(`tag ${tag} not in the fixture`)
}

describe('CCITT G4 multi-page TIFF', () => {
  const dir = readTiffDirectory(fixture('扫描件-G4.tif'))

  it('really is Group 4, 1 bit per pixel', () => {
    expect(dir.pages[0]!['t259']).toEqual([4])
    expect(dir.pages[0]!['t258'] ?? [1]).toEqual([1])
  })

  it('lists three frames and their sizes without decoding pixels', () => {
    expect(tiffFrameCount(dir)).toBe(3)
    expect(tiffFrameSizes(dir)).toEqual([
      { width: 1240, height: 1754 },
      { width: 1240, height: 1754 },
      { width: 1754, height: 1240 },
    ])
    expect(dir.pages.every((ifd) => ifd.data === undefined)).toBe(true)
  })

  it.each([0, 1, 2])('frame %i decodes to white paper with the black square where it was drawn', (k) => {
    const f = decodeTiffFrame(dir, k)
    expect([f.width, f.height]).toEqual(k === 2 ? [1754, 1240] : [1240, 1754])
    expect(pixel(f, 10, 10)).toEqual([255, 255, 255, 255])
    expect(pixel(f, 100, 100)).toEqual([0, 0, 0, 255])
    expect(pixel(f, 200, 200)).toEqual([0, 0, 0, 255])
    expect(pixel(f, 299, 299)).toEqual([0, 0, 0, 255])
    expect(pixel(f, 300, 200)).toEqual([255, 255, 255, 255])
    expect(pixel(f, 200, 99)).toEqual([255, 255, 255, 255])
    const share = whiteShare(f)
    expect(share).toBeGreaterThan(0.9)
    // The square alone is 200×200 black pixels; the text adds more.
    expect((1 - share) * f.width * f.height).toBeGreaterThan(200 * 200)
  })

  it('decoding leaves the directory free of pixels, so it can be kept cheaply', () => {
    decodeTiffFrame(dir, 1)
    expect(dir.pages[1]!.data).toBeUndefined()
  })
})

describe('colour LZW TIFF', () => {
  const dir = readTiffDirectory(fixture('彩色-LZW.tif'))

  it('decodes each frame in its own colour', () => {
    expect(dir.pages[0]!['t259']).toEqual([5])
    expect(tiffFrameSizes(dir)).toEqual([
      { width: 480, height: 360 },
      { width: 480, height: 360 },
    ])
    expect(pixel(decodeTiffFrame(dir, 0), 100, 100)).toEqual([220, 0, 0, 255])
    expect(pixel(decodeTiffFrame(dir, 1), 100, 100)).toEqual([0, 0, 200, 255])
    expect(pixel(decodeTiffFrame(dir, 1), 300, 100)).toEqual([255, 255, 255, 255])
  })
})

describe('Orientation tag', () => {
  it('6 (rotate clockwise to view): stored top-left square ends up top-right, size swapped', () => {
    const dir = readTiffDirectory(fixture('方向6.tif'))
    expect(tiffFrameSizes(dir)).toEqual([{ width: 200, height: 300 }])
    const f = decodeTiffFrame(dir, 0)
    expect([f.width, f.height]).toEqual([200, 300])
    expect(pixel(f, 175, 25)[0]).toBe(0)
    expect(pixel(f, 25, 25)[0]).toBe(255)
    expect(pixel(f, 175, 275)[0]).toBe(255)
  })

  // A 3×2 picture whose pixels are numbered 1..6 row by row, read back as numbers.
  const numbered = () => {
    const rgba = new Uint8ClampedArray(3 * 2 * 4)
    for (let i = 0; i < 6; i++) rgba[i * 4] = i + 1
    return rgba
  }
  const read = (f: TiffFrame) => Array.from({ length: f.height }, (_, y) => Array.from({ length: f.width }, (_, x) => f.rgba[(y * f.width + x) * 4]))

  it.each([
    [1, [[1, 2, 3], [4, 5, 6]]],
    [2, [[3, 2, 1], [6, 5, 4]]],
    [3, [[6, 5, 4], [3, 2, 1]]],
    [4, [[4, 5, 6], [1, 2, 3]]],
    [5, [[1, 4], [2, 5], [3, 6]]],
    [6, [[4, 1], [5, 2], [6, 3]]],
    [7, [[6, 3], [5, 2], [4, 1]]],
    [8, [[3, 6], [2, 5], [1, 4]]],
  ])('orientation %i', (o, expected) => {
    expect(read(orient(numbered(), 3, 2, o))).toEqual(expected)
  })
})

describe('damaged and unsupported TIFFs are refused, never drawn blank', () => {
  const g4 = fixture('扫描件-G4.tif')

  const kindOf = (f: () => unknown) => {
    try {
      f()
    } catch (e) {
      expect(e).toBeInstanceOf(TiffError)
      return (e as TiffError).kind
    }
    return 'accepted'
  }

  it('refuses bytes that are not a TIFF', () => {
    expect(kindOf(() => readTiffDirectory(new TextEncoder().encode('这不是扫描件，只是一段文字').buffer as ArrayBuffer))).toBe('damaged')
  })

  it('refuses a truncated file (half the bytes)', () => {
    const half = g4.slice(0, g4.byteLength / 2)
    expect(kindOf(() => {
      const dir = readTiffDirectory(half)
      for (let k = 0; k < dir.pages.length; k++) checkTiffFrame(dir, k)
    })).toBe('damaged')
  })

  it('refuses, without hanging, an IFD chain that points back at itself', () => {
    const bytes = new ArrayBuffer(8 + 2 + 12 + 4)
    const v = new DataView(bytes)
    v.setUint16(0, 0x4949)
    v.setUint16(2, 42, true)
    v.setUint32(4, 8, true)
    v.setUint16(8, 1, true)
    v.setUint16(10, 256, true) // ImageWidth
    v.setUint16(12, 3, true)
    v.setUint32(14, 1, true)
    v.setUint16(18, 10, true)
    v.setUint32(22, 8, true) // next IFD: itself
    expect(kindOf(() => readTiffDirectory(bytes))).toBe('damaged')
  })

  it('names an unsupported compression (JBIG) instead of drawing a blank page', () => {
    const dir = readTiffDirectory(patchTag(g4, 259, 34661))
    expect(() => checkTiffFrame(dir, 0)).toThrow(/JBIG/)
    expect(kindOf(() => decodeTiffFrame(dir, 0))).toBe('unsupported')
  })

  it('refuses a frame too large to display', () => {
    const dir = readTiffDirectory(patchTag(patchTag(g4, 256, 60000), 257, 60000))
    expect(kindOf(() => checkTiffFrame(dir, 0))).toBe('too-large')
  })
})
