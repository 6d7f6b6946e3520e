import { describe, expect, it } from 'vitest'
import type { Decision } from '@scoring/index'
import { isScoreErrors, scoreReview, validateReview } from '@scoring/index'
import { baseRubric, review, withDecisions } from './fixtures'
import { expectErrorAt, valid } from './helpers'

const rubric = valid(baseRubric())
const d = (x: Record<string, unknown>): Decision => x as unknown as Decision

describe('reviews that do not fit their rubric get errors, not a number', () => {
  it.each([
    { name: 'unknown item', decisions: [d({ itemId: 'S9-9', kind: 'conforming' })], path: '$.decisions[0].itemId', msg: '没有项目「S9-9」' },
    { name: 'duplicate decision', decisions: [d({ itemId: 'S1-1', kind: 'conforming' }), d({ itemId: 'S1-1', kind: 'conforming' })], path: '$.decisions[1].itemId', msg: '不能重复' },
    { name: 'N/A not allowed on the item', decisions: [d({ itemId: 'S1-1', kind: 'na', reason: '无' })], path: '$.decisions[0].kind', msg: '不允许标记为不适用' },
    { name: 'N/A without reason', decisions: [d({ itemId: 'S3-1', kind: 'na', reason: ' ' })], path: '$.decisions[0].reason', msg: '理由不能为空' },
    { name: 'deduction without reason', decisions: [d({ itemId: 'S1-1', kind: 'deducted', deductions: [{ ruleId: 'S1-1-a' }] })], path: '$.decisions[0].deductions[0].reason', msg: '理由' },
    { name: 'rule of another item', decisions: [d({ itemId: 'S1-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', reason: 'r' }] })], path: '$.decisions[0].deductions[0].ruleId', msg: '没有扣分规则「S2-1-a」' },
    { name: 'range amount out of bounds', decisions: [d({ itemId: 'S2-3', kind: 'deducted', deductions: [{ ruleId: 'S2-3-a', amount: 6, reason: 'r' }] })], path: '$.decisions[0].deductions[0].amount', msg: '不在 1–5 分之间' },
    { name: 'range amount off step', decisions: [d({ itemId: 'S2-3', kind: 'deducted', deductions: [{ ruleId: 'S2-3-a', amount: 2.25, reason: 'r' }] })], path: '$.decisions[0].deductions[0].amount', msg: '按0.5分递增' },
    { name: 'range amount missing', decisions: [d({ itemId: 'S2-3', kind: 'deducted', deductions: [{ ruleId: 'S2-3-a', reason: 'r' }] })], path: '$.decisions[0].deductions[0].amount', msg: '须选定扣分数额' },
    { name: 'amount on a fixed rule', decisions: [d({ itemId: 'S1-1', kind: 'deducted', deductions: [{ ruleId: 'S1-1-a', amount: 2, reason: 'r' }] })], path: '$.decisions[0].deductions[0].amount', msg: '不能自选' },
    { name: 'fixed rule applied twice', decisions: [d({ itemId: 'S1-1', kind: 'deducted', deductions: [{ ruleId: 'S1-1-a', reason: 'r' }, { ruleId: 'S1-1-a', reason: 'r' }] })], path: '$.decisions[0].deductions[1].ruleId', msg: '只能适用一次' },
    { name: 'unknown element', decisions: [d({ itemId: 'S1-2', kind: 'deducted', deductions: [{ ruleId: 'S1-2-a', elements: ['民族'], reason: 'r' }] })], path: '$.decisions[0].deductions[0].elements[0]', msg: '没有要素「民族」' },
    { name: 'named elements required', decisions: [d({ itemId: 'S1-2', kind: 'deducted', deductions: [{ ruleId: 'S1-2-a', occurrences: 2, reason: 'r' }] })], path: '$.decisions[0].deductions[0].elements', msg: '须列出缺失的要素' },
    { name: 'zero occurrences', decisions: [d({ itemId: 'S2-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', occurrences: 0, reason: 'r' }] })], path: '$.decisions[0].deductions[0].occurrences', msg: '正整数' },
    { name: 'deducted without deductions', decisions: [d({ itemId: 'S2-1', kind: 'deducted', deductions: [] })], path: '$.decisions[0].deductions', msg: '至少要有一条扣分' },
    { name: 'veto on an item without vetoes', decisions: [d({ itemId: 'S1-1', kind: 'veto', reason: 'r' })], path: '$.decisions[0].kind', msg: '不能作出「否决」结论' },
    { name: 'unknown veto id', decisions: [d({ itemId: 'S3-2', kind: 'veto', vetoId: 'nope', reason: 'r' })], path: '$.decisions[0].vetoId', msg: '没有否决情形「nope」' },
    { name: 'bonus over its max', decisions: [d({ itemId: 'B1', kind: 'bonus', amount: 3.5, reason: 'r' })], path: '$.decisions[0].amount', msg: '超过本项上限3分' },
    { name: 'bonus off step', decisions: [d({ itemId: 'B1', kind: 'bonus', amount: 1.2, reason: 'r' })], path: '$.decisions[0].amount', msg: '0.5分的整数倍' },
    { name: 'bonus on a scored item', decisions: [d({ itemId: 'S1-1', kind: 'bonus', amount: 1, reason: 'r' })], path: '$.decisions[0].kind', msg: '不能作出「加分」结论' },
    { name: 'deduction on a basic veto item', decisions: [d({ itemId: 'V1', kind: 'deducted', deductions: [{ ruleId: 'x', reason: 'r' }] })], path: '$.decisions[0].kind', msg: '符合、否决' },
    { name: 'unknown decision kind', decisions: [d({ itemId: 'S1-1', kind: 'skip' })], path: '$.decisions[0].kind', msg: '评查结论 kind 须为' },
  ])('$name', ({ decisions, path, msg }) => {
    const out = scoreReview(rubric, review(decisions))
    expect(isScoreErrors(out)).toBe(true)
    expectErrorAt(out, path, msg)
  })

  it('rejects a review of another rubric or version', () => {
    const out = scoreReview(rubric, review(withDecisions(rubric, []), { rubricId: '00000000-0000-4000-8000-000000000000', rubricVersion: 2 }))
    expectErrorAt(out, '$.rubricId', '不是「测试评查标准」')
    expectErrorAt(out, '$.rubricVersion', '第2版')
  })

  it('validateReview returns the parsed review when it fits', () => {
    const v = validateReview(rubric, review(withDecisions(rubric, [])))
    expect(v.ok).toBe(true)
  })
})
