import { canonicalJson } from '../canonical/canonicalJson'
import type { MergeConflict } from './conflicts'
import { ABSENT, mergeUnit } from './mergeRule'

export interface RecordsMerge<T> {
  put: T[]
  /** Keys whose record the other side deleted while this side left it alone. */
  remove: string[]
  conflicts: MergeConflict[]
  received: Record<string, string>
  counts: { added: number; updated: number; unchanged: number }
}

/**
 * Merge of records keyed by id (marks, document index entries, page states). A record is one unit: its
 * whole canonical JSON, updatedAt included, so "changed since the base" is "differs from every known value".
 * `keys` are the unit keys the package speaks for: the records it carries and the ones it knew and dropped.
 */
export function mergeRecords<T>(
  kind: 'mark' | 'document' | 'pageState',
  keys: Iterable<string>,
  local: (key: string) => T | undefined,
  incoming: (key: string) => T | undefined,
  known: (key: string) => string[],
  caseIdOf: (record: T) => string,
): RecordsMerge<T> {
  const out: RecordsMerge<T> = { put: [], remove: [], conflicts: [], received: {}, counts: { added: 0, updated: 0, unchanged: 0 } }
  for (const key of new Set(keys)) {
    const l = local(key) ?? null
    const i = incoming(key) ?? null
    const li = l === null ? ABSENT : canonicalJson(l)
    const ii = i === null ? ABSENT : canonicalJson(i)
    const r = mergeUnit({ local: li, incoming: ii, known: known(key), locked: false })
    if (r.outcome === 'conflict') {
      const caseId = (l ?? i) === null ? undefined : caseIdOf((l ?? i) as T)
      out.conflicts.push({ key, kind, reason: r.reason!, ...(caseId ? { caseId } : {}), local: l, incoming: i, incomingCanonical: ii })
      continue
    }
    out.received[key] = ii
    if (r.outcome === 'added') {
      out.put.push(i as T)
      out.counts.added++
    } else if (r.outcome === 'taken') {
      if (i === null) out.remove.push(key)
      else out.put.push(i)
      out.counts.updated++
    } else if (i !== null || l !== null) out.counts.unchanged++
  }
  return out
}
