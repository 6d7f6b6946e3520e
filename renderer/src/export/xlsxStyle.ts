import type { Borders, Cell, Fill, Font, Worksheet } from 'exceljs'

// Excel applies one font per cell; 仿宋 for text matches the printed documents, and Excel's own font linking
// covers rare characters, so no per-character handling is needed here.
export const XFONT: Partial<Font> = { name: '仿宋', size: 11 }
export const XHEAD: Partial<Font> = { name: '黑体', size: 11 }
export const XTITLE: Partial<Font> = { name: '方正小标宋简体', size: 16 }
export const THIN: Partial<Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }
export const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }

export function styleCell(cell: Cell, opts: { head?: boolean; wrap?: boolean; center?: boolean } = {}): void {
  cell.font = opts.head ? XHEAD : XFONT
  cell.border = THIN
  cell.alignment = { vertical: 'middle', horizontal: opts.center || opts.head ? 'center' : 'left', wrapText: opts.wrap ?? true }
  if (opts.head) cell.fill = HEAD_FILL
}

/** A4, fit to one page wide, header rows repeated when printed. */
export function a4(ws: Worksheet, orientation: 'portrait' | 'landscape', repeatRows?: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
    ...(repeatRows ? { printTitlesRow: repeatRows } : {}),
  }
  ws.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' }
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '工作表'
  let name = base
  for (let k = 2; used.has(name); k++) name = `${base.slice(0, 27)}-${k}`
  used.add(name)
  return name
}

/** writeBuffer returns a Buffer in Node and an ArrayBuffer in the browser; both become a plain Uint8Array. */
export function toBytes(b: ArrayBuffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b)
}

/**
 * Row height that fits wrapped text. Excel sizes rows itself only when it edits them and LibreOffice not at all on
 * load, so rows are sized here: a CJK character takes about 2 width units of 仿宋 11 pt, Latin about 1.1.
 */
export function fitRowHeight(values: readonly string[], widths: readonly number[], lineHeight = 15): number {
  let lines = 1
  values.forEach((v, i) => {
    const w = Math.max(1, (widths[i] ?? 10) - 1)
    for (const part of v.split('\n')) {
      let units = 0
      for (const ch of part) units += ch.charCodeAt(0) < 0x80 ? 1.1 : 2
      lines = Math.max(lines, Math.ceil(units / w))
    }
    lines = Math.max(lines, v.split('\n').length)
  })
  return lines * lineHeight + 4
}
