import type { Agency } from '../campaign/types'
import { formatCents, toCents } from '../decimal/points'
import { ruleBasisText } from './basis'
import type { LedgerRow } from './ledger'
import type { FileResult, ReportModel } from './model'
import { pagesOf } from './problemStats'

export interface NoticeProblem {
  caseId: string
  caseNumber: string
  itemName: string
  categoryName: string
  kind: 'deduction' | 'veto'
  /** What the reviewers found (their reason). */
  description: string
  basis: string
  pages: number[]
  pointsText: string
}

/** Everything a 整改通知书 for one agency says. */
export interface AgencyNotice {
  agency: Agency
  files: FileResult[]
  /** The agency's summary row, when it has finalised files. */
  rank: number | null
  meanText: string
  problems: NoticeProblem[]
  /** Latest deadline of its ledger lines, else the campaign's default, else empty. */
  deadline: string
  ledger: LedgerRow[]
}

export function agencyNotice(model: ReportModel, agencyId: string): AgencyNotice | null {
  const agency = model.data.agencies.find((a) => a.id === agencyId)
  if (!agency) return null
  const row = model.agencies.find((r) => r.agency.id === agencyId)
  const files = model.files.filter((f) => f.agency.id === agencyId)
  const problems: NoticeProblem[] = files.flatMap((f) =>
    f.problems.map((p) => ({
      caseId: f.case.id,
      caseNumber: f.case.caseNumber,
      itemName: p.itemName,
      categoryName: p.category.name,
      kind: p.kind,
      description: p.reason,
      basis: ruleBasisText(f.rubric, p.itemId, p.ruleId),
      pages: pagesOf(p.evidence),
      pointsText: formatCents(toCents(p.points)),
    })),
  )
  const ledger = model.ledger.filter((l) => l.agencyId === agencyId)
  const deadlines = ledger.map((l) => l.deadline).filter((d) => d !== '').sort()
  return {
    agency,
    files,
    rank: row?.rank ?? null,
    meanText: row?.summary.meanText ?? '—',
    problems,
    deadline: deadlines[deadlines.length - 1] ?? model.data.campaign.rectificationDeadline ?? '',
    ledger,
  }
}
