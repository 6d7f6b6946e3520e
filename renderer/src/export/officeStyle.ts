import type { IParagraphOptions, ISectionOptions, ParagraphChild } from 'docx'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'

/**
 * Fonts named as Windows and WPS install them. 仿宋_GB2312 and 楷体_GB2312 are what GB/T 9704 documents ask for, but
 * Windows 10/11 ship only 仿宋 and 楷体 (same design, GBK coverage), so those are the safe names; 方正小标宋简体 is on
 * nearly every government machine and WPS, and Word falls back to a 宋-style face where it is missing.
 */
export const FONT = {
  body: '仿宋',
  heading: '黑体',
  subheading: '楷体',
  title: '方正小标宋简体',
  table: '仿宋',
  song: '宋体',
  latin: 'Times New Roman',
  /** Windows' face for CJK Extension B and beyond (生僻字 in names). */
  extB: 'SimSun-ExtB',
} as const

/** Chinese font sizes (号) in half-points, docx's unit. */
export const SIZE = { er: 44, xiaoEr: 36, san: 32, si: 28, xiaoSi: 24, wu: 21, xiaoWu: 18 } as const

/** Millimetres to twentieths of a point. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4)

export const A4 = { width: mm(210), height: mm(297) }

/** GB/T 9704—2012 版心: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 22 lines of 28 characters in 三号. */
export const OFFICIAL_PAGE: NonNullable<ISectionOptions['properties']> = {
  page: { size: A4, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) } },
}

/** Forms and tables (评查表, 台账) need the width more than the letterhead margins. */
export const FORM_PAGE: NonNullable<ISectionOptions['properties']> = {
  page: { size: A4, margin: { top: mm(22), bottom: mm(20), left: mm(20), right: mm(20), header: mm(10), footer: mm(10) } },
}

/** Fixed 28.95 pt line pitch gives GB/T 9704's 22 lines per page at 三号. */
export const OFFICIAL_LINE = { line: 579, lineRule: LineRuleType.EXACT }

export interface RunStyle {
  font?: string
  size?: number
  bold?: boolean
  color?: string
  underline?: boolean
}

function isExtB(cp: number): boolean {
  return cp >= 0x20000 && cp <= 0x3ffff
}

/**
 * Text as runs in the given East Asian font. Characters beyond the BMP (CJK Extension B+, e.g. 𠮷) get their own run
 * in SimSun-ExtB, which 仿宋 and 黑体 lack, so Word does not draw a box; other applications fall back per glyph anyway.
 * hint="eastAsia" keeps ambiguous punctuation (“”、…) full-width.
 */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const out: TextRun[] = []
  const font = style.font ?? FONT.body
  // The body font is the document default (styles.xml names it explicitly), so its runs only carry the hint:
  // repeating four font names on every run made 1,000-row annexes markedly slower to pack.
  const make = (t: string, f: string, latin: string): TextRun =>
    new TextRun({
      text: t,
      font: f === FONT.body && latin === FONT.latin ? { hint: 'eastAsia' } : { eastAsia: f, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' },
      ...(style.size !== undefined ? { size: style.size } : {}),
      ...(style.bold ? { bold: true } : {}),
      ...(style.color ? { color: style.color } : {}),
      ...(style.underline ? { underline: {} } : {}),
    })
  let buf = ''
  let ext = false
  const flush = (): void => {
    if (buf) out.push(ext ? make(buf, FONT.extB, FONT.extB) : make(buf, font, FONT.latin))
    buf = ''
  }
  for (const ch of text) {
    const e = isExtB(ch.codePointAt(0) ?? 0)
    if (e !== ext) {
      flush()
      ext = e
    }
    buf += ch
  }
  flush()
  return out
}

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'both'
  /** First-line indent in characters of the run size (公文正文首行缩进2字). */
  indentChars?: number
  rightIndentChars?: number
  line?: { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType] }
  before?: number
  after?: number
  keepNext?: boolean
  pageBreakBefore?: boolean
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED }

export function para(content: string | ParagraphChild[], style: ParaStyle = {}): Paragraph {
  const size = style.size ?? SIZE.san
  const opts: IParagraphOptions = {
    children: typeof content === 'string' ? runs(content, style) : content,
    alignment: ALIGN[style.align ?? 'both'],
    spacing: { ...(style.line ?? {}), before: style.before ?? 0, after: style.after ?? 0 },
    ...(style.indentChars || style.rightIndentChars
      ? { indent: { ...(style.indentChars ? { firstLine: Math.round(style.indentChars * size * 10) } : {}), ...(style.rightIndentChars ? { right: Math.round(style.rightIndentChars * size * 10) } : {}) } }
      : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
    ...(style.pageBreakBefore ? { pageBreakBefore: true } : {}),
  }
  return new Paragraph(opts)
}

/** 公文 body paragraph: 仿宋 三号, justified, 2-character first-line indent, fixed line pitch. */
export function bodyPara(text: string, extra: ParaStyle = {}): Paragraph {
  return para(text, { font: FONT.body, size: SIZE.san, indentChars: 2, line: OFFICIAL_LINE, ...extra })
}

/** 一、 headings in 黑体, （一） in 楷体, as GB/T 9704 lays out 结构层次序数. */
export function heading1(text: string): Paragraph {
  return para(text, { font: FONT.heading, size: SIZE.san, indentChars: 2, line: OFFICIAL_LINE, keepNext: true })
}

export function heading2(text: string): Paragraph {
  return para(text, { font: FONT.subheading, size: SIZE.san, indentChars: 2, line: OFFICIAL_LINE, keepNext: true })
}

export function titlePara(text: string, size: number = SIZE.er): Paragraph {
  return para(text, { font: FONT.title, size, align: 'center', line: { line: Math.round(size * 10 * 1.45), lineRule: LineRuleType.EXACT } })
}

/** "— 1 —" in 4号 宋体: odd pages right, even pages left, one character in from the edge (GB/T 9704 7.5). */
export function pageNumberFooters(): NonNullable<ISectionOptions['footers']> {
  const mark = (align: 'right' | 'left'): Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: align === 'right' ? { right: SIZE.si * 10 } : { left: SIZE.si * 10 },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: FONT.song, hAnsi: FONT.song, eastAsia: FONT.song }, size: SIZE.si })],
        }),
      ],
    })
  return { default: mark('right'), even: mark('left') }
}

/** A centred "第 1 页 共 N 页" footer for forms. */
export function formFooter(): NonNullable<ISectionOptions['footers']> {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页  共 ', PageNumber.TOTAL_PAGES, ' 页'], font: { ascii: FONT.song, hAnsi: FONT.song, eastAsia: FONT.song }, size: SIZE.xiaoWu })],
        }),
      ],
    }),
  }
}

export function officeDocument(sections: ISectionOptions[], options: { title: string; evenOddFooters?: boolean }): Document {
  return new Document({
    title: options.title,
    creator: '案卷评查台',
    evenAndOddHeaderAndFooters: options.evenOddFooters ?? false,
    styles: {
      default: {
        document: { run: { font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body, hint: 'eastAsia' }, size: SIZE.san } },
      },
    },
    sections,
  })
}

/** Packer.toArrayBuffer works in Node and in the browser alike (toBuffer is Node-only, toBlob browser-only). */
export async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}

// ---- tables -----------------------------------------------------------------------------------------------------

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
export const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }

export interface CellSpec {
  text?: string
  paragraphs?: Paragraph[]
  span?: number
  align?: 'left' | 'center' | 'right' | 'both'
  bold?: boolean
  font?: string
  size?: number
  shade?: string
}

export type CellInput = string | CellSpec

/** A fixed-layout table; widths in twips, size in half-points. Header rows repeat on each page. */
export function table(rows: CellInput[][], widths: number[], options: { size?: number; headerRows?: number; font?: string } = {}): Table {
  const size = options.size ?? SIZE.wu
  const total = widths.reduce((s, w) => s + w, 0)
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: rows.map((row, r) => {
      let col = 0
      return new TableRow({
        tableHeader: r < (options.headerRows ?? 0),
        cantSplit: true,
        children: row.map((input) => {
          const c: CellSpec = typeof input === 'string' ? { text: input } : input
          const span = c.span ?? 1
          const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0)
          col += span
          const header = r < (options.headerRows ?? 0)
          const lines = (c.text ?? '').split('\n')
          return new TableCell({
            columnSpan: span,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            ...(c.shade || header ? { shading: { fill: c.shade ?? 'F2F2F2' } } : {}),
            children:
              c.paragraphs ??
              lines.map((t) =>
                para(t, { font: c.font ?? (header ? FONT.heading : (options.font ?? FONT.table)), size: c.size ?? size, bold: c.bold ?? false, align: c.align ?? (header ? 'center' : 'left'), line: { line: Math.round((c.size ?? size) * 10 * 1.25), lineRule: LineRuleType.AT_LEAST } }),
              ),
          })
        }),
      })
    }),
  })
}

/** Width in full-width characters: digits and Latin letters count half. */
export function textChars(t: string): number {
  let n = 0
  for (const ch of t) n += ch.charCodeAt(0) < 0x80 ? 0.5 : 1
  return n
}

/** 落款: the date 右空四字, the organiser centred over it; kept with what precedes so it never stands alone on a page. */
export function signatureLines(organiser: string, date: string): Paragraph[] {
  const orgIndent = Math.max(0, 4 + (textChars(date) - textChars(organiser)) / 2)
  return [
    para('', { line: OFFICIAL_LINE, keepNext: true }),
    para(organiser, { font: FONT.body, size: SIZE.san, align: 'right', line: OFFICIAL_LINE, rightIndentChars: orgIndent, keepNext: true }),
    para(date, { font: FONT.body, size: SIZE.san, align: 'right', line: OFFICIAL_LINE, rightIndentChars: 4 }),
  ]
}
