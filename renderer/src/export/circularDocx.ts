import type { Paragraph, Table } from 'docx'
import type { NarrativeTexts, ReportModel } from '@scoring/report/index'
import { cnDate, cnNumber, pagesText, percentText } from '@scoring/report/index'
import { agencyMeanChart, GRADE_COLOURS, gradeColumnChart, hex } from './charts'
import { chartParagraph, pageBreak, paragraphsOf } from './docxParts'
import { bodyPara, docxBytes, FONT, heading1, heading2, mm, OFFICIAL_LINE, OFFICIAL_PAGE, officeDocument, pageNumberFooters, para, runs, signatureLines, SIZE, table, titlePara } from './officeStyle'

export interface CircularOptions {
  /** Date written under the organiser (YYYY-MM-DD); defaults to the export date. */
  issuedOn?: string
  /** 主送机关. */
  recipients?: string
  /** How many problem kinds each category lists in the body (the annex lists all). */
  problemsPerCategory?: number
}

const TEXT_WIDTH = mm(210 - 28 - 26)
const TEXT_WIDTH_PT = (210 - 28 - 26) * 2.8346

function caseTypeName(model: ReportModel, caseType: string): string {
  const r = model.data.rubrics.find((x) => x.caseType === caseType)
  return caseType === 'penalty' ? '行政处罚' : caseType === 'licensing' ? '行政许可' : caseType === 'enforcement' ? '行政强制' : (r?.caseType ?? caseType)
}

function gradeSection(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  const grades = model.grades.filter((g) => g.files > 0 || !g.id.startsWith('其他:'))
  out.push(heading2('（一）等次分布'))
  out.push(
    table(
      [['等次', '案卷数（件）', '占比（%）'], ...grades.map((g) => [{ text: g.name, align: 'center' as const }, { text: String(g.files), align: 'center' as const }, { text: g.percentText, align: 'center' as const }]), [{ text: '合计', align: 'center' }, { text: String(model.totals.files), align: 'center' }, { text: '100.0', align: 'center' }]],
      [mm(50), mm(50), mm(50)].map((w) => Math.round((w * TEXT_WIDTH) / mm(150))),
      { size: SIZE.xiaoSi, headerRows: 1 },
    ),
  )
  out.push(para('', { size: SIZE.wu }))
  out.push(chartParagraph(gradeColumnChart(grades), TEXT_WIDTH_PT * 0.8))
  const legend = grades.flatMap((g, i) => [...runs('■', { font: FONT.song, size: SIZE.xiaoSi, color: hex(GRADE_COLOURS[i % GRADE_COLOURS.length]!) }), ...runs(` ${g.name}  `, { font: FONT.body, size: SIZE.xiaoSi })])
  out.push(para([...runs('图1  等次分布（柱上为案卷数及占比）    ', { font: FONT.body, size: SIZE.xiaoSi }), ...legend], { align: 'center', after: 120 }))
  return out
}

function agencySection(model: ReportModel): (Paragraph | Table)[] {
  const bands = model.grades.filter((g) => !g.id.startsWith('其他:'))
  const ratings = model.unitRubric.units?.ratings ?? []
  const head = ['排名', '被评查单位', '案卷数', '平均分', ...bands.map((b) => b.name), '否决卷', ...(ratings.length ? ['单位评定'] : [])]
  const rows = model.agencies.map((a) => [
    { text: String(a.rank), align: 'center' as const },
    a.agency.name,
    { text: String(a.summary.files), align: 'center' as const },
    { text: a.summary.meanText, align: 'center' as const },
    ...bands.map((b) => ({ text: String(a.summary.bands.find((x) => x.id === b.id)?.files ?? 0), align: 'center' as const })),
    { text: String(a.summary.vetoFiles), align: 'center' as const },
    ...(ratings.length ? [{ text: a.summary.ratings.filter((r) => r.achieved).map((r) => r.name).join('、') || '—', align: 'center' as const }] : []),
  ])
  const fixed = [mm(12), 0, mm(14), mm(16), ...bands.map(() => mm(15)), mm(14), ...(ratings.length ? [mm(22)] : [])]
  fixed[1] = TEXT_WIDTH - fixed.reduce((s, w) => s + w, 0)
  const rule = model.unitRubric.units?.ranking?.tieBreak === 'count' ? '按平均分排名，平均分相同的按案卷数排列' : '按平均分排名，平均分相同的按总分排列'
  const chart = agencyMeanChart(model.agencies.map((a) => ({ rank: a.rank, meanText: a.summary.meanText, mean: a.summary.mean })), model.unitRubric.total)
  return [
    heading2('（二）各单位评查情况'),
    bodyPara(`各单位评查结果见表1（${rule}）。`),
    para('表1  各单位评查结果', { font: FONT.heading, size: SIZE.xiaoSi, align: 'center', before: 60, after: 60, keepNext: true }),
    table([head, ...rows], fixed, { size: SIZE.wu, headerRows: 1 }),
    para('', { size: SIZE.wu }),
    chartParagraph(chart, TEXT_WIDTH_PT * 0.85),
    para('图2  各单位平均分（条形左侧数字为表1中的排名）', { font: FONT.body, size: SIZE.xiaoSi, align: 'center', after: 120 }),
  ]
}

function failSection(model: ReportModel): Paragraph[] {
  const low = model.grades.filter((g) => !g.id.startsWith('其他:')).at(-1)
  const failed = model.files.filter((f) => f.result.veto.hit || (low && f.gradeKey === low.id))
  if (failed.length === 0) return []
  return [
    heading2(`（三）${low?.name ?? '不合格'}案卷`),
    ...failed.map((f) => {
      const why = f.result.veto.hit ? `触及否决项“${f.result.veto.items.map((v) => v.text).join('；')}”（${f.result.veto.items.map((v) => v.reason).join('；')}${pagesText([...new Set(f.result.veto.items.flatMap((v) => v.evidence.map((e) => e.page)))])}）` : `得分${f.result.totalText}分`
      return bodyPara(`${f.agency.name}${f.case.caseNumber}（${f.case.party}${f.case.cause}案）：${why}，评为${f.result.grade.name}。`)
    }),
  ]
}

function problemSection(model: ReportModel, perCategory: number): Paragraph[] {
  const out: Paragraph[] = []
  model.categories.forEach((c, i) => {
    out.push(heading2(`（${cnNumber(i + 1)}）${c.category.name}方面（${c.occurrences}个，占${c.percentText}%，涉及案卷${c.files}件）`))
    c.rules.slice(0, perCategory).forEach((r, k) => {
      const examples = r.examples.map((e) => `${e.agencyName}${e.caseNumber}案卷${e.pages.length ? pagesText(e.pages) : ''}${e.reason ? `（${e.reason.replace(/[。；]$/, '')}）` : ''}`)
      out.push(bodyPara(`${k + 1}. ${r.ruleText}。共${r.occurrences}处，涉及案卷${r.files}件。${examples.length ? `如${examples.join('；')}。` : ''}`))
    })
    if (c.rules.length > perCategory) out.push(bodyPara(`此外还有${c.rules.slice(perCategory).map((r) => r.ruleText).join('、')}等问题，详见附件2。`))
  })
  return out
}

function annexes(model: ReportModel): (Paragraph | Table)[] {
  const W = TEXT_WIDTH
  const bands = model.grades.filter((g) => !g.id.startsWith('其他:'))
  const agencyRows = model.agencies.map((a) => [
    { text: String(a.rank), align: 'center' as const },
    a.agency.name,
    { text: String(a.summary.files), align: 'center' as const },
    { text: a.summary.meanText, align: 'center' as const },
    ...bands.map((b) => ({ text: String(a.summary.bands.find((x) => x.id === b.id)?.files ?? 0), align: 'center' as const })),
    { text: percentText(a.summary.bands.find((x) => x.id === bands[0]?.id)?.files ?? 0, a.summary.files), align: 'center' as const },
    { text: String(a.problems), align: 'center' as const },
  ])
  const aWidths = [mm(11), 0, mm(13), mm(15), ...bands.map(() => mm(15)), mm(18), mm(13)]
  aWidths[1] = W - aWidths.reduce((s, w) => s + w, 0)
  // One row per file with all its problems in one cell: a 1,000-file campaign stays a few thousand cells
  // (one row per problem made docx spend most of a minute), and each file's problems still read together.
  const fWidths = [mm(10), mm(26), mm(36), mm(16), 0]
  fWidths[4] = W - fWidths.reduce((s, w) => s + w, 0)
  const fileRows = model.files.map((f, i) => [
    { text: String(i + 1), align: 'center' as const },
    f.agency.name,
    `${f.case.caseNumber}\n${f.case.party}`,
    { text: `${f.result.totalText}\n${f.result.grade.name}`, align: 'center' as const },
    {
      text: f.problems.length
        ? f.problems.map((p, k) => `${k + 1}. ${p.kind === 'veto' ? '【否决】' : ''}${p.ruleText}${p.reason ? `：${p.reason.replace(/[。；]$/, '')}` : ''}${p.evidence.length ? `（${pagesText([...new Set(p.evidence.map((e) => e.page))].sort((a, b) => a - b))}）` : ''}${p.kind === 'veto' ? '' : `，扣${p.points}分`}`).join('；')
        : '未发现问题',
      size: SIZE.xiaoWu,
    },
  ])
  return [
    pageBreak(),
    para('附件1', { font: FONT.heading, size: SIZE.san, align: 'left', line: OFFICIAL_LINE }),
    titlePara('各单位评查得分情况表', SIZE.xiaoEr),
    para('', { size: SIZE.wu }),
    table([['排名', '被评查单位', '案卷数', '平均分', ...bands.map((b) => `${b.name}（件）`), `${bands[0]?.name ?? ''}率（%）`, '问题数'], ...agencyRows], aWidths, { size: SIZE.wu, headerRows: 1 }),
    pageBreak(),
    para('附件2', { font: FONT.heading, size: SIZE.san, align: 'left', line: OFFICIAL_LINE }),
    titlePara('案卷得分及问题清单', SIZE.xiaoEr),
    para('', { size: SIZE.wu }),
    table([['序号', '被评查单位', '案号及当事人', '得分等次', '存在问题（证据页码）'], ...fileRows], fWidths, { size: SIZE.wu, headerRows: 1 }),
  ]
}

/** 评查情况通报: the narrative texts (edited in the app, or defaults) around the model's tables, charts and annexes. */
export async function circularDocx(model: ReportModel, narrative: NarrativeTexts, options: CircularOptions = {}): Promise<Uint8Array> {
  const c = model.data.campaign
  const body: (Paragraph | Table)[] = []
  if (c.documentNumber) body.push(para(c.documentNumber, { font: FONT.body, size: SIZE.san, align: 'center', line: OFFICIAL_LINE, after: 240 }))
  body.push(titlePara(`关于${c.name}情况的通报`))
  body.push(para('', { line: OFFICIAL_LINE }))
  body.push(para(`${options.recipients ?? '各有关单位'}：`, { font: FONT.body, size: SIZE.san, align: 'left', line: OFFICIAL_LINE }))
  const types = [...new Set(model.files.map((f) => caseTypeName(model, f.case.caseType)))].join('、')
  body.push(bodyPara(`为进一步规范行政执法行为，提高案卷制作质量，${c.organiser}组织开展了${c.name}，共评查${types}案卷${model.totals.files}件。现将有关情况通报如下：`))
  body.push(heading1('一、基本情况'))
  for (const t of paragraphsOf(narrative.basicFacts)) body.push(bodyPara(t))
  body.push(heading1('二、评查结果'))
  for (const t of paragraphsOf(narrative.results)) body.push(bodyPara(t))
  body.push(...gradeSection(model), ...agencySection(model), ...failSection(model))
  body.push(heading1('三、主要亮点'))
  for (const t of paragraphsOf(narrative.goodPractice)) body.push(bodyPara(t))
  body.push(heading1('四、存在的主要问题'))
  for (const t of paragraphsOf(narrative.problems)) body.push(bodyPara(t))
  body.push(...problemSection(model, options.problemsPerCategory ?? 4))
  body.push(heading1('五、整改要求'))
  paragraphsOf(narrative.requirements).forEach((t, i) => body.push(bodyPara(/^[（(]?[一二三四五六七八九十\d]/.test(t) ? t : `（${cnNumber(i + 1)}）${t}`)))
  // The annex list and the signature block are kept together so the 落款 never stands alone on a page.
  body.push(para('', { line: OFFICIAL_LINE, keepNext: true }))
  body.push(bodyPara('附件：1. 各单位评查得分情况表', { indentChars: 2, keepNext: true }))
  body.push(para('2. 案卷得分及问题清单', { font: FONT.body, size: SIZE.san, line: OFFICIAL_LINE, indentChars: 5, keepNext: true }))
  body.push(para('', { line: OFFICIAL_LINE, keepNext: true }))
  body.push(...signatureLines(c.organiser, cnDate(options.issuedOn ?? model.data.exportedAt.slice(0, 10))))
  body.push(...annexes(model))
  const doc = officeDocument([{ properties: OFFICIAL_PAGE, footers: pageNumberFooters(), children: body }], { title: `关于${c.name}情况的通报`, evenOddFooters: true })
  return docxBytes(doc)
}
