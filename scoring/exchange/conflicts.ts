/** A unit changed on both laptops (or a finalised review the package would change): shown side by side, never overwritten. */
export interface MergeConflict {
  key: string
  kind: 'decision' | 'workflow' | 'mark' | 'document' | 'pageState'
  reason: 'both-changed' | 'finalised'
  reviewId?: string
  itemId?: string
  caseId?: string
  /** Parsed values; null means the side has no such record (or no decision for the item). */
  local: unknown
  incoming: unknown
  /** canonicalJson(incoming), remembered as "received" once the lead decides. */
  incomingCanonical: string
}

export type ConflictChoice = 'local' | 'incoming'

export const conflictKindNames: Record<MergeConflict['kind'], string> = {
  decision: '评查结论',
  workflow: '评查状态与亮点',
  mark: '页面标记',
  document: '卷内目录',
  pageState: '页面状态',
}

export const conflictReasonNames: Record<MergeConflict['reason'], string> = {
  'both-changed': '本机与导入的数据都修改了同一项',
  finalised: '本机评查记录已定稿，导入的数据会改变它',
}

export interface Resolution {
  /** The value the unit takes; `incoming` replaces the local one, `local` leaves it. */
  value: unknown
  apply: boolean
  received: [string, string]
  audit: { action: string; subject: { kind: string; id: string }; before: unknown; after: unknown }
}

/** The lead's choice as data: what to write, what to remember, and the audit entry that records it. */
export function resolveConflict(conflict: MergeConflict, choice: ConflictChoice): Resolution {
  const subject = conflict.reviewId ? { kind: 'review', id: conflict.reviewId } : { kind: conflict.kind, id: conflict.key }
  const value = choice === 'incoming' ? conflict.incoming : conflict.local
  return {
    value,
    apply: choice === 'incoming',
    received: [conflict.key, conflict.incomingCanonical],
    audit: {
      action: 'exchange.resolve',
      subject,
      before: { local: conflict.local, incoming: conflict.incoming },
      after: { key: conflict.key, choice, reason: conflict.reason, value },
    },
  }
}

export function describeConflict(c: MergeConflict): string {
  const what = c.itemId ? `${conflictKindNames[c.kind]}（评查项 ${c.itemId}）` : conflictKindNames[c.kind]
  return `${what}：${conflictReasonNames[c.reason]}`
}
