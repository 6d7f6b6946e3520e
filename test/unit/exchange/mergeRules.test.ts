import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalJson, type Decision } from '../../../scoring/index'
import { ABSENT, knownOf, mergeRecords, mergeReview, mergeUnit, recordReceived, resolveConflict, unitKey, unsafePathReason, type ReviewSide, type SyncState } from '../../../scoring/exchange/index'

const c = (v: unknown) => canonicalJson(v)
const conforming = (itemId: string): Decision => ({ itemId, kind: 'conforming' })
const na = (itemId: string, reason = '不适用'): Decision => ({ itemId, kind: 'na', reason })
const side = (decisions: Decision[], state = 'in-progress'): ReviewSide => ({ id: 'r1', decisions, workflow: { state, highlights: '', disputes: [], comments: [] } })
const knownFrom = (entries: Record<string, unknown>) => (key: string) => (key in entries ? [c(entries[key])] : [])

describe('mergeUnit: the three-way rule', () => {
  it('local equal to base takes the incoming value; incoming equal to base keeps the local one', () => {
    expect(mergeUnit({ local: 'A', incoming: 'B', known: ['A'], locked: false }).outcome).toBe('taken')
    expect(mergeUnit({ local: 'B', incoming: 'A', known: ['A'], locked: false }).outcome).toBe('kept')
    expect(mergeUnit({ local: 'B', incoming: 'B', known: ['A'], locked: false }).outcome).toBe('same')
  })
  it('both changed and different is a conflict', () => {
    expect(mergeUnit({ local: 'B', incoming: 'C', known: ['A'], locked: false })).toEqual({ outcome: 'conflict', reason: 'both-changed' })
  })
  it('a unit never exchanged counts as absent on both sides', () => {
    expect(mergeUnit({ local: ABSENT, incoming: 'X', known: [], locked: false }).outcome).toBe('added')
    expect(mergeUnit({ local: 'X', incoming: ABSENT, known: [], locked: false }).outcome).toBe('kept')
    expect(mergeUnit({ local: 'X', incoming: 'Y', known: [], locked: false }).outcome).toBe('conflict')
  })
  it('a finalised (locked) local side is never changed silently', () => {
    expect(mergeUnit({ local: 'A', incoming: 'B', known: ['A'], locked: true })).toEqual({ outcome: 'conflict', reason: 'finalised' })
    expect(mergeUnit({ local: 'A', incoming: 'A', known: [], locked: true }).outcome).toBe('same')
    expect(mergeUnit({ local: 'B', incoming: 'A', known: ['A'], locked: true }).outcome).toBe('kept')
  })
})

describe('mergeReview', () => {
  it('merges item by item against the base', () => {
    const base = { [unitKey.decision('r1', 'a')]: conforming('a'), [unitKey.decision('r1', 'b')]: conforming('b'), [unitKey.workflow('r1')]: side([]).workflow }
    const local = side([conforming('a'), na('b', '本机')])
    const incoming = side([na('a', '导入'), conforming('b'), conforming('c')])
    const m = mergeReview(local, incoming, knownFrom(base))
    expect(m.conflicts).toEqual([])
    expect(m.status).toBe('updated')
    expect(m.decisions).toEqual([na('a', '导入'), na('b', '本机'), conforming('c')])
  })
  it('the same item changed on both sides is listed, not overwritten', () => {
    const base = { [unitKey.decision('r1', 'a')]: conforming('a') }
    const m = mergeReview(side([na('a', '本机理由')]), side([na('a', '导入理由')]), knownFrom(base))
    expect(m.decisions).toEqual([na('a', '本机理由')])
    expect(m.conflicts).toHaveLength(1)
    expect(m.conflicts[0]).toMatchObject({ kind: 'decision', reason: 'both-changed', itemId: 'a', local: na('a', '本机理由'), incoming: na('a', '导入理由') })
    expect(m.received).not.toHaveProperty(unitKey.decision('r1', 'a'))
  })
  it('a finalised review is a conflict unless identical', () => {
    const base = { [unitKey.decision('r1', 'a')]: conforming('a') }
    const local = side([conforming('a')], 'finalised')
    const m = mergeReview(local, { ...side([na('a')]), workflow: local.workflow }, knownFrom(base))
    expect(m.conflicts.map((x) => x.reason)).toEqual(['finalised'])
    expect(m.decisions).toEqual([conforming('a')])
    expect(mergeReview(local, local, knownFrom(base)).conflicts).toEqual([])
  })
  it('an item the other side cleared is cleared here when this side left it alone', () => {
    const key = unitKey.decision('r1', 'a')
    const m = mergeReview(side([conforming('a')]), side([]), knownFrom({ [key]: conforming('a') }), [key])
    expect(m.decisions).toEqual([])
    expect(m.status).toBe('updated')
  })
  it('choosing resolves to an audit entry and remembers the incoming value', () => {
    const m = mergeReview(side([na('a', '本机')]), side([na('a', '导入')]), knownFrom({ [unitKey.decision('r1', 'a')]: conforming('a') }))
    const r = resolveConflict(m.conflicts[0]!, 'incoming')
    expect(r.apply).toBe(true)
    expect(r.value).toEqual(na('a', '导入'))
    expect(r.audit).toMatchObject({ action: 'exchange.resolve', subject: { kind: 'review', id: 'r1' }, after: { choice: 'incoming' } })
    expect(r.received).toEqual([unitKey.decision('r1', 'a'), c(na('a', '导入'))])
    expect(resolveConflict(m.conflicts[0]!, 'local').apply).toBe(false)
  })
})

describe('mergeRecords', () => {
  const mark = (id: string, note: string, updatedAt: string) => ({ id, caseId: 'f1', note, updatedAt })
  it('adds new records, takes records changed only there, lists records changed on both sides', () => {
    const base = mark('m1', '原', 't0')
    const local = new Map([[unitKey.mark('m1'), mark('m1', '本机', 't1')], [unitKey.mark('m2'), mark('m2', '未变', 't0')]])
    const incoming = new Map([[unitKey.mark('m1'), mark('m1', '导入', 't2')], [unitKey.mark('m2'), mark('m2', '导入改', 't3')], [unitKey.mark('m3'), mark('m3', '新', 't3')]])
    const known = knownFrom({ [unitKey.mark('m1')]: base, [unitKey.mark('m2')]: mark('m2', '未变', 't0') })
    const r = mergeRecords('mark', incoming.keys(), (k) => local.get(k), (k) => incoming.get(k), known, (x) => x.caseId)
    expect(r.counts).toEqual({ added: 1, updated: 1, unchanged: 0 })
    expect(r.put.map((x) => x.id).sort()).toEqual(['m2', 'm3'])
    expect(r.conflicts).toMatchObject([{ kind: 'mark', caseId: 'f1', reason: 'both-changed' }])
  })
})

describe('paths', () => {
  it('refuses anything that could leave the package folder', () => {
    for (const bad of ['../evil.json', 'data/../../x', '/etc/passwd', 'C:/x', 'c:x', 'a\\b', 'a//b', './a', '']) expect(unsafePathReason(bad), bad).not.toBeNull()
    for (const ok of ['manifest.json', 'data/campaign.json', `blobs/${'a'.repeat(64)}`]) expect(unsafePathReason(ok)).toBeNull()
  })
})

// Idempotency: a package merged twice leaves exactly what merging it once left, with or without the memory of the first.
const item = fc.constantFrom('a', 'b', 'c')
const decision: fc.Arbitrary<Decision> = fc.oneof(
  item.map((itemId) => conforming(itemId)),
  fc.tuple(item, fc.constantFrom('甲', '乙', '丙')).map(([itemId, reason]) => na(itemId, reason)),
)
const decisions = fc.uniqueArray(decision, { selector: (d) => d.itemId, maxLength: 3 })
const state = fc.constantFrom('in-progress', 'submitted', 'finalised')

describe('merge is idempotent (fast-check)', () => {
  it('merge(merge(local, p), p) == merge(local, p)', () => {
    fc.assert(
      fc.property(decisions, decisions, decisions, state, state, (base, local, incoming, ls, is) => {
        const baseSide = side(base)
        const baseKnown: Record<string, string> = {}
        for (const d of base) baseKnown[unitKey.decision('r1', d.itemId)] = c(d)
        baseKnown[unitKey.workflow('r1')] = c(baseSide.workflow)
        const sync: SyncState = { base: baseKnown, received: {} }
        const pkg = side(incoming, is)
        const keys = Object.keys(baseKnown)

        const once = mergeReview(side(local, ls), pkg, knownOf(sync, {}), keys)
        const afterOnce = recordReceived(sync, once.received)
        const twice = mergeReview({ id: 'r1', decisions: once.decisions, workflow: once.workflow }, pkg, knownOf(afterOnce, {}), keys)
        expect(c(twice.decisions)).toBe(c(once.decisions))
        expect(c(twice.workflow)).toBe(c(once.workflow))
        expect(twice.status).toBe('unchanged')
        expect(twice.conflicts.map((x) => x.key)).toEqual(once.conflicts.map((x) => x.key))
        expect(c(recordReceived(afterOnce, twice.received))).toBe(c(afterOnce))

        // Without remembering anything (the package's base only), merging again still changes nothing.
        const stateless = mergeReview({ id: 'r1', decisions: once.decisions, workflow: once.workflow }, pkg, knownOf(sync, {}), keys)
        expect(c(stateless.decisions)).toBe(c(once.decisions))
        expect(stateless.status).toBe('unchanged')
      }),
      { numRuns: 500 },
    )
  })
})
