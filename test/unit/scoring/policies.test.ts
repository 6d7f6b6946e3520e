import { describe, expect, it } from 'vitest'
import type { Decision, Rubric } from '@scoring/index'
import { bandFor, scoreReview, toCents } from '@scoring/index'
import { baseRubric, review } from './fixtures'
import { ok, scoreWith, valid } from './helpers'

const ded = (itemId: string, ...deductions: Record<string, unknown>[]): Decision =>
  ({ itemId, kind: 'deducted', deductions: deductions.map((d) => ({ reason: '测试', ...d })) }) as Decision
const na = (itemId: string): Decision => ({ itemId, kind: 'na', reason: '未申请听证' })
const veto = (itemId: string, vetoId?: string): Decision => (vetoId ? { itemId, kind: 'veto', vetoId, reason: '测试' } : { itemId, kind: 'veto', reason: '测试' })
const bonus = (itemId: string, amount: number): Decision => ({ itemId, kind: 'bonus', amount, reason: '测试' })

function withPolicy(p: Partial<Rubric['policies']>, over: Partial<Rubric> = {}): Rubric {
  const r = baseRubric(over)
  return valid({ ...r, policies: { ...r.policies, ...p } })
}

describe('N/A policies', () => {
  // S3-1 (10 points) is N/A; S2-1 loses 3.5: earned 86.5 of 90 applicable points.
  const decisions = [na('S3-1'), ded('S2-1', { ruleId: 'S2-1-a', occurrences: 3 }, { ruleId: 'S2-1-b', occurrences: 2 })]
  it.each([
    { na: 'rescale' as const, total: '96.11', maxEffective: 100, gradeScore: 96.11, grade: '优秀' },
    { na: 'fullPoints' as const, total: '96.5', maxEffective: 100, gradeScore: 96.5, grade: '优秀' },
    { na: 'exclude' as const, total: '86.5', maxEffective: 90, gradeScore: 96.11, grade: '优秀' },
  ])('$na', ({ na: policy, total, maxEffective, gradeScore, grade }) => {
    const r = scoreWith(withPolicy({ na: policy }), decisions)
    expect(r.totalText).toBe(total)
    expect(r.maxEffective).toBe(maxEffective)
    expect(r.gradeScore).toBe(gradeScore)
    expect(r.grade.name).toBe(grade)
    const item = r.items.find((i) => i.itemId === 'S3-1')!
    expect(item.status).toBe('na')
    expect(item.naReason).toBe('未申请听证')
    expect(item.awarded).toBe(policy === 'fullPoints' ? 10 : null)
  })

  it('exclude grades on the converted score: 72 of 90 is 80 → 合格', () => {
    const r = scoreWith(withPolicy({ na: 'exclude' }), [na('S3-1'), ded('S3-2', { ruleId: 'S3-2-a', occurrences: 6 })])
    expect(r.totalText).toBe('72')
    expect(r.gradeScore).toBe(80)
    expect(r.grade.id).toBe('pass')
  })

  it('rescale explains the conversion in the trace', () => {
    const r = scoreWith(withPolicy({ na: 'rescale' }), decisions)
    expect(r.trace.map((l) => l.text)).toContain('不适用项合计10分，按适用项折算为满分制：86.5 ÷ 90 × 100 = 96.11分（四舍五入到0.01分）')
    expect(r.sections.find((s) => s.sectionId === 'S3')).toMatchObject({ max: 50, maxApplicable: 40, awarded: 40, deducted: 0 })
  })

  it('two N/A items under rescale', () => {
    const r = scoreWith(withPolicy({ na: 'rescale' }), [na('S3-1'), na('S3-3'), ded('S1-1', { ruleId: 'S1-1-a' })])
    expect(r.totalText).toBe('98.75') // 79 / 80 × 100
  })
})

describe('floor modes', () => {
  it('capped mode: a section never goes below 0 even when every item is fully deducted', () => {
    const r = scoreWith(valid(baseRubric()), [ded('S1-1', { ruleId: 'S1-1-a' }), ded('S1-2', { ruleId: 'S1-2-a', elements: ['姓名', '性别', '出生日期', '身份证件号码', '住址', '联系电话', '工作单位', '职业'] }), ded('S1-3', { ruleId: 'S1-3-a' }, { ruleId: 'S1-3-b', occurrences: 9 })])
    expect(r.sections[0]).toMatchObject({ awarded: 1, deducted: 9 })
    expect(r.totalText).toBe('91')
  })

  const globalRubric = (): Rubric =>
    valid({
      ...baseRubric({ basic: undefined, bonus: undefined }),
      policies: { floor: 'global', na: 'fullPoints', vetoEffect: 'zero' },
      sections: [
        { id: 'D1', name: '决定书', items: [{ id: 'D1-1', name: '决定书', rules: [{ id: 'D1-1-a', kind: 'perOccurrence', text: '不规范', category: 'document', amount: 10 }, { id: 'D1-1-b', kind: 'fixed', text: '无日期', category: 'document', amount: 0.5 }] }] },
        { id: 'D2', name: '送达回证', points: 15, items: [{ id: 'D2-1', name: '送达回证', rules: [{ id: 'D2-1-a', kind: 'perOccurrence', text: '超期送达', category: 'procedure', amount: 10 }] }] },
      ],
    })

  it('global mode: 100 − Σ deductions', () => {
    const r = scoreWith(globalRubric(), [ded('D1-1', { ruleId: 'D1-1-a', occurrences: 3 }, { ruleId: 'D1-1-b' })])
    expect(r.totalText).toBe('69.5')
    expect(r.items.find((i) => i.itemId === 'D1-1')).toMatchObject({ max: null, awarded: null, deducted: 30.5 })
    expect(r.sections[0]).toMatchObject({ max: null, awarded: null, deducted: 30.5 })
  })

  it('global mode: floored at 0, never negative', () => {
    const r = scoreWith(globalRubric(), [ded('D1-1', { ruleId: 'D1-1-a', occurrences: 12 })])
    expect(r.total).toBe(0)
    expect(r.trace.some((l) => l.text.includes('按0分计（不计负分）'))).toBe(true)
  })

  it('global mode: a section with points caps its deductions', () => {
    const r = scoreWith(globalRubric(), [ded('D2-1', { ruleId: 'D2-1-a', occurrences: 2 })])
    expect(r.sections[1]).toMatchObject({ max: 15, deducted: 15, awarded: 0 })
    expect(r.items.find((i) => i.itemId === 'D2-1')!.deductions[0]).toMatchObject({ requested: 20, applied: 15 })
    expect(r.totalText).toBe('85')
  })
})

describe('bonus', () => {
  it('is capped in total and by the declared total', () => {
    const r = scoreWith(valid(baseRubric()), [bonus('B1', 2.5), bonus('B2', 3)])
    expect(r.bonus).toBe(5)
    expect(r.totalText).toBe('100')
  })
  it('adds on top of deductions', () => {
    const r = scoreWith(valid(baseRubric()), [ded('S3-2', { ruleId: 'S3-2-a', occurrences: 3 }), bonus('B1', 2.5), bonus('B2', 3)])
    expect(r.base).toBe(91)
    expect(r.bonus).toBe(5)
    expect(r.totalText).toBe('96')
  })
  it('may exceed the total when the rubric says so', () => {
    const base = baseRubric()
    const r = scoreWith(valid({ ...base, bonus: { ...base.bonus!, mayExceedTotal: true } }), [bonus('B1', 2.5), bonus('B2', 3)])
    expect(r.totalText).toBe('105')
    expect(r.grade.name).toBe('优秀')
  })
})

describe('vetoes', () => {
  it('basic layer, effect zero: total 0 and lowest band', () => {
    const r = scoreWith(valid(baseRubric()), [veto('V1'), bonus('B1', 2)])
    expect(r.total).toBe(0)
    expect(r.veto).toMatchObject({ hit: true, effect: 'zero' })
    expect(r.veto.items[0]).toMatchObject({ itemId: 'V1', vetoId: 'V1', category: { id: 'subject', name: '主体' } })
    expect(r.grade.id).toBe('fail')
  })
  it('basic layer, effect lowestBand: score kept, grade forced', () => {
    const r = scoreWith(valid(baseRubric()), [veto('V2'), ded('S1-1', { ruleId: 'S1-1-a' })])
    expect(r.totalText).toBe('99')
    expect(r.grade.id).toBe('fail')
    expect(r.veto.effect).toBe('lowestBand')
  })
  it('the strongest effect wins', () => {
    const r = scoreWith(valid(baseRubric()), [veto('V1'), veto('V2')])
    expect(r.veto.effect).toBe('zero')
    expect(r.veto.items).toHaveLength(2)
  })
  it('veto attached to an item uses the rubric default effect', () => {
    const r = scoreWith(valid(baseRubric()), [veto('S3-2', 'S3-2-v')])
    expect(r.total).toBe(0)
    expect(r.items.find((i) => i.itemId === 'S3-2')).toMatchObject({ status: 'veto', awarded: 0, deducted: 30 })
  })
  it('item veto with lowestBand keeps the rest of the score and costs the item', () => {
    const r = scoreWith(withPolicy({ vetoEffect: 'lowestBand' }), [veto('S3-2')])
    expect(r.totalText).toBe('70')
    expect(r.grade.name).toBe('不合格')
  })
  it('stop: 不合格卷, scoring stopped, complete without deciding the rest', () => {
    const base = baseRubric()
    const rubric = valid({ ...base, basic: { title: '基本标准', items: [{ id: 'V1', text: '执法主体不合法', category: 'subject', effect: 'stop' }] } })
    const r = ok(scoreReview(rubric, review([veto('V1')])))
    expect(r.scoringStopped).toBe(true)
    expect(r.complete).toBe(true)
    expect(r.total).toBe(0)
    expect(r.grade.id).toBe('fail')
  })
})

describe('grade bands', () => {
  const four = valid(baseRubric({
    units: undefined,
    bands: [
      { id: 'a', name: '优秀', min: 90 },
      { id: 'b', name: '良好', min: 80, below: 90 },
      { id: 'c', name: '合格', min: 60, below: 80 },
      { id: 'd', name: '不合格', min: 0, below: 60 },
    ],
  }))
  it.each([
    [100, '优秀'], [90, '优秀'], [89.99, '良好'], [80, '良好'], [79.5, '合格'], [60, '合格'], [59.99, '不合格'], [0, '不合格'],
  ])('4 bands, lower bound inclusive: %s → %s', (score, name) => expect(bandFor(four.bands, toCents(score)).name).toBe(name))

  it('scores a file into the 良好 band', () => {
    const r = scoreWith(four, [ded('S3-2', { ruleId: 'S3-2-a', occurrences: 5 }), ded('S2-3', { ruleId: 'S2-3-a', amount: 5 })])
    expect(r.totalText).toBe('80')
    expect(r.grade.name).toBe('良好')
  })
})

describe('incomplete reviews', () => {
  it('undecided items count as full points and the result is provisional', () => {
    const rubric = valid(baseRubric())
    const r = ok(scoreReview(rubric, review([ded('S2-1', { ruleId: 'S2-1-b', occurrences: 2 })])))
    expect(r.totalText).toBe('98')
    expect(r.complete).toBe(false)
    expect(r.undecided).toEqual(['V1', 'V2', 'S1-1', 'S1-2', 'S1-3', 'S2-2', 'S2-3', 'S3-1', 'S3-2', 'S3-3'])
    expect(r.items.find((i) => i.itemId === 'S1-1')!.status).toBe('unscored')
    expect(r.trace.at(-1)!.text).toContain('暂定分')
  })
})
