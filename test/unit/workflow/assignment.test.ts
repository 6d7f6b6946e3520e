import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AssignableCase, Assignment, PanelMember } from '@scoring/index'
import { assignBalanced, checkCrossReview, workloads } from '@scoring/index'

const member = (id: string, agencyId: string, role: PanelMember['role'] = 'reviewer'): PanelMember => ({ id, name: `评查员${id}`, agencyId, role })
const file = (id: string, agencyId: string, pageCount: number): AssignableCase => ({ id, agencyId, pageCount })

function ownerOf(cases: AssignableCase[], members: PanelMember[]) {
  const caseAgency = new Map(cases.map((c) => [c.id, c.agencyId]))
  const memberAgency = new Map(members.map((m) => [m.id, m.agencyId]))
  return (a: Assignment) => a.reviewerIds.map((r) => [caseAgency.get(a.caseId), memberAgency.get(r)])
}

describe('assignBalanced', () => {
  const members = [member('m1', 'A'), member('m2', 'B'), member('m3', 'C'), member('lead', 'D', 'lead')]

  it('spreads pages largest first onto the least-loaded reviewer of another agency', () => {
    const cases = [file('c1', 'A', 100), file('c2', 'B', 80), file('c3', 'C', 60), file('c4', 'A', 40), file('c5', 'B', 20)]
    const r = assignBalanced(cases, members, { reviewersPerCase: 1 })
    expect(r.unassignable).toEqual([])
    // c1(A,100)→m2 (m2/m3 tie: id); c2(B,80)→m1 (m1/m3 tie: id); c3(C,60)→m1 (80 < 100); c4(A,40)→m3 (0); c5(B,20)→m3 (40 < 140).
    expect(r.assignments).toEqual([
      { caseId: 'c1', reviewerIds: ['m2'] },
      { caseId: 'c2', reviewerIds: ['m1'] },
      { caseId: 'c3', reviewerIds: ['m1'] },
      { caseId: 'c4', reviewerIds: ['m3'] },
      { caseId: 'c5', reviewerIds: ['m3'] },
    ])
    expect(workloads(r.assignments, cases)).toEqual({ m1: { cases: 2, pages: 140 }, m2: { cases: 1, pages: 100 }, m3: { cases: 2, pages: 60 } })
  })

  it('breaks ties by fewest files, then by id', () => {
    const cases = [file('x', 'Z', 10), file('y', 'Z', 0), file('z', 'Z', 10)]
    const r = assignBalanced(cases, [member('b', 'A'), member('a', 'B')], { reviewersPerCase: 1 })
    // x(10)→a (full tie: id); z(10)→b (0 < 10 pages); y(0)→a (10 pages and 1 file each: id).
    expect(r.assignments).toEqual([
      { caseId: 'x', reviewerIds: ['a'] },
      { caseId: 'y', reviewerIds: ['a'] },
      { caseId: 'z', reviewerIds: ['b'] },
    ])
    const r2 = assignBalanced([file('p', 'Z', 5), file('q', 'Z', 0), file('r', 'Z', 0)], [member('b', 'A'), member('a', 'B')], { reviewersPerCase: 1 })
    // p→a; q(0)→b (0 < 5 pages); r(0)→b (still 0 < 5 pages, even though b now has more files).
    expect(r2.assignments.map((a) => a.reviewerIds[0])).toEqual(['a', 'b', 'b'])
  })

  it('gives two different reviewers per file when asked, neither from its agency', () => {
    const cases = [file('c1', 'A', 30), file('c2', 'B', 20), file('c3', 'C', 10)]
    const r = assignBalanced(cases, members, { reviewersPerCase: 2 })
    expect(r.unassignable).toEqual([])
    for (const a of r.assignments) {
      expect(a.reviewerIds).toHaveLength(2)
      expect(new Set(a.reviewerIds).size).toBe(2)
      for (const [caseAgency, reviewerAgency] of ownerOf(cases, members)(a)) expect(reviewerAgency).not.toBe(caseAgency)
      expect(a.reviewerIds).not.toContain('lead')
    }
  })

  it('uses a lead only when no reviewer of another agency is left', () => {
    const cases = [file('c1', 'A', 10)]
    const r = assignBalanced(cases, [member('m1', 'A'), member('lead', 'D', 'lead')], { reviewersPerCase: 1 })
    expect(r.assignments).toEqual([{ caseId: 'c1', reviewerIds: ['lead'] }])
    const two = assignBalanced(cases, [member('m1', 'B'), member('lead', 'D', 'lead')], { reviewersPerCase: 2 })
    expect(two.assignments).toEqual([{ caseId: 'c1', reviewerIds: ['m1', 'lead'] }])
  })

  it('reports files only same-agency members could review', () => {
    const cases = [file('c1', 'A', 10), file('c2', 'B', 5)]
    const r = assignBalanced(cases, [member('m1', 'A'), member('m2', 'A', 'lead')], { reviewersPerCase: 1 })
    expect(r.assignments).toEqual([{ caseId: 'c2', reviewerIds: ['m1'] }])
    expect(r.unassignable).toEqual([{ caseId: 'c1', reason: expect.stringContaining('交叉评查') }])
  })

  it('reports a file that gets fewer reviewers than asked, and keeps the one it got', () => {
    const r = assignBalanced([file('c1', 'A', 10)], [member('m1', 'A'), member('m2', 'B')], { reviewersPerCase: 2 })
    expect(r.assignments).toEqual([{ caseId: 'c1', reviewerIds: ['m2'] }])
    expect(r.unassignable).toEqual([{ caseId: 'c1', reason: '只有 1 名评查组成员不属于被评查单位，已分配 1 人，少于每卷 2 人的要求' }])
    expect(assignBalanced([file('c1', 'A', 1)], [], { reviewersPerCase: 1 }).unassignable[0]?.reason).toContain('没有成员')
  })

  it('keeps existing assignments, counts their pages, and tops them up', () => {
    const cases = [file('c1', 'A', 50), file('c2', 'A', 10), file('c3', 'A', 10)]
    // c1 was given to m1 earlier: it stays, and its 50 pages make m2 the least loaded for c2 and c3.
    const existing = [{ caseId: 'c1', reviewerIds: ['m1'] }]
    const r = assignBalanced(cases, [member('m1', 'B'), member('m2', 'C')], { reviewersPerCase: 1, existing })
    expect(r.assignments).toEqual([
      { caseId: 'c1', reviewerIds: ['m1'] },
      { caseId: 'c2', reviewerIds: ['m2'] },
      { caseId: 'c3', reviewerIds: ['m2'] },
    ])
    const topped = assignBalanced(cases, [member('m1', 'B'), member('m2', 'C')], { reviewersPerCase: 2, existing })
    expect(topped.assignments[0]).toEqual({ caseId: 'c1', reviewerIds: ['m1', 'm2'] })
  })

  it('passes through existing assignments for files not in the batch', () => {
    const r = assignBalanced([file('c1', 'A', 5)], [member('m1', 'B')], { reviewersPerCase: 1, existing: [{ caseId: 'old', reviewerIds: ['m1'] }] })
    expect(r.assignments).toEqual([
      { caseId: 'c1', reviewerIds: ['m1'] },
      { caseId: 'old', reviewerIds: ['m1'] },
    ])
  })

  it('refuses duplicate ids and bad page counts', () => {
    expect(() => assignBalanced([file('c', 'A', 1), file('c', 'A', 1)], members, { reviewersPerCase: 1 })).toThrow(RangeError)
    expect(() => assignBalanced([file('c', 'A', 1)], [member('m', 'B'), member('m', 'C')], { reviewersPerCase: 1 })).toThrow(RangeError)
    expect(() => assignBalanced([file('c', 'A', -1)], members, { reviewersPerCase: 1 })).toThrow(RangeError)
  })

  const agencies = ['A', 'B', 'C', 'D', 'E']
  const panel = fc.uniqueArray(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name: fc.constant('评查员'), agencyId: fc.constantFrom(...agencies), role: fc.constantFrom<PanelMember['role']>('reviewer', 'reviewer', 'lead') }),
    { selector: (m) => m.id, maxLength: 10 },
  )
  const batch = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), agencyId: fc.constantFrom(...agencies), pageCount: fc.integer({ min: 0, max: 400 }) }), { selector: (c) => c.id, maxLength: 40 })
  const perCase = fc.constantFrom<1 | 2>(1, 2)

  it('property: never own agency, right number of distinct reviewers, leads only as a fallback, order-independent', () => {
    fc.assert(
      fc.property(batch, panel, perCase, (cases, members, reviewersPerCase) => {
        const r = assignBalanced(cases, members, { reviewersPerCase })
        const byId = new Map(members.map((m) => [m.id, m]))
        const assigned = new Map(r.assignments.map((a) => [a.caseId, a.reviewerIds]))
        const short = new Set(r.unassignable.map((u) => u.caseId))
        for (const c of cases) {
          const ids = assigned.get(c.id) ?? []
          const eligible = members.filter((m) => m.agencyId !== c.agencyId)
          expect(new Set(ids).size).toBe(ids.length)
          expect(ids.length).toBe(Math.min(reviewersPerCase, eligible.length))
          expect(short.has(c.id)).toBe(eligible.length < reviewersPerCase)
          for (const id of ids) expect(byId.get(id)?.agencyId).not.toBe(c.agencyId)
          const reviewersEligible = eligible.filter((m) => m.role === 'reviewer').length
          const leadsUsed = ids.filter((id) => byId.get(id)?.role === 'lead').length
          expect(leadsUsed).toBe(Math.max(0, ids.length - reviewersEligible))
        }
        expect(assignBalanced([...cases].reverse(), [...members].reverse(), { reviewersPerCase })).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })

  it('property: when every reviewer may take every file, pages differ by at most the largest file', () => {
    // Panel members from agencies with no file in the batch (e.g. the justice bureau, lawyers): no exclusions.
    const outsiders = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name: fc.constant('评查员'), agencyId: fc.constantFrom('X', 'Y'), role: fc.constant<PanelMember['role']>('reviewer') }), { selector: (m) => m.id, minLength: 2, maxLength: 8 })
    fc.assert(
      fc.property(batch, outsiders, perCase, (cases, members, reviewersPerCase) => {
        const r = assignBalanced(cases, members, { reviewersPerCase })
        expect(r.unassignable).toEqual([])
        const load = workloads(r.assignments, cases)
        const pages = members.map((m) => load[m.id]?.pages ?? 0)
        const largest = Math.max(0, ...cases.map((c) => c.pageCount))
        expect(Math.max(...pages) - Math.min(...pages)).toBeLessThanOrEqual(largest)
      }),
      { numRuns: 300 },
    )
  })
})

describe('checkCrossReview', () => {
  const m = member('m1', 'A')

  it('allows a member of another agency without an override', () => {
    expect(checkCrossReview('B', m)).toEqual({ ok: true, overridden: false })
  })

  it('refuses a member of the reviewed agency, in Chinese', () => {
    const r = checkCrossReview('A', m)
    expect(r).toEqual({ ok: false, message: expect.stringContaining('不得评查本单位案卷') })
  })

  it.each(['', '  ', '是', ' 是 '])('an override needs a reason of at least 2 characters (%j)', (reason) => {
    const r = checkCrossReview('A', m, { caseId: 'c1', reviewerId: 'm1', reason })
    expect(r).toEqual({ ok: false, message: expect.stringContaining('至少 2 个字') })
  })

  it('accepts an override with a reason, and only for the member it names', () => {
    expect(checkCrossReview('A', m, { caseId: 'c1', reviewerId: 'm1', reason: '专业所需' })).toEqual({ ok: true, overridden: true })
    expect(checkCrossReview('A', m, { caseId: 'c1', reviewerId: 'm2', reason: '专业所需' })).toEqual({ ok: false, message: expect.stringContaining('另一名') })
  })
})

describe('workloads', () => {
  it('sums files and pages per reviewer; unknown files count with 0 pages', () => {
    const cases = [file('c1', 'A', 12), file('c2', 'B', 30)]
    const w = workloads([{ caseId: 'c1', reviewerIds: ['r1', 'r2'] }, { caseId: 'c2', reviewerIds: ['r1'] }, { caseId: 'gone', reviewerIds: ['r2'] }], cases)
    expect(w).toEqual({ r1: { cases: 2, pages: 42 }, r2: { cases: 2, pages: 12 } })
  })
})
