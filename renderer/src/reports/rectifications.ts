import { isScoreErrors, listProblems, type Problem } from '@scoring/index'
import { overdueOf, type Overdue, type Rectification, type RectificationStatus } from '@scoring/report/index'
import { getRubricVersion } from '../rubrics/rubricCatalog'
import type { CaseDb } from '../store/db'
import type { RectificationRecord, ReviewRecord } from '../store/workflowRecords'
import { appendAudit } from '../workflow/audit'
import { scoreRecord } from '../workflow/scoreRecord'

const now = () => new Date().toISOString()
const DATE = /^\d{4}-\d{2}-\d{2}$/
/** Rectification period when the campaign names no deadline; the domain notes found no statutory one. */
export const DEFAULT_RECTIFICATION_DAYS = 30

export function localDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00`)
  d.setDate(d.getDate() + days)
  return localDate(d)
}

export async function rectificationsOf(db: CaseDb, campaignId: string): Promise<RectificationRecord[]> {
  return db.rectifications.where('campaignId').equals(campaignId).toArray()
}

/** The review a case's result stands on, exactly as the campaign export picks it: the final one, else the first. */
export function chosenReviews(reviews: readonly ReviewRecord[]): ReviewRecord[] {
  const byCase = new Map<string, ReviewRecord[]>()
  for (const r of reviews) byCase.set(r.campaignCaseId, [...(byCase.get(r.campaignCaseId) ?? []), r])
  return [...byCase.values()].map((mine) => mine.find((r) => r.final) ?? mine[0]!).filter((r) => r.state === 'finalised')
}

/** Keys problems by item and rule plus their position among equal ones, so the same problem maps to the same row every time. */
export function problemKeys(caseId: string, problems: readonly Problem[]): { key: string; problem: Problem }[] {
  const seen = new Map<string, number>()
  return problems.map((problem) => {
    const base = `${caseId}#${problem.itemId}#${problem.ruleId}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { key: `${base}#${n}`, problem }
  })
}

export interface GenerateOutcome {
  added: number
  existing: number
  /** Finalised reviews that could not be scored (rubric missing or record invalid). */
  skipped: number
}

/**
 * Opens one pending row per problem of every finalised review. Idempotent: rows already opened keep
 * their status, feedback and deadline, so running it again after more files are finalised only adds.
 */
export async function generateRectifications(db: CaseDb, campaignId: string, actor: string, today: string = localDate()): Promise<GenerateOutcome> {
  const campaign = await db.campaigns.get(campaignId)
  if (!campaign) throw new Error('评查活动不存在')
  const cases = new Map((await db.campaignCases.where('campaignId').equals(campaignId).toArray()).map((c) => [c.id, c]))
  const reviews = chosenReviews(await db.reviews.where('campaignId').equals(campaignId).toArray())
  const deadline = campaign.rectificationDeadline && DATE.test(campaign.rectificationDeadline) ? campaign.rectificationDeadline : addDays(today, DEFAULT_RECTIFICATION_DAYS)
  // Scoring reads the rubric library, so it happens before the write transaction, which then only compares keys.
  const candidates: Omit<RectificationRecord, 'id' | 'createdAt' | 'updatedAt'>[] = []
  let skipped = 0
  for (const review of reviews) {
    const c = cases.get(review.campaignCaseId)
    const rubric = await getRubricVersion(db, { rubricId: review.rubricId, version: review.rubricVersion })
    const result = rubric ? scoreRecord(rubric.rubric, review) : null
    if (!c || !result || isScoreErrors(result)) {
      skipped++
      continue
    }
    for (const { key, problem } of problemKeys(c.id, listProblems(result))) {
      candidates.push({
        campaignId,
        problemKey: key,
        agencyId: c.agencyId,
        caseId: c.id,
        itemId: problem.itemId,
        ruleId: problem.ruleId,
        description: problem.reason.trim() || problem.ruleText || problem.itemName,
        status: 'pending',
        deadline,
      })
    }
  }
  return db.transaction('rw', [db.rectifications, db.auditLog, db.settings], async () => {
    const existing = new Set((await rectificationsOf(db, campaignId)).map((r) => r.problemKey))
    const t = now()
    const fresh: RectificationRecord[] = candidates.filter((c) => !existing.has(c.problemKey)).map((c) => ({ ...c, id: crypto.randomUUID(), createdAt: t, updatedAt: t }))
    if (fresh.length) {
      await db.rectifications.bulkAdd(fresh)
      await appendAudit(db, { campaignId, actor, action: 'rectification.generate', subject: { kind: 'campaign', id: campaignId }, before: null, after: { added: fresh.length, deadline } })
    }
    return { added: fresh.length, existing: candidates.length - fresh.length, skipped }
  })
}

export interface RectificationChange {
  status?: RectificationStatus
  reason?: string
  feedback?: string
  feedbackOn?: string
  deadline?: string
}

const FIELDS = ['status', 'reason', 'feedback', 'feedbackOn', 'deadline'] as const

/** Records a status change or feedback; the change and its audit entry land in one transaction. */
export async function updateRectification(db: CaseDb, id: string, change: RectificationChange, actor: string): Promise<RectificationRecord> {
  return db.transaction('rw', [db.rectifications, db.auditLog, db.settings], async () => {
    const before = await db.rectifications.get(id)
    if (!before) throw new Error('整改记录不存在')
    const next: RectificationRecord = { ...before }
    for (const k of FIELDS) {
      const v = change[k]
      if (v === undefined) continue
      const trimmed = v.trim()
      if (k === 'status') next.status = v as RectificationStatus
      else if (trimmed === '' && k !== 'deadline') delete next[k]
      else next[k] = trimmed
    }
    if (next.status === 'declined' && !next.reason) throw new Error('选择“不予整改”时必须填写理由')
    if (next.feedbackOn !== undefined && !DATE.test(next.feedbackOn)) throw new Error('反馈日期格式应为 YYYY-MM-DD')
    if (!DATE.test(next.deadline)) throw new Error('整改期限格式应为 YYYY-MM-DD')
    const changed = FIELDS.filter((k) => before[k] !== next[k])
    if (changed.length === 0) return before
    next.updatedAt = now()
    await db.rectifications.put(next)
    const pick = (r: RectificationRecord) => Object.fromEntries(changed.map((k) => [k, r[k] ?? null]))
    await appendAudit(db, { campaignId: before.campaignId, actor, action: changed.includes('status') ? 'rectification.status' : 'rectification.update', subject: { kind: 'rectification', id }, before: pick(before), after: pick(next) })
    return next
  })
}

/** The row as the campaign export carries it: the documented shape, without our bookkeeping. */
export function toExportRectification(r: RectificationRecord): Rectification {
  return {
    id: r.id,
    agencyId: r.agencyId,
    caseId: r.caseId,
    itemId: r.itemId,
    ...(r.ruleId !== undefined ? { ruleId: r.ruleId } : {}),
    description: r.description,
    status: r.status,
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.feedback !== undefined ? { feedback: r.feedback } : {}),
    ...(r.feedbackOn !== undefined ? { feedbackOn: r.feedbackOn } : {}),
    deadline: r.deadline,
  }
}

/** Same rule as the ledger's (scoring/report/ledger.ts), so the table and the exported 台账 agree. */
export function rectificationOverdue(r: Pick<RectificationRecord, 'status' | 'deadline' | 'feedbackOn'>, today: string = localDate()): Overdue {
  return overdueOf(r.status, r.deadline, r.feedbackOn, today)
}
