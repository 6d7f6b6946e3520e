import type { ValidationError } from '../issues/errors'
import { err, jsonPath } from '../issues/errors'
import { fromZodIssues, zhErrorMap } from '../issues/zod-issues'
import { validateReview } from '../review/validate'
import type { Rubric } from '../rubric/types'
import type { ValidateRubricOptions } from '../rubric/validate'
import { validateRubric } from '../rubric/validate'
import { campaignExportSchema } from './exportSchema'
import type { CampaignExport } from './types'

export type CampaignExportValidation =
  | { ok: true; data: CampaignExport; warnings: ValidationError[] }
  | { ok: false; errors: ValidationError[]; warnings: ValidationError[] }

export function rubricKey(id: string, version: number): string {
  return `${id}@${version}`
}

/** Re-roots an error path found inside a nested document ("$.decisions[2]" under "$.reviews[4].review"). */
function nest(prefix: (string | number)[], e: ValidationError): ValidationError {
  return { path: jsonPath(prefix) + e.path.slice(1), message: e.message }
}

/**
 * Parses an untrusted campaign export and checks every cross-reference. Every review is checked against its rubric
 * with validateReview, so a review that could not be scored is an error here, never a silent gap in the statistics.
 * Drafts and files without a finalised review are warnings: they are left out of the results.
 */
export function validateCampaignExport(json: unknown, options: ValidateRubricOptions = {}): CampaignExportValidation {
  const warnings: ValidationError[] = []
  const parsed = campaignExportSchema.safeParse(json, { error: zhErrorMap })
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues), warnings }
  const raw = parsed.data
  const errors: ValidationError[] = []

  const rubrics: Rubric[] = []
  const byKey = new Map<string, Rubric>()
  raw.rubrics.forEach((r, i) => {
    const v = validateRubric(r, options)
    if (!v.ok) {
      errors.push(...v.errors.map((e) => nest(['rubrics', i], e)))
      return
    }
    const key = rubricKey(v.rubric.id, v.rubric.version)
    if (byKey.has(key)) errors.push(err(['rubrics', i], `评查标准 ${v.rubric.name}（第${v.rubric.version}版）重复`))
    byKey.set(key, v.rubric)
    rubrics.push(v.rubric)
  })

  const unique = (list: { id: string }[], field: string, what: string): Set<string> => {
    const seen = new Set<string>()
    list.forEach((x, i) => {
      if (seen.has(x.id)) errors.push(err([field, i, 'id'], `${what}标识「${x.id}」重复`))
      seen.add(x.id)
    })
    return seen
  }
  const agencies = unique(raw.agencies, 'agencies', '单位')
  const panel = new Set<string>()
  raw.campaign.panel.forEach((m, i) => {
    if (panel.has(m.id)) errors.push(err(['campaign', 'panel', i, 'id'], `评查人员标识「${m.id}」重复`))
    panel.add(m.id)
    if (m.agencyId !== undefined && !agencies.has(m.agencyId)) errors.push(err(['campaign', 'panel', i, 'agencyId'], `单位「${m.agencyId}」不在 agencies 中`))
  })
  if (!raw.campaign.panel.some((m) => m.role === 'lead')) warnings.push(err(['campaign', 'panel'], '评查组未指定组长（role: lead）'))
  if (raw.campaign.unitRubric && !byKey.has(rubricKey(raw.campaign.unitRubric.id, raw.campaign.unitRubric.version)))
    errors.push(err(['campaign', 'unitRubric'], '指定的单位评定标准不在 rubrics 中'))

  unique(raw.cases, 'cases', '案卷')
  const cases = new Map(raw.cases.map((c) => [c.id, c]))
  raw.cases.forEach((c, i) => {
    if (!agencies.has(c.agencyId)) errors.push(err(['cases', i, 'agencyId'], `单位「${c.agencyId}」不在 agencies 中`))
  })

  const finalised = new Map<string, number>()
  const reviewRubric = new Map<string, Rubric>()
  raw.reviews.forEach((entry, i) => {
    const at = (...p: (string | number)[]): (string | number)[] => ['reviews', i, ...p]
    const c = cases.get(entry.caseId)
    if (!c) errors.push(err(at('caseId'), `案卷「${entry.caseId}」不在 cases 中`))
    entry.reviewerIds.forEach((id, k) => {
      if (!panel.has(id)) errors.push(err(at('reviewerIds', k), `评查人员「${id}」不在评查组名单中`))
    })
    if (entry.finalisedBy !== undefined && !panel.has(entry.finalisedBy)) errors.push(err(at('finalisedBy'), `评查人员「${entry.finalisedBy}」不在评查组名单中`))
    const rubric = byKey.get(rubricKey(entry.review.rubricId, entry.review.rubricVersion))
    if (!rubric) {
      errors.push(err(at('review', 'rubricId'), `评查标准 ${entry.review.rubricId}（第${entry.review.rubricVersion}版）不在 rubrics 中`))
      return
    }
    const v = validateReview(rubric, entry.review)
    if (!v.ok) {
      errors.push(...v.errors.map((e) => nest(at('review'), { ...e, message: `${c ? `${c.caseNumber}：` : ''}${e.message}` })))
      return
    }
    if (c && rubric.caseType !== c.caseType) warnings.push(err(at('review', 'rubricId'), `案卷 ${c.caseNumber} 的类型为 ${c.caseType}，评查标准的类型为 ${rubric.caseType}`))
    if (entry.state !== 'finalised') {
      warnings.push(err(at('state'), `${c?.caseNumber ?? entry.caseId} 的评查记录尚未定稿，不计入评查结果`))
      return
    }
    if (entry.finalisedAt === undefined) errors.push(err(at('finalisedAt'), '已定稿的评查记录须写明定稿时间'))
    const prev = finalised.get(entry.caseId)
    if (prev !== undefined) errors.push(err(at('caseId'), `案卷 ${c?.caseNumber ?? entry.caseId} 有两份已定稿的评查记录（另见 $.reviews[${prev}]）`))
    finalised.set(entry.caseId, i)
    reviewRubric.set(entry.caseId, rubric)
  })
  raw.cases.forEach((c, i) => {
    if (!finalised.has(c.id)) warnings.push(err(['cases', i], `案卷 ${c.caseNumber} 没有已定稿的评查记录，不计入评查结果`))
  })

  raw.rectifications.forEach((r, i) => {
    const at = (...p: (string | number)[]): (string | number)[] => ['rectifications', i, ...p]
    if (!agencies.has(r.agencyId)) errors.push(err(at('agencyId'), `单位「${r.agencyId}」不在 agencies 中`))
    const c = cases.get(r.caseId)
    if (!c) {
      errors.push(err(at('caseId'), `案卷「${r.caseId}」不在 cases 中`))
      return
    }
    if (c.agencyId !== r.agencyId) errors.push(err(at('agencyId'), `案卷 ${c.caseNumber} 不属于单位「${r.agencyId}」`))
    const rubric = reviewRubric.get(r.caseId)
    if (!rubric) return
    const basic = rubric.basic?.items.find((b) => b.id === r.itemId)
    const item = rubric.sections.flatMap((s) => s.items).find((it) => it.id === r.itemId)
    if (!basic && !item) errors.push(err(at('itemId'), `评查项目「${r.itemId}」不在评查标准 ${rubric.name} 中`))
    else if (r.ruleId !== undefined && item && !(item.rules ?? []).some((x) => x.id === r.ruleId) && !(item.vetoes ?? []).some((x) => x.id === r.ruleId))
      errors.push(err(at('ruleId'), `扣分规则「${r.ruleId}」不在评查项目 ${r.itemId} 中`))
  })

  if (errors.length > 0) return { ok: false, errors, warnings }
  return { ok: true, data: { ...raw, rubrics }, warnings }
}
