import { describe, expect, it } from 'vitest'
import type { Decision, FileOutcome } from '@scoring/index'
import { aggregateUnit, groupProblemsByCategory, listProblems, rankUnits } from '@scoring/index'
import { baseRubric } from './fixtures'
import { scoreWith, valid } from './helpers'

const rubric = valid(baseRubric())

describe('problem list', () => {
  it('lists deductions and vetoes with category, rule, reason and evidence', () => {
    const r = scoreWith(rubric, [
      { itemId: 'S2-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', occurrences: 5, reason: '五份笔录未告知', evidence: [{ page: 8, mark: 'm1', docType: 'inquiry-record' }] }] },
      { itemId: 'V2', kind: 'veto', reason: '超过两年', evidence: [{ page: 1 }] },
    ] as Decision[])
    const problems = listProblems(r)
    expect(problems).toEqual([
      { kind: 'veto', itemId: 'V2', itemName: '超过追诉时效', sectionId: null, ruleId: 'V2', ruleText: '超过追诉时效', category: { id: 'evidence', name: '事实证据' }, points: 0, reason: '超过两年', evidence: [{ page: 1 }] },
      { kind: 'deduction', itemId: 'S2-1', itemName: '询问笔录', sectionId: 'S2', ruleId: 'S2-1-a', ruleText: '询问笔录未载明告知事项', category: { id: 'procedure', name: '程序' }, points: 2, reason: '五份笔录未告知', evidence: [{ page: 8, mark: 'm1', docType: 'inquiry-record' }] },
    ])
    const grouped = groupProblemsByCategory(rubric, problems)
    expect(grouped.map((g) => [g.category.name, g.problems.length])).toEqual([['主体', 0], ['事实证据', 1], ['法律适用', 0], ['程序', 1], ['文书', 0], ['归档', 0]])
  })
})

describe('unit aggregation', () => {
  const file = (total: number, grade: string, veto = false): FileOutcome => ({ total, grade: { id: grade }, veto: { hit: veto } })

  it('mean banded, shares and the 优秀单位 rule (≥85 % 优秀 and 100 % 合格)', () => {
    // 6 of 7 files 优秀 = 85.71 %; all pass.
    const files = [file(95, 'excellent'), file(92.5, 'excellent'), file(90, 'excellent'), file(91, 'excellent'), file(99.5, 'excellent'), file(90.1, 'excellent'), file(70, 'pass')]
    const s = aggregateUnit(rubric, files)
    expect(s.files).toBe(7)
    expect(s.sum).toBe(628.1)
    expect(s.meanText).toBe('89.73') // 628.1 / 7 = 89.7285…
    expect(s.meanGrade).toEqual({ id: 'pass', name: '合格' })
    expect(s.bands.map((b) => [b.id, b.files, b.percent])).toEqual([['excellent', 6, 85.71], ['pass', 1, 14.29], ['fail', 0, 0]])
    expect(s.ratings[0]).toMatchObject({ id: 'excellent-unit', achieved: true })
  })

  it('fails the rating when one file fails', () => {
    const files = [...Array.from({ length: 9 }, () => file(95, 'excellent')), file(0, 'fail', true)]
    const s = aggregateUnit(rubric, files)
    expect(s.ratings[0]!.achieved).toBe(false)
    expect(s.ratings[0]!.conditions.map((c) => c.met)).toEqual([true, false])
    expect(s.vetoFiles).toBe(1)
  })

  it('85 % exactly meets the threshold (integer comparison, no float edge)', () => {
    const files = [...Array.from({ length: 17 }, () => file(95, 'excellent')), file(80, 'pass'), file(80, 'pass'), file(80, 'pass')]
    expect(aggregateUnit(rubric, files).ratings[0]!.achieved).toBe(true)
  })

  it('ranks by mean, ties broken by total, equal units share a rank', () => {
    const a = aggregateUnit(rubric, [file(90, 'excellent'), file(90, 'excellent')])
    const b = aggregateUnit(rubric, [file(90, 'excellent')])
    const c = aggregateUnit(rubric, [file(95, 'excellent')])
    const d = aggregateUnit(rubric, [file(90, 'excellent')])
    const ranked = rankUnits(rubric, [{ unit: 'A', summary: a }, { unit: 'B', summary: b }, { unit: 'C', summary: c }, { unit: 'D', summary: d }])
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([['C', 1], ['A', 2], ['B', 3], ['D', 3]])
  })
})
