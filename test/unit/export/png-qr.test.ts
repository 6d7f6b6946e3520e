import { describe, expect, it } from 'vitest'
import jsQR from 'jsqr'
import { agencyMeanChart, encodePng, gradeColumnChart, qrPng } from '../../../renderer/src/export/index'
import { readPng } from './helpers'

describe('PNG encoder', () => {
  it('round-trips pixels through pngjs', () => {
    const w = 3
    const h = 2
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    const png = readPng(encodePng(w, h, rgb))
    expect([png.width, png.height]).toEqual([3, 2])
    expect([...png.data.subarray(0, 4)]).toEqual([255, 0, 0, 255])
    expect([...png.data.subarray(20, 24)]).toEqual([70, 80, 90, 255])
  })

  it('refuses a buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(RangeError)
  })
})

describe('QR code', () => {
  it('decodes back to the same string with jsQR', () => {
    const text = 'CRD1|a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607|case-06|88.24|pass|0123456789abcdef0123456789abcdef'
    const qr = qrPng(text, 4)
    const png = readPng(qr.png)
    expect(png.width).toBe(qr.size)
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(code?.data).toBe(text)
  })
})

describe('charts', () => {
  it('are PNGs sized for the page; the bar chart grows with the number of agencies', () => {
    const g = gradeColumnChart([{ files: 3, percentText: '60.0' }, { files: 2, percentText: '40.0' }])
    expect(readPng(g.png).width).toBe(800)
    const few = agencyMeanChart([{ rank: 1, meanText: '90', mean: 90 }], 100)
    const many = agencyMeanChart(Array.from({ length: 20 }, (_, i) => ({ rank: i + 1, meanText: '80', mean: 80 })), 100)
    expect(readPng(many.png).height).toBeGreaterThan(readPng(few.png).height * 5)
    expect(many.widthPt).toBe(300)
  })
})
