import { zlibSync } from 'fflate'

// A minimal PNG encoder (8-bit RGB, filter 0): enough for QR codes and flat-colour charts, and it runs
// unchanged in Node and in the renderer, which neither qrcode's toBuffer (Node only) nor canvas (DOM only) does.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length))
  return out
}

/** Encodes RGB pixels (3 bytes per pixel, rows top to bottom) as PNG. `dpi` is written to pHYs so Word sizes it sensibly. */
export function encodePng(width: number, height: number, rgb: Uint8Array, dpi = 96): Uint8Array {
  if (rgb.length !== width * height * 3) throw new RangeError('pixel buffer size does not match width × height × 3')
  const raw = new Uint8Array((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1)
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, width)
  v.setUint32(4, height)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type: truecolour
  const phys = new Uint8Array(9)
  const ppm = Math.round(dpi / 0.0254)
  new DataView(phys.buffer).setUint32(0, ppm)
  new DataView(phys.buffer).setUint32(4, ppm)
  phys[8] = 1
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))]
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
