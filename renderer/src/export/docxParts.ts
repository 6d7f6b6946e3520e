import type { ParagraphChild } from 'docx'
import { ImageRun, PageBreak, Paragraph } from 'docx'
import type { ChartImage } from './charts'

/** docx sizes images in pixels at 96 dpi. */
export function image(png: Uint8Array, widthPt: number, heightPt: number): ImageRun {
  return new ImageRun({ type: 'png', data: png, transformation: { width: Math.round((widthPt * 4) / 3), height: Math.round((heightPt * 4) / 3) } })
}

export function chartParagraph(chart: ChartImage, maxWidthPt: number): Paragraph {
  const scale = Math.min(1, maxWidthPt / chart.widthPt)
  return new Paragraph({ alignment: 'center', keepNext: true, children: [image(chart.png, chart.widthPt * scale, chart.heightPt * scale)] })
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] })
}

export function joinChildren(parts: ParagraphChild[][]): ParagraphChild[] {
  return parts.flat()
}

/** Splits narrative text into paragraphs; blank lines are ignored. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
}
