import { encodePng } from './png'

export type Rgb = readonly [number, number, number]

// 3×5 digits and the few signs chart labels need; Chinese labels are set as document text beside the image,
// because no font rasteriser exists in both Node and the renderer.
const GLYPHS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '.': ['0', '0', '0', '0', '1'],
  '%': ['101', '001', '010', '100', '101'],
  '-': ['000', '000', '111', '000', '000'],
  ' ': ['0', '0', '0', '0', '0'],
}

/** An RGB pixel buffer with the handful of drawing operations charts need. */
export class Raster {
  readonly pixels: Uint8Array
  constructor(readonly width: number, readonly height: number, background: Rgb = [255, 255, 255]) {
    this.pixels = new Uint8Array(width * height * 3)
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3)
  }

  fillRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    const x0 = Math.max(0, Math.round(x))
    const y0 = Math.max(0, Math.round(y))
    const x1 = Math.min(this.width, Math.round(x + w))
    const y1 = Math.min(this.height, Math.round(y + h))
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.pixels.set(c, (yy * this.width + xx) * 3)
  }

  /** Width in pixels of `text` at `scale` (pixels per glyph dot). */
  static textWidth(text: string, scale: number): number {
    let w = 0
    for (const ch of text) w += ((GLYPHS[ch]?.[0]?.length ?? 3) + 1) * scale
    return Math.max(0, w - scale)
  }

  text(text: string, x: number, y: number, scale: number, c: Rgb): void {
    let cx = Math.round(x)
    for (const ch of text) {
      const g = GLYPHS[ch] ?? GLYPHS[' ']!
      g.forEach((row, r) => {
        for (let k = 0; k < row.length; k++) if (row[k] === '1') this.fillRect(cx + k * scale, y + r * scale, scale, scale, c)
      })
      cx += (g[0]!.length + 1) * scale
    }
  }

  toPng(dpi = 192): Uint8Array {
    return encodePng(this.width, this.height, this.pixels, dpi)
  }
}
