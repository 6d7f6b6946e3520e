import { cnDate, cnNumber, pagesText, type NarrativeTexts, type ReportModel } from '@scoring/report/index'
import type { FetchBytes } from './bundledFont'
import { esc, officialPage } from './officialPage'

const paras = (text: string) =>
  text
    .split('\n')
    .filter((t) => t.trim())
    .map((t) => `<p>${esc(t)}</p>`)
    .join('')

const td = (t: string | number, center = true) => `<td${center ? ' class="c"' : ''}>${esc(String(t))}</td>`

/** The circular as a printable page: the same sections and numbers as circularDocx, all from the model. */
export async function circularHtml(model: ReportModel, narrative: NarrativeTexts, issuedOn?: string, load?: FetchBytes): Promise<string> {
  const c = model.data.campaign
  const title = `关于${c.name}情况的通报`
  const grades = model.grades.filter((g) => g.files > 0 || !g.id.startsWith('其他:'))
  const bands = model.grades.filter((g) => !g.id.startsWith('其他:'))
  const out: string[] = []
  if (c.documentNumber) out.push(`<div class="docno">${esc(c.documentNumber)}</div>`)
  out.push(`<h1 class="title">${esc(title)}</h1>`, `<p class="flush">各有关单位：</p>`)
  out.push(`<p>为进一步规范行政执法行为，提高案卷制作质量，${esc(c.organiser)}组织开展了${esc(c.name)}，共评查案卷${model.totals.files}件。现将有关情况通报如下：</p>`)
  out.push('<h2>一、基本情况</h2>', paras(narrative.basicFacts))
  out.push('<h2>二、评查结果</h2>', paras(narrative.results))
  out.push('<h3>（一）等次分布</h3>', `<table><tr><th>等次</th><th>案卷数（件）</th><th>占比（%）</th></tr>${grades.map((g) => `<tr>${td(g.name)}${td(g.files)}${td(g.percentText)}</tr>`).join('')}<tr>${td('合计')}${td(model.totals.files)}${td('100.0')}</tr></table>`)
  out.push(
    '<h3>（二）各单位评查情况</h3>',
    `<p class="caption">表1  各单位评查结果</p><table><tr><th>排名</th><th>被评查单位</th><th>案卷数</th><th>平均分</th>${bands.map((b) => `<th>${esc(b.name)}</th>`).join('')}<th>否决卷</th></tr>${model.agencies
      .map((a) => `<tr>${td(a.rank)}${td(a.agency.name, false)}${td(a.summary.files)}${td(a.summary.meanText)}${bands.map((b) => td(a.summary.bands.find((x) => x.id === b.id)?.files ?? 0)).join('')}${td(a.summary.vetoFiles)}</tr>`)
      .join('')}</table>`,
  )
  out.push('<h2>三、主要亮点</h2>', paras(narrative.goodPractice))
  out.push('<h2>四、存在的主要问题</h2>', paras(narrative.problems))
  model.categories.forEach((cat, i) => {
    out.push(`<h3>（${cnNumber(i + 1)}）${esc(cat.category.name)}方面（${cat.occurrences}个，占${cat.percentText}%，涉及案卷${cat.files}件）</h3>`)
    cat.rules.slice(0, 4).forEach((r, k) => {
      const ex = r.examples.map((e) => `${e.agencyName}${e.caseNumber}案卷${e.pages.length ? pagesText(e.pages) : ''}`)
      out.push(`<p>${k + 1}. ${esc(r.ruleText)}。共${r.occurrences}处，涉及案卷${r.files}件。${ex.length ? esc(`如${ex.join('；')}。`) : ''}</p>`)
    })
  })
  out.push('<h2>五、整改要求</h2>', paras(narrative.requirements))
  out.push(`<p class="sign">${esc(c.organiser)}<br>${esc(cnDate(issuedOn ?? model.data.exportedAt.slice(0, 10)))}</p>`)
  out.push(
    `<section class="annex"><p class="flush"><b>附件</b></p><h1 class="title">案卷得分及问题清单</h1><table><tr><th>序号</th><th>被评查单位</th><th>案号及当事人</th><th>得分等次</th><th>存在问题</th></tr>${model.files
      .map((f, i) => `<tr>${td(i + 1)}${td(f.agency.name, false)}${td(`${f.case.caseNumber} ${f.case.party}`, false)}${td(`${f.result.totalText} ${f.result.grade.name}`)}${td(f.problems.length ? f.problems.map((p, k) => `${k + 1}. ${p.ruleText}${p.reason ? `：${p.reason}` : ''}`).join('；') : '未发现问题', false)}</tr>`)
      .join('')}</table></section>`,
  )
  return officialPage(title, out.join('\n'), load)
}
