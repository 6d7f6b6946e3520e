import ExcelJS from 'exceljs'
import type { ReportModel } from '@scoring/report/index'
import type { ScoreSheetInput } from './scoreSheetDocx'
import { qrPng } from './qr'
import { sheetHeader, sheetItems, sheetNotes } from './sheetRows'
import { a4, fitRowHeight, HEAD_FILL, sheetName, styleCell, toBytes, XFONT, XHEAD, XTITLE } from './xlsxStyle'

function base64(bytes: Uint8Array): string {
  // btoa exists in Node ≥ 16 and in browsers; chunks keep String.fromCharCode's argument list short.
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

const WIDTHS = [12, 24, 7, 7, 8, 50]

/** One worksheet per file, laid out like the DOCX sheet (A4 portrait when printed). */
export async function scoreSheetXlsx(model: ReportModel, inputs: readonly ScoreSheetInput[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '案卷评查台'
  const used = new Set<string>()
  for (const input of inputs) {
    const f = input.file
    const ws = wb.addWorksheet(sheetName(f.case.caseNumber, used))
    ws.columns = WIDTHS.map((width) => ({ width }))
    ws.mergeCells('A1:F1')
    ws.getCell('A1').value = '行政执法案卷评查表'
    ws.getCell('A1').font = XTITLE
    ws.getCell('A1').alignment = { horizontal: 'center' }
    ws.getRow(1).height = 28
    let r = 2
    for (const h of sheetHeader(model, f)) {
      ws.getCell(r, 1).value = h.label
      styleCell(ws.getCell(r, 1), { head: true })
      ws.mergeCells(r, 2, r, 6)
      ws.getCell(r, 2).value = h.value
      for (let c = 2; c <= 6; c++) styleCell(ws.getCell(r, c))
      ws.getRow(r).height = fitRowHeight([h.value], [WIDTHS.slice(1).reduce((a, b) => a + b, 0)])
      r++
    }
    const n = sheetNotes(f)
    if (n.basic) {
      ws.getCell(r, 1).value = f.rubric.basic?.title ?? '基本标准'
      styleCell(ws.getCell(r, 1), { head: true })
      ws.mergeCells(r, 2, r, 6)
      ws.getCell(r, 2).value = n.basic
      for (let c = 2; c <= 6; c++) styleCell(ws.getCell(r, c))
      ws.getRow(r).height = fitRowHeight([f.rubric.basic?.title ?? '', n.basic], [WIDTHS[0]!, WIDTHS.slice(1).reduce((a, b) => a + b, 0)])
      r++
    }
    r++
    const headRow = r
    ;['编号', '评查项目', '分值', '扣分', '得分', '扣分理由及证据页码'].forEach((t, k) => {
      ws.getCell(r, k + 1).value = t
      styleCell(ws.getCell(r, k + 1), { head: true })
    })
    r++
    for (const row of sheetItems(f)) {
      const values = [row.id, row.name, row.max, row.deducted, row.awarded, row.note]
      values.forEach((v, k) => {
        const cell = ws.getCell(r, k + 1)
        // Numbers stay numbers so the sheet can be summed; "—" and "不适用" stay text.
        cell.value = k >= 2 && k <= 4 && /^[+]?\d+(\.\d+)?$/.test(v) ? Number(v.replace('+', '')) : v
        styleCell(cell, { center: k !== 1 && k !== 5 })
        if (row.kind === 'section' || row.kind === 'bonusHeader') {
          cell.fill = HEAD_FILL
          cell.font = XHEAD
        }
      })
      ws.getRow(r).height = fitRowHeight(values, WIDTHS)
      r++
    }
    r++
    ws.getCell(r, 1).value = '总分'
    styleCell(ws.getCell(r, 1), { head: true })
    ws.getCell(r, 2).value = Number(f.result.totalText)
    styleCell(ws.getCell(r, 2), { center: true })
    ws.getCell(r, 2).font = { ...XFONT, bold: true }
    ws.getCell(r, 3).value = '等次'
    styleCell(ws.getCell(r, 3), { head: true })
    ws.mergeCells(r, 4, r, 5)
    ws.getCell(r, 4).value = f.result.grade.name
    styleCell(ws.getCell(r, 4), { center: true })
    ws.getCell(r, 6).value = n.totals
    styleCell(ws.getCell(r, 6))
    ws.getRow(r).height = fitRowHeight([n.totals], [WIDTHS[5]!])
    r++
    for (const [label, text] of [['否决情况', n.veto], ['亮点', n.goodPractice], ['评语', n.comment]] as const) {
      if (!text) continue
      ws.mergeCells(r, 1, r, 6)
      ws.getCell(r, 1).value = `${label}：${text}`
      ws.getCell(r, 1).font = XFONT
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' }
      ws.getRow(r).height = fitRowHeight([`${label}：${text}`], [WIDTHS.reduce((a, b) => a + b, 0)])
      r++
    }
    r++
    for (const s of ['评查人员（签名）：', '评查人员（签名）：', '评查组组长（签名）：']) {
      ws.getCell(r, 1).value = s
      ws.getCell(r, 1).font = XFONT
      ws.getCell(r, 5).value = '日期：'
      ws.getCell(r, 5).font = XFONT
      ws.getRow(r).height = 26
      r++
    }
    if (input.verification) {
      const img = wb.addImage({ base64: base64(qrPng(input.verification, 4).png), extension: 'png' })
      ws.addImage(img, { tl: { col: 5.55, row: r - 3 }, ext: { width: 96, height: 96 } })
      ws.getCell(r + 2, 1).value = `核验码：${input.verification}`
      ws.getCell(r + 2, 1).font = { name: 'Arial', size: 7, color: { argb: 'FF595959' } }
    }
    a4(ws, 'portrait', `${headRow}:${headRow}`)
  }
  if (inputs.length === 0) wb.addWorksheet('评查表').getCell('A1').value = '没有可输出的已定稿评查记录。'
  return toBytes(await wb.xlsx.writeBuffer())
}
