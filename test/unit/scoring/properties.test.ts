import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { isHundredths, lowestBand, scoreReview, toCents } from '@scoring/index'
import { decisionsArb, naCandidates } from './arbitraries'
import { baseRubric, review } from './fixtures'
import { ok, valid } from './helpers'

const root = resolve(import.meta.dirname, '../../..')
const template = (name: string): Rubric => valid(JSON.parse(readFileSync(resolve(root, 'resources/rubrics', name), 'utf8')))
const base = baseRubric()
const rubrics: [string, Rubric][] = [
  ['test rubric (rescale)', valid(base)],
  ['test rubric (exclude)', valid({ ...base, policies: { ...base.policies, na: 'exclude' } })],
  ['test rubric (fullPoints, bonus may exceed)', valid({ ...base, policies: { ...base.policies, na: 'fullPoints' }, bonus: { ...base.bonus!, mayExceedTotal: true } })],
  ['DB32 B penalty', template('db32-4181-b-penalty.json')],
  ['DB32 A licensing', template('db32-4181-a-licensing.json')],
  ['DB32 C enforcement', template('db32-4181-c-enforcement.json')],
  ['surveying', template('surveying-penalty.json')],
  ['Beijing subtractive', template('beijing-penalty-subtractive.json')],
]
const shape = { vetoes: true, bonus: true, undecided: true }

describe.each(rubrics)('invariants: %s', (_name, rubric) => {
  const T = toCents(rubric.total)

  it('every generated review scores, within [0, total] unless bonus may exceed it, exactly to 0.01', () => {
    fc.assert(
      fc.property(decisionsArb(rubric, shape), (decisions) => {
        const r = ok(scoreReview(rubric, review(decisions, { rubricId: rubric.id, rubricVersion: rubric.version })))
        expect(isHundredths(r.total)).toBe(true)
        expect(toCents(r.total)).toBeGreaterThanOrEqual(0)
        if (!rubric.bonus?.mayExceedTotal) {
          expect(toCents(r.total)).toBeLessThanOrEqual(toCents(r.maxEffective))
          expect(toCents(r.maxEffective)).toBeLessThanOrEqual(T)
        }
        expect(r.totalText).toBe(String(r.total))
        for (const i of r.items) if (i.awarded !== null && i.max !== null) expect(i.awarded).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 150 },
    )
  })

  it('a veto always forces the lowest band', () => {
    const lowest = lowestBand(rubric.bands).id
    fc.assert(
      fc.property(decisionsArb(rubric, shape), (decisions) => {
        const r = ok(scoreReview(rubric, review(decisions, { rubricId: rubric.id, rubricVersion: rubric.version })))
        if (r.veto.hit) expect(r.grade.id).toBe(lowest)
        if (r.veto.effect === 'zero' || r.veto.effect === 'stop') expect(r.total).toBe(0)
      }),
      { numRuns: 150 },
    )
  })

  it('the order of decisions does not matter', () => {
    fc.assert(
      fc.property(decisionsArb(rubric, shape).chain((ds) => fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length }))), ([a, b]) => {
        const ra = ok(scoreReview(rubric, review(a, { rubricId: rubric.id, rubricVersion: rubric.version })))
        const rb = ok(scoreReview(rubric, review(b, { rubricId: rubric.id, rubricVersion: rubric.version })))
        expect(rb.totalText).toBe(ra.totalText)
        expect(rb.grade).toEqual(ra.grade)
      }),
      { numRuns: 60 },
    )
  })
})

describe('N/A rescaling keeps the order of two reviews', () => {
  const rescale = valid(base)
  const exclude = valid({ ...base, policies: { ...base.policies, na: 'exclude' } })
  it('if A earns no more than B on the applicable items, A’s rescaled score is no higher than B’s', () => {
    const cands = naCandidates(rescale)
    fc.assert(
      fc.property(
        fc.subarray(cands).chain((na) => {
          const set = new Set(na)
          const arb = decisionsArb(rescale, { vetoes: false, bonus: false, undecided: false }, set)
          return fc.tuple(arb, arb)
        }),
        ([a, b]) => {
          const rawA = ok(scoreReview(exclude, review(a))).total
          const rawB = ok(scoreReview(exclude, review(b))).total
          const sa = ok(scoreReview(rescale, review(a))).total
          const sb = ok(scoreReview(rescale, review(b))).total
          if (rawA <= rawB) expect(sa).toBeLessThanOrEqual(sb)
          if (rawA >= rawB) expect(sa).toBeGreaterThanOrEqual(sb)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('capped mode without N/A, veto or bonus: total = declared total − Σ item deductions', () => {
  it('holds exactly', () => {
    const rubric = valid(base)
    const noNa = new Set<string>()
    fc.assert(
      fc.property(decisionsArb(rubric, { vetoes: false, bonus: false, undecided: true }, noNa), (decisions) => {
        const r = ok(scoreReview(rubric, review(decisions)))
        const sum = r.items.reduce((s, i) => s + toCents(i.deducted), 0)
        expect(toCents(r.total)).toBe(toCents(rubric.total) - sum)
        for (const i of r.items) if (i.max !== null && i.awarded !== null) expect(toCents(i.awarded) + toCents(i.deducted)).toBe(toCents(i.max))
      }),
      { numRuns: 150 },
    )
  })
})
