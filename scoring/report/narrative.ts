import type { Narrative } from '../campaign/types'
import { cnDate } from './cnText'
import type { ReportModel } from './model'

/** The circular's editable texts. Paragraphs are separated by blank-free line breaks ("\n"). */
export type NarrativeTexts = Required<Narrative>

function list(names: readonly string[]): string {
  return names.join('、')
}

/** Defaults written from the data, for the reviewer to edit; texts given in the export (or by the app) win. */
export function defaultNarrative(model: ReportModel): NarrativeTexts {
  const { campaign, rubrics } = model.data
  const lead = campaign.panel.filter((m) => m.role === 'lead').map((m) => m.name)
  const members = campaign.panel.filter((m) => m.role !== 'lead').map((m) => m.name)
  const usedRubrics = rubrics.filter((r) => model.files.some((f) => f.rubric === r)).map((r) => `《${r.name}》`)
  const t = model.totals
  const basicFacts = [
    `${campaign.basis ? `根据${campaign.basis}，` : ''}${campaign.organiser}于${cnDate(campaign.startedOn)}至${cnDate(campaign.endedOn)}组织开展了${campaign.name}。`,
    `本次评查范围为${campaign.scope}。${campaign.sampling}`,
    `评查组由${campaign.panel.length}名人员组成${lead.length ? `，${list(lead)}任组长` : ''}${members.length ? `，成员为${list(members)}` : ''}。评查采取交叉评查、一案一表、联合署名的方式，依据${list(usedRubrics)}逐卷逐项评查，共评查${t.agencies}个单位的案卷${t.files}件。`,
  ].join('\n')

  const gradeText = model.grades.filter((g) => g.files > 0 || !g.id.startsWith('其他:')).map((g) => `${g.name}${g.files}件，占${g.percentText}%`)
  const top = model.agencies.filter((a) => a.rank === 1).map((a) => a.agency.name)
  const results = [
    `本次评查的${t.files}件案卷平均得分${t.meanText}分，最高${t.maxText}分，最低${t.minText}分。其中${gradeText.join('；')}${t.vetoFiles > 0 ? `；因触及否决项被评为不合格的案卷${t.vetoFiles}件` : ''}。`,
    model.agencies.length > 1 ? `按单位平均分排名，${list(top)}位列第一。各单位评查情况见下表。` : '',
  ].filter(Boolean).join('\n')

  const goodPractice = model.goodPractice.length
    ? [`从评查情况看，多数单位执法程序基本规范，案卷制作水平较上年有所提升，涌现出一批好的做法：`, ...model.goodPractice.slice(0, 8).map((g) => `${g.agencyName}${g.caseNumber}案卷：${g.text.replace(/[。；;]$/, '')}。`)].join('\n')
    : '从评查情况看，各单位执法程序总体规范，案卷制作质量基本符合要求。'

  const cats = model.categories.slice().sort((a, b) => b.occurrences - a.occurrences).slice(0, 3).map((c) => c.category.name)
  const problems = t.problems
    ? `评查共发现问题${t.problems}个，涉及案卷${t.filesWithProblems}件，主要集中在${list(cats)}等方面。按问题类别列举如下：`
    : '本次评查未发现需要扣分的问题。'

  const deadline = campaign.rectificationDeadline ? cnDate(campaign.rectificationDeadline) : '规定期限'
  const requirements = [
    `各被评查单位要对照本通报和评查结果，逐卷逐项研究存在的问题，分析原因，制定整改措施，于${deadline}前将整改情况书面报送${campaign.organiser}。`,
    '各单位要举一反三，对本单位同类案卷开展自查，做到“评查一卷、规范一片”，对共性问题修订完善执法文书格式和办案流程。',
    '各单位要加强执法人员业务培训，重点围绕证据收集、程序规范和文书制作，提升案卷制作质量。',
    `${campaign.organiser}将对整改情况进行跟踪检查，评查结果纳入年度法治政府建设考核。`,
  ].join('\n')
  return { basicFacts, results, goodPractice, problems, requirements }
}

/** Defaults overlaid with the export's and the caller's own texts (empty strings count as "not given"). */
export function resolveNarrative(model: ReportModel, ...overrides: (Narrative | undefined)[]): NarrativeTexts {
  const out = defaultNarrative(model)
  for (const o of overrides) {
    if (!o) continue
    for (const k of Object.keys(out) as (keyof NarrativeTexts)[]) {
      const v = o[k]
      if (v !== undefined && v.trim() !== '') out[k] = v
    }
  }
  return out
}
