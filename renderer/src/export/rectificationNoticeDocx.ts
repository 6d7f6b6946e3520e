import type { ISectionOptions, Paragraph, Table } from 'docx'
import type { AgencyNotice, ReportModel } from '@scoring/report/index'
import { cnDate, pagesText } from '@scoring/report/index'
import { pageBreak } from './docxParts'
import { bodyPara, docxBytes, FONT, heading1, mm, OFFICIAL_LINE, OFFICIAL_PAGE, officeDocument, pageNumberFooters, para, signatureLines, SIZE, table, titlePara } from './officeStyle'
import type { CellInput } from './officeStyle'

export interface NoticeOptions {
  /** Date of the notice (YYYY-MM-DD); defaults to the export date. */
  issuedOn?: string
  /** Overrides the deadline from the ledger / campaign. */
  deadline?: string
  contact?: string
}

const W = mm(210 - 28 - 26)

function noticeBody(model: ReportModel, n: AgencyNotice, options: NoticeOptions): (Paragraph | Table)[] {
  const c = model.data.campaign
  const deadline = options.deadline ?? n.deadline
  const deadlineText = deadline ? cnDate(deadline) : '收到本通知之日起30日内'
  const out: (Paragraph | Table)[] = [
    titlePara('行政执法案卷评查整改通知书'),
    para('', { line: OFFICIAL_LINE }),
    para(`${n.agency.name}：`, { font: FONT.body, size: SIZE.san, align: 'left', line: OFFICIAL_LINE }),
  ]
  const rankText = n.rank !== null ? `，平均得分${n.meanText}分，在${model.agencies.length}个被评查单位中排第${n.rank}名` : ''
  out.push(bodyPara(`${c.organiser}于${cnDate(c.startedOn)}至${cnDate(c.endedOn)}组织开展了${c.name}。你单位被抽查案卷${n.files.length}件${rankText}。${n.problems.length ? `经评查，发现问题${n.problems.length}个（见下表），现通知你单位限期整改。` : '经评查，未发现需要整改的问题。'}`))
  if (n.problems.length) {
    out.push(heading1('一、存在的问题及评查依据'))
    const rubricNames = [...new Set(n.files.map((f) => `《${f.rubric.name}》`))].join('、')
    out.push(bodyPara(`评查依据为${rubricNames}，“评查依据”栏列出所依据的评查项目编号、名称及扣分规则。`, { keepNext: true }))
    const rows: CellInput[][] = n.problems.map((p, i) => [
      { text: String(i + 1), align: 'center' },
      p.caseNumber,
      { text: p.categoryName, align: 'center' },
      `${p.kind === 'veto' ? '【否决项】' : ''}${p.description}${p.pages.length ? `（${pagesText(p.pages)}）` : ''}`,
      { text: p.basis, size: SIZE.xiaoWu },
      { text: p.kind === 'veto' ? '否决' : p.pointsText, align: 'center' },
    ])
    const widths = [mm(9), mm(27), mm(13), 0, mm(50), mm(11)]
    widths[3] = W - widths.reduce((s, w) => s + w, 0)
    out.push(table([['序号', '案号', '类别', '存在问题（页码）', '评查依据', '扣分'], ...rows], widths, { size: SIZE.wu, headerRows: 1 }))
    out.push(heading1('二、整改要求'))
    out.push(bodyPara('（一）对上述问题逐项分析原因，能够补正的予以补正，不能补正的说明情况；涉及执法行为违法或明显不当的，依法自行纠正。'))
    out.push(bodyPara('（二）举一反三，对本单位同类案卷开展自查，完善执法文书格式和办案流程，加强执法人员培训。'))
    out.push(bodyPara(`（三）请于${deadlineText}前填写《整改情况反馈表》（附后），经单位负责人签字并加盖公章后报送${c.organiser}${options.contact ? `（联系人及电话：${options.contact}）` : ''}。逾期未报送的，将在年度法治政府建设考核中予以扣分。`, { keepNext: true }))
  }
  out.push(...signatureLines(c.organiser, cnDate(options.issuedOn ?? model.data.exportedAt.slice(0, 10))))
  if (n.problems.length) {
    out.push(pageBreak())
    out.push(titlePara('整改情况反馈表', SIZE.xiaoEr))
    out.push(para('', { size: SIZE.wu }))
    const info: CellInput[][] = [
      [{ text: '单位名称', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: n.agency.name, span: 5 }],
      [{ text: '联系人', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: '', span: 2 }, { text: '联系电话', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { text: '', span: 2 }],
      ['序号', '案号', '存在问题', '整改措施', '整改结果', '完成时间'].map((t) => ({ text: t, align: 'center' as const, font: FONT.heading, shade: 'F2F2F2' })),
      ...n.problems.map((p, i): CellInput[] => [{ text: String(i + 1), align: 'center' }, p.caseNumber, p.description, '', '', '']),
      [{ text: '单位负责人意见', align: 'center', font: FONT.heading, shade: 'F2F2F2' }, { paragraphs: [para('', { size: SIZE.wu }), para('', { size: SIZE.wu }), para('负责人（签字）：                （盖章）', { font: FONT.body, size: SIZE.wu, align: 'right' }), para('年    月    日', { font: FONT.body, size: SIZE.wu, align: 'right' })], span: 5 }],
    ]
    const widths = [mm(16), mm(30), 0, mm(34), mm(24), mm(18)]
    widths[2] = W - widths.reduce((s, w) => s + w, 0)
    out.push(table(info, widths, { size: SIZE.wu }))
    out.push(para('注：本表可加页。整改措施写明原因分析和采取的措施，整改结果写明补正、纠正或制度完善情况并附佐证材料。', { font: FONT.body, size: SIZE.xiaoWu, align: 'left', before: 80 }))
  }
  return out
}

/** 整改通知书, one per agency (each in its own section so page numbers restart); agencies without problems are skipped unless asked for. */
export async function rectificationNoticeDocx(model: ReportModel, notices: readonly AgencyNotice[], options: NoticeOptions = {}): Promise<Uint8Array> {
  const sections: ISectionOptions[] = notices.map((n) => ({
    properties: { ...OFFICIAL_PAGE, page: { ...OFFICIAL_PAGE.page, pageNumbers: { start: 1 } } },
    footers: pageNumberFooters(),
    children: noticeBody(model, n, options),
  }))
  if (sections.length === 0) sections.push({ properties: OFFICIAL_PAGE, children: [para('没有需要发出整改通知的单位。')] })
  return docxBytes(officeDocument(sections, { title: `${model.data.campaign.name} 整改通知书`, evenOddFooters: true }))
}
