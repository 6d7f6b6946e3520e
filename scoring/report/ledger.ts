import type { CampaignExport, RectificationStatus } from '../campaign/types'
import { rectificationStatusText } from '../campaign/types'
import type { Problem } from '../engine/problems'
import type { FileResult } from './model'
import { pagesOf } from './problemStats'

export type Overdue = 'no' | 'overdue' | 'lateDone'
export const overdueText: Record<Overdue, string> = { no: '否', overdue: '逾期未整改', lateDone: '逾期完成' }

/** One line of the 整改台账. */
export interface LedgerRow {
  id: string
  /** recorded: a rectification entry in the export; derived: a problem nobody has opened an entry for yet. */
  source: 'recorded' | 'derived'
  agencyId: string
  agencyName: string
  caseId: string
  caseNumber: string
  itemId: string
  itemName: string
  ruleId: string | null
  ruleText: string | null
  categoryName: string
  description: string
  pages: number[]
  status: RectificationStatus
  statusText: string
  reason: string
  feedback: string
  feedbackOn: string
  deadline: string
  overdue: Overdue
  overdueText: string
}

/** Unfinished past the deadline, or finished after it; dates compare as YYYY-MM-DD text. */
export function overdueOf(status: RectificationStatus, deadline: string, feedbackOn: string | undefined, asOf: string): Overdue {
  if (!deadline) return 'no'
  if (status === 'pending' || status === 'inProgress') return asOf > deadline ? 'overdue' : 'no'
  if (status === 'done' && feedbackOn !== undefined && feedbackOn > deadline) return 'lateDone'
  return 'no'
}

function itemInfo(f: FileResult, itemId: string, ruleId: string | undefined): { itemName: string; ruleText: string | null; categoryName: string } {
  const cats = new Map(f.rubric.categories.map((c) => [c.id, c.name]))
  const basic = f.rubric.basic?.items.find((b) => b.id === itemId)
  if (basic) return { itemName: basic.text, ruleText: basic.text, categoryName: cats.get(basic.category) ?? basic.category }
  const item = f.rubric.sections.flatMap((s) => s.items).find((it) => it.id === itemId)
  const rule = item?.rules?.find((r) => r.id === ruleId) ?? item?.vetoes?.find((v) => v.id === ruleId)
  const category = rule?.category ?? item?.rules?.[0]?.category ?? ''
  return { itemName: item?.name ?? itemId, ruleText: rule?.text ?? null, categoryName: cats.get(category) ?? category }
}

/**
 * The ledger: every recorded rectification, plus one pending line per problem no entry covers yet (an entry
 * without ruleId covers every problem on its item), so the ledger lists every problem the review found.
 */
export function buildLedger(data: CampaignExport, files: readonly FileResult[], asOf: string): LedgerRow[] {
  const fileOf = new Map(files.map((f) => [f.case.id, f]))
  const cases = new Map(data.cases.map((c) => [c.id, c]))
  const agencies = new Map(data.agencies.map((a) => [a.id, a]))
  const rows: LedgerRow[] = []
  const byCase = new Map<string, typeof data.rectifications>()
  for (const r of data.rectifications) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r])
  const covered = (caseId: string, p: Problem): boolean =>
    (byCase.get(caseId) ?? []).some((r) => r.itemId === p.itemId && (r.ruleId === undefined || r.ruleId === p.ruleId))
  for (const r of data.rectifications) {
    const f = fileOf.get(r.caseId)
    const info = f ? itemInfo(f, r.itemId, r.ruleId) : { itemName: r.itemId, ruleText: null, categoryName: '' }
    const pages = f ? pagesOf(f.problems.filter((p) => p.itemId === r.itemId && (r.ruleId === undefined || p.ruleId === r.ruleId)).flatMap((p) => p.evidence)) : []
    const overdue = overdueOf(r.status, r.deadline, r.feedbackOn, asOf)
    rows.push({
      id: r.id,
      source: 'recorded',
      agencyId: r.agencyId,
      agencyName: agencies.get(r.agencyId)?.name ?? r.agencyId,
      caseId: r.caseId,
      caseNumber: cases.get(r.caseId)?.caseNumber ?? r.caseId,
      itemId: r.itemId,
      ...info,
      ruleId: r.ruleId ?? null,
      description: r.description,
      pages,
      status: r.status,
      statusText: rectificationStatusText[r.status],
      reason: r.reason ?? '',
      feedback: r.feedback ?? '',
      feedbackOn: r.feedbackOn ?? '',
      deadline: r.deadline,
      overdue,
      overdueText: overdueText[overdue],
    })
  }
  const deadline = data.campaign.rectificationDeadline ?? ''
  for (const f of files) {
    f.problems.forEach((p, k) => {
      if (covered(f.case.id, p)) return
      const overdue = overdueOf('pending', deadline, undefined, asOf)
      rows.push({
        id: `${f.case.id}#${k + 1}`,
        source: 'derived',
        agencyId: f.agency.id,
        agencyName: f.agency.name,
        caseId: f.case.id,
        caseNumber: f.case.caseNumber,
        itemId: p.itemId,
        itemName: p.itemName,
        ruleId: p.ruleId,
        ruleText: p.ruleText,
        categoryName: p.category.name,
        description: p.reason,
        pages: pagesOf(p.evidence),
        status: 'pending',
        statusText: rectificationStatusText.pending,
        reason: '',
        feedback: '',
        feedbackOn: '',
        deadline,
        overdue,
        overdueText: overdueText[overdue],
      })
    })
  }
  const order = new Map(data.agencies.map((a, i) => [a.id, i]))
  const caseOrder = new Map(data.cases.map((c, i) => [c.id, i]))
  // Stable sort: within a file, recorded entries first, then derived ones in rubric order.
  return rows.sort((a, b) => (order.get(a.agencyId) ?? 0) - (order.get(b.agencyId) ?? 0) || (caseOrder.get(a.caseId) ?? 0) - (caseOrder.get(b.caseId) ?? 0))
}
