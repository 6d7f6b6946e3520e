import { describe, expect, it } from 'vitest'
import type { Decision, Rubric } from '@scoring/index'
import { migrateReview, validateReview } from '@scoring/index'
import { baseRubric, review } from './fixtures'
import { valid } from './helpers'

function v2(edit: (r: Rubric) => void): Rubric {
  const r = JSON.parse(JSON.stringify(baseRubric())) as Rubric
  r.version = 2
  edit(r)
  return valid(r)
}

const item = (r: Rubric, id: string) => r.sections.flatMap((s) => s.items).find((i) => i.id === id)!

const decisions: Decision[] = [
  { itemId: 'V1', kind: 'conforming' },
  { itemId: 'V2', kind: 'conforming' },
  { itemId: 'S1-1', kind: 'conforming' },
  { itemId: 'S1-2', kind: 'deducted', deductions: [{ ruleId: 'S1-2-a', elements: ['住址'], reason: '缺住址' }] },
  { itemId: 'S1-3', kind: 'conforming' },
  { itemId: 'S2-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', occurrences: 2, reason: '两份笔录未告知' }] },
  { itemId: 'S2-2', kind: 'conforming' },
  { itemId: 'S2-3', kind: 'deducted', deductions: [{ ruleId: 'S2-3-a', amount: 2.5, reason: '违法所得计算依据不足', evidence: [{ page: 4 }] }] },
  { itemId: 'S3-1', kind: 'na', reason: '当事人未申请听证' },
  { itemId: 'S3-2', kind: 'conforming' },
  { itemId: 'S3-3', kind: 'conforming' },
  { itemId: 'B1', kind: 'bonus', amount: 1, reason: '说理充分' },
]

describe('migrateReview', () => {
  const older = valid(baseRubric())
  const newer = v2((r) => {
    item(r, 'S1-1').points = 3
    item(r, 'S1-2').points = 2
    ;(item(r, 'S2-1').rules![0] as { amount: number }).amount = 1
    item(r, 'S2-3').rules = item(r, 'S2-3').rules!.filter((x) => x.id !== 'S2-3-c')
    item(r, 'S1-3').rules!.push({ id: 'S1-3-c', kind: 'fixed', text: '立案审批表未编号', category: 'document', amount: 0.5 })
    r.basic!.items[1]!.effect = 'zero'
    const s3 = r.sections[2]!
    s3.items = s3.items.filter((i) => i.id !== 'S3-3')
    s3.items.push({ id: 'S3-4', name: '执行', points: 10, rules: [{ id: 'S3-4-a', kind: 'full', text: '未执行', category: 'procedure' }] })
  })
  const m = migrateReview(older, newer, review(decisions))
  const byId = new Map(m.entries.map((e) => [e.itemId, e]))

  it('carries over exactly the decisions whose item, rules and points did not change', () => {
    expect(m.entries.filter((e) => e.outcome === 'carried').map((e) => e.itemId)).toEqual(['V1', 'S2-2', 'S2-3', 'S3-1', 'S3-2', 'B1'])
    expect(m.counts).toEqual({ carried: 6, reReview: 6, undecided: 1 })
  })

  it('says why every other decision needs re-review', () => {
    const why = (id: string) => byId.get(id)!.reasons.map((r) => `${r.code}:${r.message}`)
    expect(why('V2')).toEqual(['basicItemChanged:否决情形已修改：否决效果「保留得分、定为最低档」→「总分计0分」'])
    expect(why('S1-1')).toEqual(['pointsChanged:分值由2分改为3分'])
    expect(why('S1-2')).toEqual(['pointsChanged:分值由3分改为2分'])
    expect(why('S1-3')).toEqual(['ruleAdded:新增扣分规则「S1-3-c 立案审批表未编号」，原评查未据此审查'])
    expect(why('S2-1')).toEqual(['ruleChanged:扣分规则「S2-1-a」已修改：扣分值「0.5」→「1」'])
    expect(why('S3-3')).toEqual(['itemRemoved:新版本中已删除该项目'])
    expect(byId.get('S3-3')!.itemName).toBe('送达')
  })

  it('lists items added in the new version as undecided', () => {
    expect(byId.get('S3-4')).toMatchObject({ outcome: 'undecided', decision: null, itemName: '执行', reasons: [{ code: 'itemAdded' }] })
  })

  it('orders the report like the new version, removed items last', () => {
    expect(m.entries.map((e) => e.itemId)).toEqual(['V1', 'V2', 'S1-1', 'S1-2', 'S1-3', 'S2-1', 'S2-2', 'S2-3', 'S3-1', 'S3-2', 'S3-4', 'B1', 'S3-3'])
  })

  it('drafts a review of the new version holding the carried decisions untouched, and nothing else', () => {
    expect(m.draft.rubricVersion).toBe(2)
    expect(m.draft.id).toBe(review([]).id)
    expect(m.draft.decisions).toEqual(decisions.filter((d) => ['V1', 'S2-2', 'S2-3', 'S3-1', 'S3-2', 'B1'].includes(d.itemId)))
    expect(validateReview(newer, m.draft).ok).toBe(true)
  })

  it('a removed rule that was not applied does not disturb a deduction', () => {
    expect(byId.get('S2-3')!.reasons).toEqual([])
  })

  it('re-reviews a deduction whose rule was removed', () => {
    const n = v2((r) => {
      item(r, 'S2-1').rules = item(r, 'S2-1').rules!.filter((x) => x.id !== 'S2-1-a')
    })
    const e = migrateReview(older, n, review(decisions)).entries.find((x) => x.itemId === 'S2-1')!
    expect(e.outcome).toBe('reReview')
    expect(e.reasons.map((r) => r.code)).toEqual(['ruleRemoved'])
  })

  it('re-reviews N/A when the item no longer allows it, and vetoes whose effect changed', () => {
    const n = v2((r) => {
      item(r, 'S3-1').naAllowed = false
      r.policies.vetoEffect = 'stop'
    })
    const res = migrateReview(older, n, review([...decisions.filter((d) => d.itemId !== 'S3-2'), { itemId: 'S3-2', kind: 'veto', reason: '无决定书' }]))
    const e = (id: string) => res.entries.find((x) => x.itemId === id)!
    expect(e('S3-1').reasons.map((r) => r.code)).toEqual(['naNoLongerAllowed'])
    expect(e('S3-2').reasons.map((r) => r.message)).toEqual(['否决情形「S3-2-v」已修改：否决效果「总分计0分」→「不合格卷、停止评分」'])
    // V1 has no effect of its own and inherits the policy, so it changes too.
    expect(e('V1').outcome).toBe('reReview')
    expect(res.notices).toEqual(['计分规则已修改（否决默认效果「总分计0分」→「不合格卷、停止评分」）：所有案卷的得分按新版本计算'])
  })

  it('falls back on the engine checks for what the comparison does not model', () => {
    // A second veto on the item makes an unnamed veto decision ambiguous.
    const n = v2((r) => {
      item(r, 'S3-2').vetoes!.push({ id: 'S3-2-w', text: '决定书未盖章', category: 'document' })
    })
    const res = migrateReview(older, n, review([{ itemId: 'S3-2', kind: 'veto', reason: '无决定书' }]))
    expect(res.entries[0]).toMatchObject({ itemId: 'S3-2', outcome: 'reReview', reasons: [{ code: 'invalidUnderNew' }] })
    expect(res.draft.decisions).toEqual([])
  })

  it('refuses a review made on another version', () => {
    expect(() => migrateReview(newer, older, review(decisions))).toThrow('第2版')
  })

  it('carries everything over to an unchanged copy', () => {
    const res = migrateReview(older, v2(() => {}), review(decisions))
    expect(res.counts).toEqual({ carried: decisions.length, reReview: 0, undecided: 0 })
    expect(res.notices).toEqual([])
  })
})
