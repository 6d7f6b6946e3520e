/** What the scan fast path needs to know about a JPEG before handing it to the browser's decoder. */
export interface JpegHeader {
  width: number
  height: number
  components: number
  progressive: boolean
  /** EXIF orientation (1–8) when the file carries one. PDF ignores it; the browser might not. */
  exifOrientation: number | null
}

const SOF_BASELINE = 0xc0
const SOF_EXTENDED = 0xc1
const SOF_PROGRESSIVE = 0xc2
/** Other SOF kinds (lossless, hierarchical, arithmetic) are left to pdf.js. */
const OTHER_SOF = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/**
 * Reads the markers up to the frame header. Returns null for anything the fast path should not
 * take: not a JPEG, a frame kind browsers may not decode, 12-bit samples, a height deferred to a
 * DNL marker, or a header that does not fit in `bytes`.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  let exifOrientation: number | null = null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    // Fill bytes before a marker.
    if (marker === 0xff) {
      at++
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (length < 2) return null
    const body = at + 4
    const end = at + 2 + length
    if (end > bytes.length) return null
    if (marker === SOF_BASELINE || marker === SOF_EXTENDED || marker === SOF_PROGRESSIVE) {
      if (length < 8) return null
      const precision = bytes[body]!
      const height = (bytes[body + 1]! << 8) | bytes[body + 2]!
      const width = (bytes[body + 3]! << 8) | bytes[body + 4]!
      const components = bytes[body + 5]!
      if (precision !== 8 || height === 0 || width === 0) return null
      return { width, height, components, progressive: marker === SOF_PROGRESSIVE, exifOrientation }
    }
    if (OTHER_SOF.has(marker)) return null
    if (marker === 0xe1) exifOrientation = exifOrientationOf(bytes.subarray(body, end)) ?? exifOrientation
    at = end
  }
  return null
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 Exif segment, or null. */
function exifOrientationOf(app1: Uint8Array): number | null {
  if (app1.length < 14 || String.fromCharCode(...app1.subarray(0, 6)) !== 'Exif\0\0') return null
  const tiff = app1.subarray(6)
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null
  const u16 = (o: number) => (o + 2 > tiff.length ? -1 : little ? tiff[o]! | (tiff[o + 1]! << 8) : (tiff[o]! << 8) | tiff[o + 1]!)
  const u32 = (o: number) => (o + 4 > tiff.length ? -1 : little ? (tiff[o]! | (tiff[o + 1]! << 8) | (tiff[o + 2]! << 16)) + tiff[o + 3]! * 2 ** 24 : tiff[o]! * 2 ** 24 + ((tiff[o + 1]! << 16) | (tiff[o + 2]! << 8) | tiff[o + 3]!))
  const ifd = u32(4)
  const count = u16(ifd)
  if (ifd < 0 || count < 0) return null
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (u16(entry) === 0x0112) {
      const v = u16(entry + 8)
      return v >= 1 && v <= 8 ? v : null
    }
  }
  return null
}
