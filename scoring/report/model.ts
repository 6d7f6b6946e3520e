import type { Agency, CampaignExport, CaseRecord, PanelMember, ReviewEntry } from '../campaign/types'
import { rubricKey } from '../campaign/validate'
import type { Cents } from '../decimal/points'
import { formatCents, toCents } from '../decimal/points'
import type { Problem } from '../engine/problems'
import { listProblems } from '../engine/problems'
import type { ScoreResult } from '../engine/result'
import { scoreValidReview } from '../engine/score'
import { bandsDescending } from '../grade/bands'
import { compileRubric } from '../rubric/compile'
import type { Rubric } from '../rubric/types'
import type { FileOutcome, UnitSummary } from '../units/aggregate'
import { aggregateUnit, rankUnits } from '../units/aggregate'
import type { LedgerRow } from './ledger'
import { buildLedger } from './ledger'
import { percent, percentText } from './percent'
import type { CategoryStat, ItemStat } from './problemStats'
import { categoryStats, itemStats } from './problemStats'
import type { ReviewerStats } from './reviewerStats'
import { reviewerStats } from './reviewerStats'

/** One finalised file, recomputed by the engine: nothing in the export's numbers is trusted. */
export interface FileResult {
  /** Position in the export's case list; reports keep that order. */
  index: number
  case: CaseRecord
  agency: Agency
  entry: ReviewEntry
  rubric: Rubric
  result: ScoreResult
  problems: Problem[]
  reviewers: PanelMember[]
  /** Points lost to deductions (vetoes not counted), in cents: the reviewer-leniency measure. */
  deductedCents: Cents
  /** Band id of the unit rubric this file's grade counts under (same name, else same id). */
  gradeKey: string
}

export interface GradeCount {
  id: string
  name: string
  files: number
  percent: number
  percentText: string
}

export interface AgencyRow {
  agency: Agency
  rank: number
  summary: UnitSummary
  files: FileResult[]
  problems: number
}

export interface GoodPracticeNote {
  caseId: string
  caseNumber: string
  agencyName: string
  text: string
}

export interface ReportModel {
  data: CampaignExport
  /** The rubric whose bands and unit rules the campaign-wide statistics use. */
  unitRubric: Rubric
  files: FileResult[]
  totals: { files: number; agencies: number; sumText: string; mean: number; meanText: string; maxText: string; minText: string; vetoFiles: number; problems: number; filesWithProblems: number }
  grades: GradeCount[]
  /** Agencies with at least one finalised file, ranked by the unit rubric's rules. */
  agencies: AgencyRow[]
  agenciesWithoutFiles: Agency[]
  categories: CategoryStat[]
  items: ItemStat[]
  reviewers: ReviewerStats
  goodPractice: GoodPracticeNote[]
  ledger: LedgerRow[]
}

export interface ReportOptions {
  /** Date overdue rectifications are judged against (YYYY-MM-DD); defaults to the export date. */
  asOf?: string
  /** How many typical cases each problem lists. */
  examplesPerProblem?: number
}

function chooseUnitRubric(data: CampaignExport, used: Map<string, number>): Rubric {
  const pinned = data.campaign.unitRubric
  const find = (key: string): Rubric | undefined => data.rubrics.find((r) => rubricKey(r.id, r.version) === key)
  if (pinned) {
    const r = find(rubricKey(pinned.id, pinned.version))
    if (r) return r
  }
  let best: Rubric | undefined
  let bestCount = -1
  for (const r of data.rubrics) {
    const n = used.get(rubricKey(r.id, r.version)) ?? 0
    if (n > bestCount) {
      best = r
      bestCount = n
    }
  }
  if (!best) throw new Error('campaign export has no rubric')
  return best
}

/** Builds every number the circular, the notices, the ledger and the in-app statistics show, from a validated export. */
export function buildReportModel(data: CampaignExport, options: ReportOptions = {}): ReportModel {
  const rubrics = new Map(data.rubrics.map((r) => [rubricKey(r.id, r.version), r]))
  const agencies = new Map(data.agencies.map((a) => [a.id, a]))
  const panel = new Map(data.campaign.panel.map((m) => [m.id, m]))
  const finalised = new Map<string, ReviewEntry>()
  for (const e of data.reviews) if (e.state === 'finalised') finalised.set(e.caseId, e)

  const used = new Map<string, number>()
  for (const e of finalised.values()) {
    const key = rubricKey(e.review.rubricId, e.review.rubricVersion)
    used.set(key, (used.get(key) ?? 0) + 1)
  }
  const unitRubric = chooseUnitRubric(data, used)
  const unitBands = bandsDescending(unitRubric.bands)
  const extraGrades = new Map<string, string>()
  const gradeKeyOf = (g: { id: string; name: string }): string => {
    const b = unitBands.find((x) => x.name === g.name) ?? unitBands.find((x) => x.id === g.id)
    if (b) return b.id
    extraGrades.set(`其他:${g.name}`, g.name)
    return `其他:${g.name}`
  }

  const files: FileResult[] = []
  data.cases.forEach((c, index) => {
    const entry = finalised.get(c.id)
    const agency = agencies.get(c.agencyId)
    if (!entry || !agency) return
    const rubric = rubrics.get(rubricKey(entry.review.rubricId, entry.review.rubricVersion))
    if (!rubric) return
    const result = scoreValidReview(compileRubric(rubric), entry.review)
    const problems = listProblems(result)
    const deductedCents = problems.reduce((s, p) => (p.kind === 'deduction' ? s + toCents(p.points) : s), 0)
    const reviewers = entry.reviewerIds.map((id) => panel.get(id)).filter((m): m is PanelMember => m !== undefined)
    files.push({ index, case: c, agency, entry, rubric, result, problems, reviewers, deductedCents, gradeKey: gradeKeyOf(result.grade) })
  })

  // Means and bands compare gradeScore: under the "exclude" N/A policy it is the total converted to the declared total.
  const outcome = (f: FileResult): FileOutcome => ({ total: f.result.gradeScore, grade: { id: f.gradeKey }, veto: { hit: f.result.veto.hit } })
  const all = aggregateUnit(unitRubric, files.map(outcome))
  const n = files.length
  const grades: GradeCount[] = [
    ...unitBands.map((b) => ({ id: b.id, name: b.name })),
    ...[...extraGrades].map(([id, name]) => ({ id, name })),
  ].map((g) => {
    const k = files.filter((f) => f.gradeKey === g.id).length
    return { ...g, files: k, percent: percent(k, n), percentText: percentText(k, n) }
  })

  const byAgency = new Map<string, FileResult[]>()
  for (const f of files) byAgency.set(f.agency.id, [...(byAgency.get(f.agency.id) ?? []), f])
  const ranked = rankUnits(
    unitRubric,
    data.agencies.filter((a) => byAgency.has(a.id)).map((a) => ({ unit: a, summary: aggregateUnit(unitRubric, (byAgency.get(a.id) ?? []).map(outcome)) })),
  )
  const agencyRows: AgencyRow[] = ranked.map((r) => {
    const fs = byAgency.get(r.unit.id) ?? []
    return { agency: r.unit, rank: r.rank, summary: r.summary, files: fs, problems: fs.reduce((s, f) => s + f.problems.length, 0) }
  })

  const scores = files.map((f) => toCents(f.result.gradeScore))
  const goodPractice: GoodPracticeNote[] = []
  for (const f of files) {
    const note = (text: string): void => void goodPractice.push({ caseId: f.case.id, caseNumber: f.case.caseNumber, agencyName: f.agency.name, text })
    for (const t of f.entry.goodPractice ?? []) note(t)
    // A bonus is the rubric's own recognition of good practice; its reason stands in when the reviewers wrote no note.
    if (!f.entry.goodPractice?.length) for (const d of f.entry.review.decisions) if (d.kind === 'bonus' && d.amount > 0) note(d.reason)
  }

  return {
    data,
    unitRubric,
    files,
    totals: {
      files: n,
      agencies: agencyRows.length,
      sumText: formatCents(toCents(all.sum)),
      mean: all.mean,
      meanText: all.meanText,
      maxText: n === 0 ? '—' : formatCents(Math.max(...scores)),
      minText: n === 0 ? '—' : formatCents(Math.min(...scores)),
      vetoFiles: all.vetoFiles,
      problems: files.reduce((s, f) => s + f.problems.length, 0),
      filesWithProblems: files.filter((f) => f.problems.length > 0).length,
    },
    grades,
    agencies: agencyRows,
    agenciesWithoutFiles: data.agencies.filter((a) => !byAgency.has(a.id)),
    categories: categoryStats(unitRubric, files, options.examplesPerProblem ?? 3),
    items: itemStats(data.rubrics, files),
    reviewers: reviewerStats(data.campaign.panel, files),
    goodPractice,
    ledger: buildLedger(data, files, options.asOf ?? data.exportedAt.slice(0, 10)),
  }
}
