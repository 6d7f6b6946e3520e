/** Quarter turns, clockwise, as pdf.js and the page-rotation store use them. */
export type Rotation = 0 | 90 | 180 | 270

export interface PageInfo {
  /** The unrotated page box, in page units (PDF points for PDFs, pixels for images). */
  width: number
  height: number
  /** The rotation the file itself asks for (PDF /Rotate, TIFF/JPEG orientation); the reviewer's rotation is added on top. */
  intrinsicRotation: Rotation
}

export interface RenderRequest {
  /** CSS pixels per page unit. */
  scale: number
  /** The rotation to draw at: the file's own (PageInfo.intrinsicRotation) plus the reviewer's, as the slot on screen is laid out. */
  rotation: Rotation
  /** Device pixel ratio to render at; the canvas is sized scale × ratio. */
  pixelRatio: number
  signal: AbortSignal
}

/**
 * One case file's pages, whatever they are stored as. The viewer knows only this,
 * so PDFs, image sets and multi-page TIFFs are viewed, rotated and marked alike.
 */
export interface PageSource {
  readonly pageCount: number
  /** Cheap after the first call for a page; the viewer asks for visible pages only. */
  getPageInfo(pageIndex: number): Promise<PageInfo>
  /**
   * Draws page `pageIndex` (0-based) into `canvas`, sizing the canvas itself.
   * Rejects with an AbortError when the signal fires, and with a PageRenderError when the page cannot be drawn.
   */
  render(pageIndex: number, canvas: HTMLCanvasElement, request: RenderRequest): Promise<void>
  destroy(): Promise<void>
}

export class PageRenderError extends Error {
  constructor(
    readonly pageIndex: number,
    readonly reason: 'damaged' | 'timeout' | 'missing',
    detail: string,
  ) {
    super(detail)
    this.name = 'PageRenderError'
  }
}

export const addRotation = (a: number, b: number): Rotation => ((((a + b) % 360) + 360) % 360) as Rotation

/** Largest canvas we allow, in device pixels: keeps a 40000-px-wide scan or an A0 sheet from exhausting memory. */
export const MAX_CANVAS_PIXELS = 16_777_216

/** How a render reports that it was withdrawn before it finished. */
export function abortError(): Error {
  const e = new Error('render aborted')
  e.name = 'AbortError'
  return e
}

export const isAbortError = (e: unknown) => (e as { name?: string })?.name === 'AbortError'
