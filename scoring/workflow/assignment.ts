/**
 * Assigning sampled files to the review panel (评查组). Cross review (交叉评查) is the rule: nobody reviews a file of
 * their own agency. Within that rule the work is spread by pages, since page count is what a reviewer's day goes on.
 */
export interface PanelMember {
  id: string
  name: string
  agencyId: string
  role: 'lead' | 'reviewer'
}

export interface AssignableCase {
  id: string
  agencyId: string
  pageCount: number
}

export interface Assignment {
  caseId: string
  reviewerIds: string[]
}

/** A lead's recorded decision to let a member review a file of their own agency anyway. */
export interface AssignmentOverride {
  caseId: string
  reviewerId: string
  reason: string
}

export interface AssignOptions {
  reviewersPerCase: 1 | 2
  /** Assignments already made (by hand or in an earlier run): kept as they are, and their pages count as load. */
  existing?: Assignment[]
}

export interface AssignOutcome {
  /** The complete list, sorted by case id: every existing assignment (topped up when it is short of reviewers) plus the new ones. */
  assignments: Assignment[]
  /** Files that got fewer reviewers than asked for, with the reason. Such a file may also appear, short, in `assignments`. */
  unassignable: { caseId: string; reason: string }[]
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const MIN_OVERRIDE_REASON_LENGTH = 2

/**
 * Greedy, largest file first (by pages, then id), onto the least-loaded eligible member (by pages, then number of
 * files, then id). Largest-first onto the least-loaded keeps the spread within one file's pages when every member
 * may take every file; own-agency exclusions can make it wider, and no reordering fixes that without breaking the rule.
 * Leads are used only for a slot no reviewer can fill, because leads also carry the second review.
 * Pure and deterministic: the order of the inputs does not change the result.
 */
export function assignBalanced(cases: AssignableCase[], members: PanelMember[], opts: AssignOptions): AssignOutcome {
  const memberById = new Map<string, PanelMember>()
  for (const m of members) {
    if (memberById.has(m.id)) throw new RangeError(`评查人员 ${m.id} 重复出现`)
    memberById.set(m.id, m)
  }
  const caseById = new Map<string, AssignableCase>()
  for (const c of cases) {
    if (caseById.has(c.id)) throw new RangeError(`案卷 ${c.id} 重复出现`)
    if (!Number.isInteger(c.pageCount) || c.pageCount < 0) throw new RangeError(`案卷 ${c.id} 的页数须为非负整数`)
    caseById.set(c.id, c)
  }

  const result = new Map<string, string[]>()
  for (const a of opts.existing ?? []) {
    const list = result.get(a.caseId) ?? []
    for (const r of a.reviewerIds) if (!list.includes(r)) list.push(r)
    result.set(a.caseId, list)
  }
  const load = new Map<string, { cases: number; pages: number }>()
  for (const m of members) load.set(m.id, { cases: 0, pages: 0 })
  for (const [caseId, reviewerIds] of result) {
    for (const r of reviewerIds) {
      const l = load.get(r) ?? { cases: 0, pages: 0 }
      l.cases += 1
      l.pages += caseById.get(caseId)?.pageCount ?? 0
      load.set(r, l)
    }
  }

  const unassignable: { caseId: string; reason: string }[] = []
  const order = [...cases].sort((a, b) => b.pageCount - a.pageCount || byCodeUnits(a.id, b.id))
  const sortedMembers = [...members].sort((a, b) => byCodeUnits(a.id, b.id))
  for (const c of order) {
    const assigned = result.get(c.id) ?? []
    while (assigned.length < opts.reviewersPerCase) {
      const eligible = sortedMembers.filter((m) => m.agencyId !== c.agencyId && !assigned.includes(m.id))
      const reviewers = eligible.filter((m) => m.role === 'reviewer')
      const pool = reviewers.length > 0 ? reviewers : eligible
      const pick = leastLoaded(pool, load)
      if (!pick) {
        unassignable.push({ caseId: c.id, reason: shortReason(c, members, assigned.length, opts.reviewersPerCase) })
        break
      }
      assigned.push(pick.id)
      const l = load.get(pick.id) ?? { cases: 0, pages: 0 }
      l.cases += 1
      l.pages += c.pageCount
      load.set(pick.id, l)
    }
    if (assigned.length > 0) result.set(c.id, assigned)
  }

  const assignments = [...result.entries()]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([caseId, reviewerIds]) => ({ caseId, reviewerIds }))
  unassignable.sort((a, b) => byCodeUnits(a.caseId, b.caseId))
  return { assignments, unassignable }
}

function leastLoaded(pool: PanelMember[], load: Map<string, { cases: number; pages: number }>): PanelMember | undefined {
  let best: PanelMember | undefined
  let bestLoad = { cases: 0, pages: 0 }
  for (const m of pool) {
    const l = load.get(m.id) ?? { cases: 0, pages: 0 }
    // pool is in id order, so keeping the first of equals breaks the last tie by id.
    if (!best || l.pages < bestLoad.pages || (l.pages === bestLoad.pages && l.cases < bestLoad.cases)) {
      best = m
      bestLoad = l
    }
  }
  return best
}

function shortReason(c: AssignableCase, members: PanelMember[], have: number, want: number): string {
  const outside = members.filter((m) => m.agencyId !== c.agencyId).length
  if (members.length === 0) return '评查组没有成员，无法分配'
  if (outside === 0) return '评查组成员均来自被评查单位，按交叉评查规则不得评查本单位案卷，无法分配'
  return `只有 ${outside} 名评查组成员不属于被评查单位，已分配 ${have} 人，少于每卷 ${want} 人的要求`
}

/**
 * Whether a member may review a file of the given agency. A member of that agency may do so only under a lead's
 * override with a reason, because the reason is what the record later has to show.
 */
export function checkCrossReview(
  caseAgencyId: string,
  member: PanelMember,
  override?: AssignmentOverride,
): { ok: true; overridden: boolean } | { ok: false; message: string } {
  if (member.agencyId !== caseAgencyId) return { ok: true, overridden: false }
  const rule = `${member.name}来自被评查单位，按交叉评查规则不得评查本单位案卷`
  if (!override) return { ok: false, message: `${rule}；如确需指派，须由评查组长填写理由。` }
  if (override.reviewerId !== member.id) return { ok: false, message: `${rule}；所附的例外指派是给另一名评查人员的。` }
  if (Array.from(override.reason.trim()).length < MIN_OVERRIDE_REASON_LENGTH) {
    return { ok: false, message: `${rule}；例外指派须填写理由（至少 ${MIN_OVERRIDE_REASON_LENGTH} 个字）。` }
  }
  return { ok: true, overridden: true }
}

/** Files and pages per reviewer. Files missing from `cases` count as a file with 0 pages. */
export function workloads(assignments: Assignment[], cases: AssignableCase[]): Record<string, { cases: number; pages: number }> {
  const pages = new Map(cases.map((c) => [c.id, c.pageCount]))
  const out: Record<string, { cases: number; pages: number }> = {}
  for (const a of assignments) {
    for (const r of new Set(a.reviewerIds)) {
      const w = (out[r] ??= { cases: 0, pages: 0 })
      w.cases += 1
      w.pages += pages.get(a.caseId) ?? 0
    }
  }
  return out
}
