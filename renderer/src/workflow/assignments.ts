import { assignBalanced, checkCrossReview, type PanelMember } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { AssignmentRecord, CampaignRecord, ReviewRecord } from '../store/workflowRecords'
import { appendAudit } from './audit'

const now = () => new Date().toISOString()

export async function assignmentsOf(db: CaseDb, campaignId: string): Promise<AssignmentRecord[]> {
  return db.assignments.where('campaignId').equals(campaignId).toArray()
}

function newReview(campaign: CampaignRecord, campaignCaseId: string, reviewerId: string, caseType: string): ReviewRecord {
  const pinned = campaign.rubrics.find((r) => r.caseType === caseType)
  if (!pinned) throw new Error('本次活动没有为该案件类型指定评查标准')
  return {
    id: crypto.randomUUID(),
    campaignId: campaign.id,
    campaignCaseId,
    reviewerId,
    rubricId: pinned.rubricId,
    rubricVersion: pinned.version,
    state: 'not-started',
    decisions: [],
    highlights: '',
    disputes: [],
    comments: [],
    final: campaign.mode === 'single',
    updatedAt: now(),
  }
}

/**
 * Gives a case to a reviewer and opens their review sheet. Cross review is enforced here,
 * not only in the UI: a file of the reviewer's own agency needs the lead's recorded reason.
 */
export async function assign(db: CaseDb, campaign: CampaignRecord, campaignCaseId: string, member: PanelMember, actor: string, overrideReason?: string): Promise<AssignmentRecord> {
  return db.transaction('rw', [db.assignments, db.reviews, db.campaignCases, db.auditLog, db.settings], async () => {
    const c = await db.campaignCases.get(campaignCaseId)
    if (!c) throw new Error('案卷未登记')
    const check = checkCrossReview(c.agencyId, member, overrideReason !== undefined ? { caseId: c.id, reviewerId: member.id, reason: overrideReason } : undefined)
    if (!check.ok) throw new Error(check.message)
    const existing = await db.assignments.where('campaignCaseId').equals(c.id).toArray()
    if (existing.some((a) => a.reviewerId === member.id)) throw new Error(`${member.name} 已分配到该案卷`)
    const limit = campaign.mode === 'double' ? 2 : 1
    if (existing.length >= limit) throw new Error(campaign.mode === 'double' ? '该案卷已分配两名评查人员' : '该案卷已分配评查人员')
    const record: AssignmentRecord = { id: crypto.randomUUID(), campaignId: campaign.id, campaignCaseId: c.id, reviewerId: member.id, createdAt: now(), createdBy: actor, ...(check.overridden ? { overrideReason: overrideReason!.trim() } : {}) }
    await db.assignments.add(record)
    await db.reviews.add(newReview(campaign, c.id, member.id, c.caseType))
    if (!c.sampled) await db.campaignCases.update(c.id, { sampled: true })
    await appendAudit(db, { campaignId: campaign.id, actor, action: 'assignment.add', subject: { kind: 'case', id: c.id }, before: null, after: record })
    return record
  })
}

/** Takes a case back from a reviewer; refused once they have started, so no scoring work is thrown away. */
export async function unassign(db: CaseDb, campaign: CampaignRecord, assignmentId: string, actor: string): Promise<void> {
  await db.transaction('rw', [db.assignments, db.reviews, db.auditLog, db.settings], async () => {
    const a = await db.assignments.get(assignmentId)
    if (!a) return
    const review = await db.reviews.where('campaignCaseId').equals(a.campaignCaseId).filter((r) => r.reviewerId === a.reviewerId).first()
    if (review && (review.state !== 'not-started' || review.decisions.length > 0)) throw new Error('评查人员已开始评查，不能撤回分配')
    await db.assignments.delete(a.id)
    if (review) await db.reviews.delete(review.id)
    await appendAudit(db, { campaignId: campaign.id, actor, action: 'assignment.remove', subject: { kind: 'case', id: a.campaignCaseId }, before: a, after: null })
  })
}

/** Assigns every sampled, not yet (fully) assigned case, balancing pages across reviewers. */
export async function autoAssign(db: CaseDb, campaign: CampaignRecord, actor: string): Promise<{ assigned: number; unassignable: { caseId: string; reason: string }[] }> {
  const cases = (await db.campaignCases.where('campaignId').equals(campaign.id).toArray()).filter((c) => c.sampled)
  const existing = await assignmentsOf(db, campaign.id)
  const grouped = new Map<string, string[]>()
  for (const a of existing) grouped.set(a.campaignCaseId, [...(grouped.get(a.campaignCaseId) ?? []), a.reviewerId])
  const plan = assignBalanced(
    cases.map((c) => ({ id: c.id, agencyId: c.agencyId, pageCount: c.pageCount })),
    campaign.members,
    { reviewersPerCase: campaign.mode === 'double' ? 2 : 1, existing: [...grouped].map(([caseId, reviewerIds]) => ({ caseId, reviewerIds })) },
  )
  let assigned = 0
  for (const a of plan.assignments) {
    const already = new Set(grouped.get(a.caseId) ?? [])
    for (const reviewerId of a.reviewerIds) {
      if (already.has(reviewerId)) continue
      const member = campaign.members.find((m) => m.id === reviewerId)!
      await assign(db, campaign, a.caseId, member, actor)
      assigned++
    }
  }
  return { assigned, unassignable: plan.unassignable }
}
