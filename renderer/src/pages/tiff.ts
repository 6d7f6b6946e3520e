import UTIF, { type Ifd } from './utif'

/**
 * Multi-page TIFF reading over utif2, as pure functions of the file's bytes so they run
 * (and are tested) the same under Node and in the renderer. Sizes and pixels are always
 * upright: the Orientation tag is applied here, so callers treat every frame like a
 * plain picture with no intrinsic rotation.
 */


export interface TiffFrameSize {
  /** Upright size in pixels, after the Orientation tag. */
  width: number
  height: number
}

export interface TiffFrame extends TiffFrameSize {
  /** Upright RGBA, 4 bytes a pixel, row by row. */
  rgba: Uint8ClampedArray<ArrayBuffer>
}

/** The parsed directory of one TIFF file: its page IFDs only (thumbnails and reduced-resolution copies left out). */
export interface TiffDirectory {
  readonly bytes: ArrayBuffer
  readonly pages: readonly Ifd[]
}

export class TiffError extends Error {
  constructor(
    readonly kind: 'damaged' | 'unsupported' | 'too-large',
    message: string,
  ) {
    super(message)
    this.name = 'TiffError'
  }
}

/** Above this a single frame's RGBA alone would take 400 MB; no scanner writes such a page. */
export const MAX_FRAME_PIXELS = 100_000_000

/** A chain longer than this is a loop or garbage, not a case file. */
const MAX_IFDS = 20_000

// utif2 decodes these; anything else it silently leaves blank, so we refuse it instead.
const COMPRESSIONS: Record<number, string> = {
  1: '无压缩',
  2: 'CCITT RLE',
  3: 'CCITT G3',
  4: 'CCITT G4',
  5: 'LZW',
  6: '旧式 JPEG',
  7: 'JPEG',
  8: 'Deflate',
  32946: 'Deflate',
  32773: 'PackBits',
  32809: 'ThunderScan',
}
const KNOWN_COMPRESSIONS: Record<number, string> = { 34661: 'JBIG', 34712: 'JPEG 2000', 34715: 'JBIG2', 50000: 'ZSTD', 50001: 'WebP' }
// 0 WhiteIsZero, 1 BlackIsZero, 2 RGB, 3 palette, 5 CMYK, 6 YCbCr (only as JPEG, which utif2 converts to RGB).
const PHOTOMETRICS = new Set([0, 1, 2, 3, 5])

const num = (ifd: Ifd, tag: number): number | undefined => {
  const v = ifd[`t${tag}`]
  return Array.isArray(v) && typeof v[0] === 'number' ? v[0] : undefined
}
const nums = (ifd: Ifd, tag: number): number[] | undefined => {
  const v = ifd[`t${tag}`]
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined
}

/**
 * Follows the IFD chain ourselves before handing the bytes to utif2, whose own loop
 * never ends on a chain that points back at itself (a damaged file must not hang the app).
 */
function checkIfdChain(bytes: ArrayBuffer): void {
  const view = new DataView(bytes)
  if (bytes.byteLength < 8) throw new TiffError('damaged', '文件过短')
  const order = view.getUint16(0)
  const le = order === 0x4949
  if (!le && order !== 0x4d4d) throw new TiffError('damaged', '不是 TIFF 文件')
  if (view.getUint16(2, le) !== 42) throw new TiffError('damaged', '不是 TIFF 文件（或为不支持的 BigTIFF）')
  const seen = new Set<number>()
  let offset = view.getUint32(4, le)
  if (offset === 0) throw new TiffError('damaged', '没有图像目录')
  while (offset !== 0) {
    if (seen.has(offset)) throw new TiffError('damaged', '图像目录链成环')
    if (seen.size >= MAX_IFDS) throw new TiffError('damaged', '图像目录过多')
    if (offset + 2 > bytes.byteLength) throw new TiffError('damaged', '图像目录超出文件末尾，文件可能不完整')
    seen.add(offset)
    const count = view.getUint16(offset, le)
    const next = offset + 2 + count * 12
    if (next + 4 > bytes.byteLength) throw new TiffError('damaged', '图像目录超出文件末尾，文件可能不完整')
    offset = view.getUint32(next, le)
  }
}

function isPage(ifd: Ifd): boolean {
  if (num(ifd, 256) === undefined || num(ifd, 257) === undefined) return false
  // NewSubfileType bit 0: a reduced-resolution copy (preview) of another page.
  return ((num(ifd, 254) ?? 0) & 1) === 0
}

/** Parses the directory only: no pixel is decoded, so this is cheap even for a 300-page scan. */
export function readTiffDirectory(bytes: ArrayBuffer): TiffDirectory {
  checkIfdChain(bytes)
  let ifds: Ifd[]
  try {
    // Maker notes are camera metadata: skipping them avoids parsing untrusted vendor blocks.
    ifds = UTIF.decode(bytes, { parseMN: false, debug: false })
  } catch (e) {
    throw new TiffError('damaged', `无法读取图像目录：${e instanceof Error ? e.message : String(e)}`)
  }
  const pages = ifds.filter(isPage)
  if (pages.length === 0) throw new TiffError('damaged', '文件中没有图像')
  return { bytes, pages }
}

export const tiffFrameCount = (dir: TiffDirectory): number => dir.pages.length

function orientation(ifd: Ifd): number {
  const o = num(ifd, 274) ?? 1
  return o >= 1 && o <= 8 ? o : 1
}

/** Orientations 5–8 turn the picture a quarter, so width and height swap. */
const swapsAxes = (o: number) => o >= 5

export function tiffFrameSize(dir: TiffDirectory, k: number): TiffFrameSize {
  const ifd = frameIfd(dir, k)
  const w = num(ifd, 256)!
  const h = num(ifd, 257)!
  return swapsAxes(orientation(ifd)) ? { width: h, height: w } : { width: w, height: h }
}

export const tiffFrameSizes = (dir: TiffDirectory): TiffFrameSize[] => dir.pages.map((_, k) => tiffFrameSize(dir, k))

function frameIfd(dir: TiffDirectory, k: number): Ifd {
  const ifd = dir.pages[k]
  if (!ifd) throw new TiffError('damaged', `没有第 ${k + 1} 帧`)
  return ifd
}

/**
 * Refuses, without decoding, a frame utif2 would draw blank or wrong: an unknown compression
 * or colour model, strips pointing past the end of a truncated file, or an absurd size.
 */
export function checkTiffFrame(dir: TiffDirectory, k: number): void {
  const ifd = frameIfd(dir, k)
  const w = num(ifd, 256)!
  const h = num(ifd, 257)!
  if (w < 1 || h < 1) throw new TiffError('damaged', `第 ${k + 1} 帧尺寸为零`)
  if (w * h > MAX_FRAME_PIXELS) throw new TiffError('too-large', `第 ${k + 1} 帧为 ${w}×${h} 像素，超过可显示的上限`)
  const compression = num(ifd, 259) ?? 1
  if (!(compression in COMPRESSIONS)) {
    const name = KNOWN_COMPRESSIONS[compression]
    throw new TiffError('unsupported', `不支持的 TIFF 压缩方式${name ? ` ${name}` : ''}（编号 ${compression}）`)
  }
  const photometric = num(ifd, 262) ?? ((num(ifd, 258) ?? 1) === 1 ? 0 : 2)
  const jpegYcc = photometric === 6 && (compression === 6 || compression === 7)
  if (!PHOTOMETRICS.has(photometric) && !jpegYcc) throw new TiffError('unsupported', `不支持的 TIFF 颜色模式（编号 ${photometric}）`)
  const tiled = ifd['t322'] !== undefined
  const offsets = nums(ifd, tiled ? 324 : 273)
  const counts = nums(ifd, tiled ? 325 : 279)
  if (!offsets || offsets.length === 0) throw new TiffError('damaged', `第 ${k + 1} 帧缺少图像数据位置`)
  if (counts) {
    for (const [i, off] of offsets.entries()) {
      const len = counts[i] ?? 0
      if (off + len > dir.bytes.byteLength) throw new TiffError('damaged', `第 ${k + 1} 帧的图像数据超出文件末尾，文件可能不完整`)
    }
  }
}

/**
 * Decodes frame `k` to upright RGBA. Works on a copy of the IFD because utif2 hangs the
 * decoded pixels (and tag rewrites) on the object it is given; the directory stays pixel-free,
 * so keeping it costs only the file's bytes.
 */
export function decodeTiffFrame(dir: TiffDirectory, k: number): TiffFrame {
  checkTiffFrame(dir, k)
  const source = frameIfd(dir, k)
  const ifd = {} as Ifd
  for (const [key, v] of Object.entries(source)) (ifd as Record<string, unknown>)[key] = Array.isArray(v) ? v.slice() : v
  let raw: Uint8Array<ArrayBuffer>
  try {
    UTIF.decodeImage(dir.bytes, ifd, dir.pages as Ifd[])
    if (!ifd.data) throw new Error('no image data')
    raw = UTIF.toRGBA8(ifd)
  } catch (e) {
    throw new TiffError('damaged', `第 ${k + 1} 帧无法解码：${e instanceof Error ? e.message : String(e)}`)
  }
  const w = num(source, 256)!
  const h = num(source, 257)!
  if (raw.length < w * h * 4) throw new TiffError('damaged', `第 ${k + 1} 帧无法解码`)
  const rgba = new Uint8ClampedArray(raw.buffer, raw.byteOffset, w * h * 4)
  return orient(rgba, w, h, orientation(source))
}

/**
 * Applies a TIFF/EXIF Orientation value (1–8) to stored pixels, giving the picture as it is
 * meant to be seen. Value n says where stored row 0 and column 0 belong, e.g. 6: row 0 is the right edge.
 */
export function orient(rgba: Uint8ClampedArray<ArrayBuffer>, w: number, h: number, o: number): TiffFrame {
  if (o === 1) return { width: w, height: h, rgba }
  const swap = swapsAxes(o)
  const W = swap ? h : w
  const H = swap ? w : h
  const out = new Uint8ClampedArray(W * H * 4)
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice()
  const src32 = new Uint32Array(aligned.buffer, aligned.byteOffset, w * h)
  const dst32 = new Uint32Array(out.buffer)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let u: number
      let v: number
      switch (o) {
        case 2: u = w - 1 - x; v = y; break
        case 3: u = w - 1 - x; v = h - 1 - y; break
        case 4: u = x; v = h - 1 - y; break
        case 5: u = y; v = x; break
        case 6: u = h - 1 - y; v = x; break
        case 7: u = h - 1 - y; v = w - 1 - x; break
        default: u = y; v = w - 1 - x; break // 8
      }
      dst32[v * W + u] = src32[y * w + x]!
    }
  }
  return { width: W, height: H, rgba: out }
}
