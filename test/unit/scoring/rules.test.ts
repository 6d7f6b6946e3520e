import { describe, expect, it } from 'vitest'
import type { Decision } from '@scoring/index'
import { baseRubric } from './fixtures'
import { scoreWith, valid } from './helpers'

const rubric = valid(baseRubric())
const ded = (itemId: string, ...deductions: Record<string, unknown>[]): Decision =>
  ({ itemId, kind: 'deducted', deductions: deductions.map((d) => ({ reason: '测试', ...d })) }) as Decision

// Each row: one decided defect on an otherwise conforming file; expected values computed by hand.
const table: { name: string; decision: Decision; itemDeducted: number; total: string; trace?: string }[] = [
  { name: 'fixed amount', decision: ded('S1-1', { ruleId: 'S1-1-a' }), itemDeducted: 1, total: '99', trace: 'S1-1 案由不规范：扣1分（本项上限2分）' },
  { name: 'whole item (扣全分)', decision: ded('S1-3', { ruleId: 'S1-3-a' }), itemDeducted: 5, total: '95', trace: 'S1-3 未立案即调查：扣全分5分' },
  { name: 'per occurrence', decision: ded('S1-3', { ruleId: 'S1-3-b', occurrences: 3 }), itemDeducted: 3, total: '97', trace: '每处扣1分 × 3 处 = 扣3分' },
  { name: 'per occurrence, stops at item points', decision: ded('S1-3', { ruleId: 'S1-3-b', occurrences: 7 }), itemDeducted: 5, total: '95', trace: 'S1-3 本项扣分合计7分，超过本项分值5分，按5分计（扣完为止）' },
  { name: 'per occurrence under rule cap', decision: ded('S2-1', { ruleId: 'S2-1-a', occurrences: 3 }), itemDeducted: 1.5, total: '98.5', trace: 'S2-1 询问笔录未载明告知事项：每处扣0.5分 × 3 处 = 扣1.5分（本规则上限2分）' },
  { name: 'per occurrence over rule cap', decision: ded('S2-1', { ruleId: 'S2-1-a', occurrences: 5 }), itemDeducted: 2, total: '98', trace: '扣2.5分，超过本规则上限2分，按2分计' },
  { name: 'per named missing element', decision: ded('S1-2', { ruleId: 'S1-2-a', elements: ['姓名', '性别', '住址'] }), itemDeducted: 1.5, total: '98.5', trace: '每缺一项扣0.5分 × 3 项（缺：姓名、性别、住址） = 扣1.5分' },
  { name: 'per element, all missing, stops at item points', decision: ded('S1-2', { ruleId: 'S1-2-a', elements: ['姓名', '性别', '出生日期', '身份证件号码', '住址', '联系电话', '工作单位', '职业'] }), itemDeducted: 3, total: '97' },
  { name: 'per counted element', decision: ded('S3-2', { ruleId: 'S3-2-a', occurrences: 4 }), itemDeducted: 12, total: '88' },
  { name: 'reviewer-chosen range in 0.5 steps', decision: ded('S2-3', { ruleId: 'S2-3-a', amount: 3.5 }), itemDeducted: 3.5, total: '96.5', trace: '酌情扣1–5分，选定扣3.5分' },
  { name: 'max deduction below item points (under)', decision: ded('S2-2', { ruleId: 'S2-2-a', occurrences: 2 }), itemDeducted: 3, total: '97' },
  { name: 'max deduction below item points (over)', decision: ded('S2-2', { ruleId: 'S2-2-a', occurrences: 3 }), itemDeducted: 4, total: '96', trace: 'S2-2 本项扣分合计4.5分，超过本项扣分上限4分，按4分计（扣完为止）' },
  { name: 'several defect types in one item', decision: ded('S2-1', { ruleId: 'S2-1-a', occurrences: 3 }, { ruleId: 'S2-1-b', occurrences: 2 }), itemDeducted: 3.5, total: '96.5' },
  { name: 'tenths never drift (0.1 + 0.2)', decision: ded('S2-3', { ruleId: 'S2-3-b' }, { ruleId: 'S2-3-c' }), itemDeducted: 0.3, total: '99.7' },
  { name: 'range plus fixed', decision: ded('S2-3', { ruleId: 'S2-3-a', amount: 5 }, { ruleId: 'S2-3-b' }), itemDeducted: 5.1, total: '94.9' },
  { name: 'repeated per-occurrence entries add up', decision: ded('S2-1', { ruleId: 'S2-1-b', occurrences: 2 }, { ruleId: 'S2-1-b', occurrences: 1 }), itemDeducted: 3, total: '97' },
]

describe('deduction rule kinds', () => {
  it.each(table)('$name', ({ decision, itemDeducted, total, trace }) => {
    const r = scoreWith(rubric, [decision])
    const item = r.items.find((i) => i.itemId === decision.itemId)!
    expect(item.deducted).toBe(itemDeducted)
    expect(item.status).toBe('deducted')
    expect(item.awarded).toBe(Math.round(((item.max ?? 0) - itemDeducted) * 100) / 100)
    expect(r.totalText).toBe(total)
    expect(r.total).toBe(Number(total))
    expect(r.complete).toBe(true)
    if (trace) expect(r.trace.map((l) => l.text).join('\n')).toContain(trace)
  })

  it('spreads the item cap over deductions in recorded order', () => {
    const r = scoreWith(rubric, [ded('S1-3', { ruleId: 'S1-3-b', occurrences: 3 }, { ruleId: 'S1-3-a' })])
    const item = r.items.find((i) => i.itemId === 'S1-3')!
    expect(item.deductions.map((d) => [d.requested, d.applied])).toEqual([[3, 3], [5, 2]])
    expect(item.deducted).toBe(5)
  })

  it('section scores are the sum of their items', () => {
    const r = scoreWith(rubric, [ded('S2-1', { ruleId: 'S2-1-b', occurrences: 2 }), ded('S2-3', { ruleId: 'S2-3-a', amount: 1.5 })])
    expect(r.sections.find((s) => s.sectionId === 'S2')).toEqual({ sectionId: 'S2', name: '调查取证', max: 40, maxApplicable: 40, awarded: 36.5, deducted: 3.5 })
  })
})
