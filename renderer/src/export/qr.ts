import QRCode from 'qrcode'
import { encodePng } from './png'

export interface QrImage {
  png: Uint8Array
  /** Side in pixels (modules + quiet zone, times scale). */
  size: number
  version: number
}

/**
 * The QR code as PNG bytes, drawn from qrcode's module matrix so the same code runs in Node and in the renderer.
 * Level M, a 4-module quiet zone and whole pixels per module keep it decodable from a printed, rescanned sheet.
 */
export function qrPng(text: string, scale = 6): QrImage {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 4
  const size = (n + quiet * 2) * scale
  const rgb = new Uint8Array(size * size * 3).fill(255)
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.modules.get(r, c)) continue
      for (let dy = 0; dy < scale; dy++) {
        const row = (r + quiet) * scale + dy
        rgb.fill(0, (row * size + (c + quiet) * scale) * 3, (row * size + (c + quiet + 1) * scale) * 3)
      }
    }
  }
  return { png: encodePng(size, size, rgb, 300), size, version: qr.version }
}
