import type { Decision } from '@scoring/index'
import { recordReceived, resolveConflict, type ConflictChoice, type ReviewWorkflow } from '@scoring/exchange/index'
import type { CaseDb } from '../store/db'
import type { DocumentRecord, MarkRecord, PageStateRecord } from '../store/records'
import type { ReviewRecord } from '../store/workflowRecords'
import { appendAudit } from '../workflow/audit'
import { refuse } from './exchangeError'
import { getSync, pendingConflicts, putPendingConflicts, putSync } from './syncStore'

/**
 * Applies the lead's choice for one listed conflict, in one transaction with its audit entry. Either way the
 * incoming value is remembered as received, so importing the same package again does not list it again.
 */
export async function resolvePendingConflict(db: CaseDb, campaignId: string, key: string, choice: ConflictChoice, actor: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const list = await pendingConflicts(db, campaignId)
    const pending = list.find((p) => p.conflict.key === key)
    if (!pending) return refuse('该冲突已处理。')
    const c = pending.conflict
    const r = resolveConflict(c, choice)
    if (r.apply) {
      if (c.kind === 'decision' || c.kind === 'workflow') {
        const review = await db.reviews.get(c.reviewId!)
        if (!review) return refuse('评查记录已不存在。')
        let next: ReviewRecord
        if (c.kind === 'decision') {
          const value = r.value as Decision | null
          const decisions = review.decisions.filter((d) => d.itemId !== c.itemId)
          if (value) {
            const at = review.decisions.findIndex((d) => d.itemId === c.itemId)
            decisions.splice(at < 0 ? decisions.length : at, 0, value)
          }
          next = { ...review, decisions }
        } else {
          const { submittedAt: _s, finalisedAt: _f, ...rest } = review
          const w = r.value as ReviewWorkflow
          next = { ...rest, ...w, state: w.state as ReviewRecord['state'], disputes: w.disputes as ReviewRecord['disputes'], comments: w.comments as ReviewRecord['comments'] }
        }
        await db.reviews.put({ ...next, updatedAt: new Date().toISOString() })
      } else {
        const local = c.local as { id?: string; caseId: string; pageIndex?: number } | null
        const table = c.kind === 'mark' ? db.marks : c.kind === 'document' ? db.documents : db.pageStates
        if (r.value === null) {
          if (c.kind === 'pageState' && local) await db.pageStates.delete([local.caseId, local.pageIndex!])
          else if (local?.id) await (table as typeof db.marks).delete(local.id)
        } else if (c.kind === 'mark') await db.marks.put(r.value as MarkRecord)
        else if (c.kind === 'document') await db.documents.put(r.value as DocumentRecord)
        else await db.pageStates.put(r.value as PageStateRecord)
      }
    }
    const sync = await getSync(db, campaignId, pending.reviewerId)
    await putSync(db, campaignId, pending.reviewerId, sync, recordReceived(sync, Object.fromEntries([r.received])))
    await putPendingConflicts(db, campaignId, list.filter((p) => p !== pending))
    await appendAudit(db, { campaignId, actor, ...r.audit })
  })
}
