import { canonicalJson } from '../canonical/canonicalJson'
import type { Decision } from '../review/types'
import type { MergeConflict } from './conflicts'
import { ABSENT, mergeUnit } from './mergeRule'
import { unitKey } from './syncState'

/** The workflow part of a review that travels between laptops. `final` (the lead's arbitration) does not. */
export interface ReviewWorkflow {
  state: string
  highlights: string
  disputes: unknown[]
  comments: unknown[]
  submittedAt?: string
  finalisedAt?: string
}

export interface ReviewSide {
  id: string
  decisions: Decision[]
  workflow: ReviewWorkflow
}

export type EntityStatus = 'added' | 'updated' | 'unchanged'

export interface ReviewMerge {
  status: EntityStatus
  decisions: Decision[]
  workflow: ReviewWorkflow
  conflicts: MergeConflict[]
  /** Units now known common, to remember as received. */
  received: Record<string, string>
}

const canon = (v: unknown) => (v === undefined || v === null ? ABSENT : canonicalJson(v))

export function workflowOf(r: { state: string; highlights: string; disputes: unknown[]; comments: unknown[]; submittedAt?: string; finalisedAt?: string }): ReviewWorkflow {
  return { state: r.state, highlights: r.highlights, disputes: r.disputes, comments: r.comments, ...(r.submittedAt ? { submittedAt: r.submittedAt } : {}), ...(r.finalisedAt ? { finalisedAt: r.finalisedAt } : {}) }
}

/** Every unit of a review as canonical JSON, keyed as in SyncState. */
export function reviewUnits(r: ReviewSide): Record<string, string> {
  const out: Record<string, string> = { [unitKey.workflow(r.id)]: canon(r.workflow) }
  for (const d of r.decisions) out[unitKey.decision(r.id, d.itemId)] = canon(d)
  return out
}

/**
 * Three-way merge of one review, item by item, plus its workflow fields as one unit. Items are keyed by
 * rubric item id; the unit keys of `known` tell which items the other side may have cleared.
 */
export function mergeReview(local: ReviewSide | null, incoming: ReviewSide, known: (key: string) => string[], knownKeys: Iterable<string> = []): ReviewMerge {
  const incomingUnits = reviewUnits(incoming)
  if (!local) {
    return { status: 'added', decisions: incoming.decisions, workflow: incoming.workflow, conflicts: [], received: incomingUnits }
  }
  const locked = local.workflow.state === 'finalised'
  const prefix = `review/${incoming.id}/item/`
  const itemIds = new Set<string>([...local.decisions.map((d) => d.itemId), ...incoming.decisions.map((d) => d.itemId)])
  for (const k of knownKeys) if (k.startsWith(prefix)) itemIds.add(k.slice(prefix.length))

  const localById = new Map(local.decisions.map((d) => [d.itemId, d]))
  const incomingById = new Map(incoming.decisions.map((d) => [d.itemId, d]))
  const chosen = new Map<string, Decision | null>()
  const conflicts: MergeConflict[] = []
  const received: Record<string, string> = {}
  let changed = false

  for (const itemId of itemIds) {
    const key = unitKey.decision(incoming.id, itemId)
    const l = localById.get(itemId) ?? null
    const i = incomingById.get(itemId) ?? null
    const r = mergeUnit({ local: canon(l), incoming: canon(i), known: known(key), locked })
    if (r.outcome === 'conflict') {
      conflicts.push({ key, kind: 'decision', reason: r.reason!, reviewId: incoming.id, itemId, local: l, incoming: i, incomingCanonical: canon(i) })
      chosen.set(itemId, l)
      continue
    }
    received[key] = canon(i)
    if (r.outcome === 'taken' || r.outcome === 'added') {
      chosen.set(itemId, i)
      changed = true
    } else chosen.set(itemId, l)
  }

  // Local order first, so a merge that changes nothing leaves the array exactly as it was.
  const decisions: Decision[] = []
  for (const d of local.decisions) {
    const c = chosen.get(d.itemId)
    if (c) decisions.push(c)
  }
  for (const d of incoming.decisions) if (!localById.has(d.itemId) && chosen.get(d.itemId)) decisions.push(chosen.get(d.itemId)!)

  const wKey = unitKey.workflow(incoming.id)
  const w = mergeUnit({ local: canon(local.workflow), incoming: canon(incoming.workflow), known: known(wKey), locked })
  let workflow = local.workflow
  if (w.outcome === 'conflict') {
    conflicts.push({ key: wKey, kind: 'workflow', reason: w.reason!, reviewId: incoming.id, local: local.workflow, incoming: incoming.workflow, incomingCanonical: canon(incoming.workflow) })
  } else {
    received[wKey] = canon(incoming.workflow)
    if (w.outcome === 'taken') {
      workflow = incoming.workflow
      changed = true
    }
  }
  return { status: changed ? 'updated' : 'unchanged', decisions, workflow, conflicts, received }
}
