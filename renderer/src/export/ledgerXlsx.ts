import type { DataValidation } from 'exceljs'
import ExcelJS from 'exceljs'
import type { ReportModel } from '@scoring/report/index'
import { rectificationStatusText } from '@scoring/report/index'
import { a4, fitRowHeight, styleCell, toBytes, XFONT, XTITLE } from './xlsxStyle'

const COLUMNS: { header: string; key: string; width: number; center?: boolean }[] = [
  { header: '序号', key: 'no', width: 6, center: true },
  { header: '被评查单位', key: 'agency', width: 18 },
  { header: '案号', key: 'caseNumber', width: 20 },
  { header: '评查项目', key: 'item', width: 18 },
  { header: '问题类别', key: 'category', width: 10, center: true },
  { header: '问题描述', key: 'description', width: 34 },
  { header: '证据页码', key: 'pages', width: 9, center: true },
  { header: '整改状态', key: 'status', width: 10, center: true },
  { header: '说明（不予整改理由等）', key: 'reason', width: 22 },
  { header: '整改反馈', key: 'feedback', width: 28 },
  { header: '反馈日期', key: 'feedbackOn', width: 12, center: true },
  { header: '整改期限', key: 'deadline', width: 12, center: true },
  { header: '是否逾期', key: 'overdue', width: 12, center: true },
]

/** 整改台账: one row per problem, with a status drop-down and a per-agency summary sheet. */
export async function ledgerXlsx(model: ReportModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '案卷评查台'
  wb.created = new Date(model.data.exportedAt)
  const ws = wb.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 3 }] })
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }))
  ws.mergeCells(1, 1, 1, COLUMNS.length)
  const title = ws.getCell(1, 1)
  title.value = `${model.data.campaign.name}整改台账`
  title.font = XTITLE
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 30
  ws.mergeCells(2, 1, 2, COLUMNS.length)
  const sub = ws.getCell(2, 1)
  sub.value = `组织单位：${model.data.campaign.organiser}    统计截至：${model.data.exportedAt.slice(0, 10)}    共${model.ledger.length}条`
  sub.font = XFONT
  sub.alignment = { horizontal: 'right' }
  const head = ws.getRow(3)
  COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1)
    cell.value = c.header
    styleCell(cell, { head: true })
  })
  head.height = 22
  const statuses = Object.values(rectificationStatusText)
  model.ledger.forEach((l, i) => {
    const row = ws.addRow({
      no: i + 1,
      agency: l.agencyName,
      caseNumber: l.caseNumber,
      item: `${l.itemId} ${l.itemName}`,
      category: l.categoryName,
      description: l.ruleText && l.ruleText !== l.description ? `${l.ruleText}：${l.description}` : l.description,
      pages: l.pages.join('、'),
      status: l.statusText,
      reason: l.reason,
      feedback: l.feedback,
      feedbackOn: l.feedbackOn,
      deadline: l.deadline,
      overdue: l.overdueText,
    })
    COLUMNS.forEach((c, k) => styleCell(row.getCell(k + 1), { center: c.center ?? false }))
    row.height = fitRowHeight(COLUMNS.map((c) => String(row.getCell(c.key).value ?? '')), COLUMNS.map((c) => c.width))
    if (l.overdue === 'overdue') row.getCell('overdue').font = { ...XFONT, color: { argb: 'FFC00000' }, bold: true }
  })
  // One validation over the whole status column: per-cell validations made large ledgers several times slower to write.
  if (model.ledger.length > 0) {
    const col = ws.getColumn('status').letter
    ;(ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations.add(`${col}4:${col}${3 + model.ledger.length}`, {
      type: 'list',
      allowBlank: false,
      formulae: [`"${statuses.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '整改状态',
      error: `请选择：${statuses.join('、')}`,
    })
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + model.ledger.length, column: COLUMNS.length } }
  a4(ws, 'landscape', '3:3')

  const sum = wb.addWorksheet('按单位汇总')
  const cols = ['被评查单位', '问题总数', ...statuses, '逾期未整改', '整改完成率（%）']
  sum.columns = cols.map((_, i) => ({ width: i === 0 ? 24 : 12 }))
  const h = sum.addRow(cols)
  h.eachCell((c) => styleCell(c, { head: true }))
  for (const a of model.data.agencies) {
    const mine = model.ledger.filter((l) => l.agencyId === a.id)
    if (mine.length === 0) continue
    const done = mine.filter((l) => l.status === 'done').length
    const r = sum.addRow([
      a.name,
      mine.length,
      ...(['pending', 'inProgress', 'done', 'declined'] as const).map((s) => mine.filter((l) => l.status === s).length),
      mine.filter((l) => l.overdue === 'overdue').length,
      // Declined lines are settled, so they leave the denominator.
      mine.length - mine.filter((l) => l.status === 'declined').length === 0 ? '—' : ((done * 1000) / (mine.length - mine.filter((l) => l.status === 'declined').length) / 10).toFixed(1),
    ])
    r.eachCell((c, k) => styleCell(c, { center: k > 1 }))
  }
  a4(sum, 'portrait')
  // Inline strings and fast deflate: exceljs's writer dominates on large ledgers, and this roughly halves it.
  return toBytes(await wb.xlsx.writeBuffer({ useSharedStrings: false, zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }))
}
