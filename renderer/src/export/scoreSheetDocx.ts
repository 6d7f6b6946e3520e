import type { ISectionOptions, Paragraph, Table } from 'docx'
import { BorderStyle, PageNumber, TableCell, TableRow, Table as DocxTable, TableLayoutType, TextRun, WidthType, Footer, Paragraph as DocxParagraph, AlignmentType } from 'docx'
import type { FileResult, ReportModel } from '@scoring/report/index'
import { image } from './docxParts'
import { docxBytes, FONT, FORM_PAGE, mm, officeDocument, para, SIZE, table, titlePara } from './officeStyle'
import type { CellInput } from './officeStyle'
import { qrPng } from './qr'
import { sheetHeader, sheetItems, sheetNotes } from './sheetRows'

export interface ScoreSheetInput {
  file: FileResult
  /** Verification string for the QR code (verificationFor); omitted → no QR code, e.g. for drafts. */
  verification?: string
}

const W = mm(210 - 40)
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

function headerTable(model: ReportModel, f: FileResult): Table {
  const cells = sheetHeader(model, f)
  const rows: CellInput[][] = []
  let pending: CellInput[] = []
  const label = (t: string): CellInput => ({ text: t, align: 'center', font: FONT.heading, shade: 'F2F2F2' })
  for (const c of cells) {
    if (c.wide) {
      if (pending.length) rows.push([...pending, '', ''])
      pending = []
      rows.push([label(c.label), { text: c.value, span: 3 }])
    } else {
      pending.push(label(c.label), c.value)
      if (pending.length === 4) {
        rows.push(pending)
        pending = []
      }
    }
  }
  if (pending.length) rows.push([...pending, '', ''].slice(0, 4))
  return table(rows, [mm(24), mm(61), mm(24), W - mm(109)], { size: SIZE.wu })
}

function itemTable(f: FileResult): Table {
  const head: CellInput[] = ['编号', '评查项目', '分值', '扣分', '得分', '扣分理由及证据页码']
  const rows: CellInput[][] = sheetItems(f).map((r) => {
    const shade = r.kind === 'section' || r.kind === 'bonusHeader' ? 'F2F2F2' : undefined
    const c = (text: string, align: 'center' | 'left' = 'center'): CellInput => ({ text, align, ...(shade ? { shade, font: FONT.heading } : {}) })
    return [c(r.id), c(r.name, 'left'), c(r.max), c(r.deducted), c(r.awarded), { text: r.note, align: 'left', size: SIZE.xiaoWu, ...(shade ? { shade } : {}) }]
  })
  const widths = [mm(14), mm(34), mm(11), mm(11), mm(15)]
  widths.push(W - widths.reduce((s, w) => s + w, 0))
  return table([head, ...rows], widths, { size: SIZE.wu, headerRows: 1 })
}

function signatureBlock(verification: string | undefined): Table {
  const line = (label: string): DocxParagraph => para(`${label}：______________  日期：____年___月___日`, { font: FONT.body, size: SIZE.xiaoSi, align: 'left', before: 240, after: 120 })
  const left = [line('评查人员（签名）'), line('评查人员（签名）'), line('评查组组长（签名）')]
  const right: DocxParagraph[] = []
  if (verification) {
    const qr = qrPng(verification, 4)
    right.push(new DocxParagraph({ alignment: AlignmentType.CENTER, children: [image(qr.png, 72, 72)] }))
    right.push(para('扫码核验', { font: FONT.body, size: SIZE.xiaoWu, align: 'center' }))
  }
  const cell = (children: DocxParagraph[], width: number): TableCell => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children: children.length ? children : [para('')] })
  return new DocxTable({
    layout: TableLayoutType.FIXED,
    width: { size: W, type: WidthType.DXA },
    columnWidths: [W - mm(34), mm(34)],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [new TableRow({ cantSplit: true, children: [cell(left, W - mm(34)), cell(right, mm(34))] })],
  })
}

function sheetBody(model: ReportModel, input: ScoreSheetInput): (Paragraph | Table)[] {
  const f = input.file
  const n = sheetNotes(f)
  const r = f.result
  const totals = table(
    [[{ text: '总分', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: `${r.totalText}分`, align: 'center', bold: true, size: SIZE.xiaoSi }, { text: '等次', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: r.grade.name, align: 'center', bold: true, size: SIZE.xiaoSi }, { text: n.totals, align: 'left', size: SIZE.xiaoWu }]],
    [mm(15), mm(22), mm(15), mm(20), W - mm(72)],
    { size: SIZE.wu },
  )
  const out: (Paragraph | Table)[] = [
    titlePara('行政执法案卷评查表', SIZE.xiaoEr),
    para(model.data.campaign.name, { font: FONT.subheading, size: SIZE.si, align: 'center', after: 160 }),
    headerTable(model, f),
    para('', { size: SIZE.xiaoWu }),
  ]
  if (n.basic) out.push(table([[{ text: f.rubric.basic?.title ?? '基本标准', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: n.basic, align: 'left' }]], [mm(36), W - mm(36)], { size: SIZE.wu }), para('', { size: SIZE.xiaoWu }))
  out.push(itemTable(f), para('', { size: SIZE.xiaoWu }), totals)
  const notes: [string, string][] = [['否决情况', n.veto], ['亮点', n.goodPractice], ['评语', n.comment]]
  for (const [label, text] of notes) if (text) out.push(para(`${label}：${text}`, { font: FONT.body, size: SIZE.wu, align: 'both', before: 80 }))
  out.push(signatureBlock(input.verification))
  if (input.verification) out.push(para(`核验码：${input.verification}`, { font: FONT.latin, size: 14, align: 'left', color: '595959', before: 60 }))
  return out
}

/** 一案一表: one score sheet per file, each its own section so page numbers restart ("第 1 页 共 2 页" per file). */
export async function scoreSheetDocx(model: ReportModel, inputs: readonly ScoreSheetInput[]): Promise<Uint8Array> {
  // Page x of y per file would need SECTIONPAGES, which LibreOffice and WPS do not evaluate; the case number identifies the file instead.
  const footer = (caseNumber: string): Footer =>
    new Footer({
      children: [
        new DocxParagraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [`${caseNumber}  评查表  第 `, PageNumber.CURRENT, ' 页'], font: { ascii: FONT.song, hAnsi: FONT.song, eastAsia: FONT.song }, size: SIZE.xiaoWu })],
        }),
      ],
    })
  const sections: ISectionOptions[] = inputs.map((input) => ({
    properties: { ...FORM_PAGE, page: { ...FORM_PAGE.page, pageNumbers: { start: 1 } } },
    footers: { default: footer(input.file.case.caseNumber) },
    children: sheetBody(model, input),
  }))
  if (sections.length === 0) sections.push({ properties: FORM_PAGE, footers: { default: footer('') }, children: [para('没有可输出的已定稿评查记录。')] })
  return docxBytes(officeDocument(sections, { title: `${model.data.campaign.name} 案卷评查表` }))
}
