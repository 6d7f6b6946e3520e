import { describe, expect, it } from 'vitest'
import type { Decision, ItemScore, ScoreResult } from '@scoring/index'
import { compareScores, DEFAULT_TOLERANCE_CENTS, describeComparison, leniency } from '@scoring/index'
import { baseRubric } from '../scoring/fixtures'
import { scoreWith, valid } from '../scoring/helpers'

/** Only the fields compareScores reads matter; the rest is filler of the right shape. */
function result(total: number, opts: { veto?: boolean; items?: Partial<ItemScore>[] } = {}): ScoreResult {
  const items = (opts.items ?? []).map((i) => ({ name: i.itemId ?? '', layer: 'scored', sectionId: 'S1', max: 10, awarded: 10, deducted: 0, bonus: 0, status: 'conforming', deductions: [], trace: [], ...i }) as ItemScore)
  return {
    rubricId: 'r', rubricVersion: 1, reviewId: 'x', items, sections: [], declaredTotal: 100, base: total, bonus: 0, total,
    totalText: String(total), maxEffective: 100, gradeScore: total, grade: { id: 'g', name: 'g' },
    veto: { hit: opts.veto ?? false, effect: opts.veto ? 'zero' : null, items: [] }, scoringStopped: false, complete: true, undecided: [], trace: [],
  }
}

describe('compareScores', () => {
  it.each([
    { a: 90, b: 85, diff: 500, arbitrate: false }, // exactly 5.00 apart: still agreement
    { a: 85, b: 90, diff: 500, arbitrate: false },
    { a: 90, b: 84.99, diff: 501, arbitrate: true }, // 5.01 apart
    { a: 84.99, b: 90, diff: 501, arbitrate: true },
    { a: 0.1 + 0.2, b: 0.3, diff: 0, arbitrate: false }, // float noise is not a difference
    { a: 100, b: 100, diff: 0, arbitrate: false },
  ])('$a vs $b → $diff cents, arbitration $arbitrate', ({ a, b, diff, arbitrate }) => {
    const c = compareScores(result(a), result(b), DEFAULT_TOLERANCE_CENTS)
    expect(c.differenceCents).toBe(diff)
    expect(c.needsArbitration).toBe(arbitrate)
  })

  it('a veto on exactly one side needs arbitration even with equal totals', () => {
    expect(compareScores(result(0, { veto: true }), result(0), 500)).toMatchObject({ needsArbitration: true, vetoDisagreement: true })
    expect(compareScores(result(0), result(0, { veto: true }), 500).needsArbitration).toBe(true)
    expect(compareScores(result(0, { veto: true }), result(2, { veto: true }), 500)).toMatchObject({ needsArbitration: false, vetoDisagreement: false })
  })

  it('lists the items where the two differ in points or status', () => {
    const a = result(95, { items: [{ itemId: 'S1-1', deducted: 2, status: 'deducted' }, { itemId: 'S1-2' }, { itemId: 'S1-3', status: 'na' }, { itemId: 'B1', layer: 'bonus', bonus: 1.5 }] })
    const b = result(96, { items: [{ itemId: 'S1-1', deducted: 1.5, status: 'deducted' }, { itemId: 'S1-2' }, { itemId: 'S1-3' }, { itemId: 'B1', layer: 'bonus', bonus: 1.5 }] })
    expect(compareScores(a, b, 500).items).toEqual([
      { itemId: 'S1-1', aCents: -200, bCents: -150, aStatus: 'deducted', bStatus: 'deducted' },
      { itemId: 'S1-3', aCents: 0, bCents: 0, aStatus: 'na', bStatus: 'conforming' },
    ])
  })

  it('works on real engine results', () => {
    const rubric = valid(baseRubric())
    const ded = (itemId: string, ruleId: string, extra: Record<string, unknown> = {}): Decision => ({ itemId, kind: 'deducted', deductions: [{ ruleId, reason: '测试', ...extra }] }) as Decision
    const strict = scoreWith(rubric, [ded('S2-3', 'S2-3-a', { amount: 5 })])
    const mild = scoreWith(rubric, [])
    const vetoed = scoreWith(rubric, [{ itemId: 'V1', kind: 'veto', reason: '执法主体不合法' }])
    const c = compareScores(strict, mild, 500)
    expect(c).toMatchObject({ differenceCents: 500, needsArbitration: false, items: [{ itemId: 'S2-3', aCents: -500, bCents: 0, aStatus: 'deducted', bStatus: 'conforming' }] })
    expect(compareScores(vetoed, mild, 500)).toMatchObject({ needsArbitration: true, vetoDisagreement: true })
  })

  it('refuses results of different rubric versions and a bad tolerance', () => {
    expect(() => compareScores(result(1), { ...result(1), rubricVersion: 2 }, 500)).toThrow(/评查标准不同/)
    expect(() => compareScores(result(1), result(1), -1)).toThrow(RangeError)
    expect(() => compareScores(result(1), result(1), 0.5)).toThrow(RangeError)
  })

  it('describes the outcome in Chinese', () => {
    expect(describeComparison(compareScores(result(90), result(84.99), 500), 500)).toBe('两名评查人员评分相差 5.01 分（允许差 5 分）；超过允许差，需评查组长裁定。')
    expect(describeComparison(compareScores(result(90), result(85), 500), 500)).toBe('两名评查人员评分相差 5 分（允许差 5 分）；在允许范围内，无需裁定。')
  })
})

describe('leniency', () => {
  it('compares each reviewer mean with the panel mean (hand-computed)', () => {
    // r1: 300, 500, 400 → mean 400.   r2: 100, 200 → mean 150.   r3: 1000 → mean 1000.
    // panel: 2500 / 6 = 416.67 → 417 (half up).  deltas: r3 +583, r1 −17, r2 −267.
    const rows = [
      { reviewerId: 'r1', deductedCents: 300 },
      { reviewerId: 'r2', deductedCents: 100 },
      { reviewerId: 'r1', deductedCents: 500 },
      { reviewerId: 'r3', deductedCents: 1000 },
      { reviewerId: 'r2', deductedCents: 200 },
      { reviewerId: 'r1', deductedCents: 400 },
    ]
    expect(leniency(rows)).toEqual([
      { reviewerId: 'r3', files: 1, meanDeductionCents: 1000, panelMeanCents: 417, deltaCents: 583 },
      { reviewerId: 'r1', files: 3, meanDeductionCents: 400, panelMeanCents: 417, deltaCents: -17 },
      { reviewerId: 'r2', files: 2, meanDeductionCents: 150, panelMeanCents: 417, deltaCents: -267 },
    ])
  })

  it('rounds half up and breaks equal deltas by reviewer id', () => {
    const rows = [
      { reviewerId: 'b', deductedCents: 1 },
      { reviewerId: 'b', deductedCents: 2 },
      { reviewerId: 'a', deductedCents: 2 },
      { reviewerId: 'a', deductedCents: 0 },
    ]
    // b: (1 + 2) / 2 = 1.5 → 2; a: (2 + 0) / 2 = 1; panel: 5 / 4 = 1.25 → 1.
    expect(leniency(rows)).toEqual([
      { reviewerId: 'b', files: 2, meanDeductionCents: 2, panelMeanCents: 1, deltaCents: 1 },
      { reviewerId: 'a', files: 2, meanDeductionCents: 1, panelMeanCents: 1, deltaCents: 0 },
    ])
    const tied = leniency([{ reviewerId: 'z', deductedCents: 5 }, { reviewerId: 'y', deductedCents: 5 }])
    expect(tied.map((r) => r.reviewerId)).toEqual(['y', 'z'])
  })

  it('is empty for no rows and refuses negative or fractional cents', () => {
    expect(leniency([])).toEqual([])
    expect(() => leniency([{ reviewerId: 'a', deductedCents: -1 }])).toThrow(RangeError)
    expect(() => leniency([{ reviewerId: 'a', deductedCents: 1.5 }])).toThrow(RangeError)
  })
})
