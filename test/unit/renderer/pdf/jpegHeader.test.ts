import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readJpegHeader } from '../../../../renderer/src/pdf/scan/jpegHeader'

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../fixtures/images', name)))

/** SOI, optional segments, then a frame header of the given kind. */
function jpeg(segments: number[][], sof = 0xc0, precision = 8, height = 30, width = 40, components = 3): Uint8Array {
  const sofBody = [precision, height >> 8, height & 255, width >> 8, width & 255, components, ...Array(components * 3).fill(1)]
  const seg = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]
  return new Uint8Array([0xff, 0xd8, ...segments.flat(), ...seg(sof, sofBody), 0xff, 0xda, 0, 2])
}
const app1Exif = (orientation: number, little: boolean) => {
  const u16 = (v: number) => (little ? [v & 255, v >> 8] : [v >> 8, v & 255])
  const u32 = (v: number) => (little ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24] : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255])
  const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)]
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff)
  return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]
}

describe('readJpegHeader', () => {
  it('reads size and components from real scanner-like pages', () => {
    expect(readJpegHeader(fixture('某局处罚案卷-第1页.jpg'))).toEqual({ width: 600, height: 848, components: 1, progressive: false, exifOrientation: null })
  })

  it('reports the EXIF orientation a phone photo carries', () => {
    const head = readJpegHeader(fixture('横拍-第1页.jpg'))
    expect(head?.exifOrientation).toBeGreaterThan(1)
    expect(head?.width).toBe(848)
    expect(readJpegHeader(jpeg([app1Exif(6, true)]))?.exifOrientation).toBe(6)
    expect(readJpegHeader(jpeg([app1Exif(3, false)]))?.exifOrientation).toBe(3)
    expect(readJpegHeader(jpeg([app1Exif(1, false)]))?.exifOrientation).toBe(1)
  })

  it('accepts baseline, extended and progressive frames, with fill bytes between markers', () => {
    expect(readJpegHeader(jpeg([], 0xc0))).toMatchObject({ width: 40, height: 30, components: 3, progressive: false })
    expect(readJpegHeader(jpeg([], 0xc1))?.progressive).toBe(false)
    expect(readJpegHeader(jpeg([], 0xc2))?.progressive).toBe(true)
    const filled = jpeg([[0xff, 0xff, 0xff, 0xe0, 0, 4, 0, 0]])
    expect(readJpegHeader(filled)?.width).toBe(40)
  })

  it('refuses what the browser might draw differently from pdf.js', () => {
    expect(readJpegHeader(jpeg([], 0xc3))).toBeNull() // lossless
    expect(readJpegHeader(jpeg([], 0xc9))).toBeNull() // arithmetic
    expect(readJpegHeader(jpeg([], 0xc0, 12))).toBeNull() // 12-bit
    expect(readJpegHeader(jpeg([], 0xc0, 8, 0))).toBeNull() // height from a DNL marker
  })

  it('refuses non-JPEG and truncated input', () => {
    expect(readJpegHeader(fixture('损坏.jpg'))).toBeNull()
    expect(readJpegHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull()
    const whole = jpeg([app1Exif(6, true)])
    expect(readJpegHeader(whole.subarray(0, 20))).toBeNull()
    expect(readJpegHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeNull()
  })
})
