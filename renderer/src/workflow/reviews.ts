import { canEditDecisions, transition, type Decision, type ReviewAction, type Role } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { DisputeRecord, ReviewComment, ReviewRecord } from '../store/workflowRecords'
import { appendAudit } from './audit'

const now = () => new Date().toISOString()

export interface Actor {
  label: string
  role: Role
  memberId: string
}

const tables = (db: CaseDb) => [db.reviews, db.auditLog, db.settings, db.problemTexts]

async function mustGet(db: CaseDb, id: string): Promise<ReviewRecord> {
  const r = await db.reviews.get(id)
  if (!r) throw new Error('评查记录不存在')
  return r
}

function mayEdit(review: ReviewRecord, actor: Actor): void {
  if (!canEditDecisions(review.state, actor.role)) throw new Error(review.state === 'finalised' ? '已定稿的评查记录已锁定；如需修改，请由组长填写理由后重新打开。' : '当前状态下不能修改评查结论')
  if (actor.role === 'reviewer' && actor.memberId !== review.reviewerId) throw new Error('只能修改自己的评查记录')
}

/**
 * Saves one item's decision (or clears it with null) and its audit entry in one transaction:
 * every click is durable at once, so a crash or reload loses nothing.
 */
export async function setDecision(db: CaseDb, reviewId: string, itemId: string, decision: Decision | null, actor: Actor): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const review = await mustGet(db, reviewId)
    mayEdit(review, actor)
    const before = review.decisions.find((d) => d.itemId === itemId) ?? null
    const decisions = review.decisions.filter((d) => d.itemId !== itemId)
    if (decision) decisions.push(decision)
    // Moving from 未开始 to 评查中 happens on the first decision, as reviewers expect.
    const state = review.state === 'not-started' ? 'in-progress' : review.state
    await db.reviews.update(reviewId, { decisions, state, updatedAt: now() })
    if (state !== review.state) await appendAudit(db, { campaignId: review.campaignId, actor: actor.label, action: 'review.state', subject: { kind: 'review', id: reviewId }, before: review.state, after: state })
    await appendAudit(db, { campaignId: review.campaignId, actor: actor.label, action: 'review.decision', subject: { kind: 'review', id: reviewId }, before, after: decision })
    if (decision?.kind === 'deducted') for (const d of decision.deductions) await rememberProblemText(db, review.rubricId, itemId, d.reason)
    if (actor.role === 'lead' && review.state === 'in-second-review') {
      const comment: ReviewComment = { at: now(), by: actor.label, kind: 'adjust', text: `组长调整了 ${itemId} 的评查结论` }
      await db.reviews.update(reviewId, { comments: [...review.comments, comment] })
    }
  })
}

export async function setHighlights(db: CaseDb, reviewId: string, text: string, actor: Actor): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const review = await mustGet(db, reviewId)
    mayEdit(review, actor)
    if (review.highlights === text) return
    await db.reviews.update(reviewId, { highlights: text, updatedAt: now() })
    await appendAudit(db, { campaignId: review.campaignId, actor: actor.label, action: 'review.highlights', subject: { kind: 'review', id: reviewId }, before: review.highlights, after: text })
  })
}

/** Moves a review through 未开始 → 评查中 → 已提交 → 复核中 → 已退回 / 已定稿, as the state machine allows. */
export async function changeState(db: CaseDb, reviewId: string, action: ReviewAction, actor: Actor): Promise<ReviewRecord> {
  return db.transaction('rw', tables(db), async () => {
    const review = await mustGet(db, reviewId)
    if (actor.role === 'reviewer' && actor.memberId !== review.reviewerId) throw new Error('只能处理自己的评查记录')
    const next = transition(review.state, action, actor.role)
    if (!next.ok) throw new Error(next.message)
    const t = now()
    const comments = [...review.comments]
    if (action.type === 'return') comments.push({ at: t, by: actor.label, kind: 'return', text: action.comment })
    if (action.type === 'reopen') comments.push({ at: t, by: actor.label, kind: 'reopen', text: action.reason })
    if (action.type === 'finalise' && action.note) comments.push({ at: t, by: actor.label, kind: 'finalise', text: action.note })
    const changes: Partial<ReviewRecord> = { state: next.state, comments, updatedAt: t }
    if (action.type === 'submit') changes.submittedAt = t
    if (action.type === 'finalise') {
      changes.finalisedAt = t
      changes.finalisedBy = actor.memberId
    }
    await db.reviews.update(reviewId, changes)
    await appendAudit(db, { campaignId: review.campaignId, actor: actor.label, action: `review.${action.type}`, subject: { kind: 'review', id: reviewId }, before: review.state, after: { state: next.state, ...action } })
    return { ...review, ...changes }
  })
}

export async function setDispute(db: CaseDb, reviewId: string, dispute: DisputeRecord, actor: Actor): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const review = await mustGet(db, reviewId)
    if (review.state === 'finalised') throw new Error('已定稿的评查记录已锁定')
    const before = review.disputes.find((d) => d.itemId === dispute.itemId) ?? null
    const disputes = [...review.disputes.filter((d) => d.itemId !== dispute.itemId), dispute]
    await db.reviews.update(reviewId, { disputes, updatedAt: now() })
    await appendAudit(db, { campaignId: review.campaignId, actor: actor.label, action: 'review.dispute', subject: { kind: 'review', id: reviewId }, before, after: dispute })
  })
}

/** Double review: the lead picks the review that stands as the file's result. */
export async function chooseFinal(db: CaseDb, campaignCaseId: string, reviewId: string, note: string, actor: Actor): Promise<void> {
  if (actor.role !== 'lead') throw new Error('只有组长可以裁定')
  await db.transaction('rw', tables(db), async () => {
    const reviews = await db.reviews.where('campaignCaseId').equals(campaignCaseId).toArray()
    for (const r of reviews) {
      const final = r.id === reviewId
      if (r.final !== final) await db.reviews.update(r.id, { final, comments: final ? [...r.comments, { at: now(), by: actor.label, kind: 'arbitration', text: note }] : r.comments })
    }
    const chosen = reviews.find((r) => r.id === reviewId)
    if (chosen) await appendAudit(db, { campaignId: chosen.campaignId, actor: actor.label, action: 'review.arbitrate', subject: { kind: 'case', id: campaignCaseId }, before: reviews.filter((r) => r.final).map((r) => r.id), after: { final: reviewId, note } })
  })
}

export async function reviewsOf(db: CaseDb, campaignId: string): Promise<ReviewRecord[]> {
  return db.reviews.where('campaignId').equals(campaignId).toArray()
}

async function rememberProblemText(db: CaseDb, rubricId: string, itemId: string, text: string): Promise<void> {
  const trimmed = text.trim()
  if (trimmed.length < 2) return
  const existing = await db.problemTexts.where('[rubricId+itemId]').equals([rubricId, itemId]).filter((p) => p.text === trimmed).first()
  if (existing) await db.problemTexts.update(existing.id, { uses: existing.uses + 1, lastUsedAt: now() })
  else await db.problemTexts.add({ id: crypto.randomUUID(), rubricId, itemId, text: trimmed, uses: 1, lastUsedAt: now() })
}

/** 常见问题库 entries for an item, most used first. */
export async function problemTextsFor(db: CaseDb, rubricId: string, itemId: string): Promise<string[]> {
  const rows = await db.problemTexts.where('[rubricId+itemId]').equals([rubricId, itemId]).toArray()
  return rows.sort((a, b) => b.uses - a.uses || b.lastUsedAt.localeCompare(a.lastUsedAt)).map((r) => r.text)
}
