import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { validateRubric } from '@scoring/index'
import { baseRubric } from './fixtures'
import { expectErrorAt } from './helpers'

type Mutable = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const mutate = (f: (r: Mutable) => void): unknown => {
  const r = structuredClone(baseRubric()) as unknown as Mutable
  f(r)
  return r
}

describe('validateRubric', () => {
  it('accepts the base rubric', () => {
    const v = validateRubric(baseRubric())
    expect(v.ok).toBe(true)
  })

  // Each row breaks one thing; the error must point at the faulty field with a Chinese message.
  it.each([
    { name: 'item points do not add up to the section', f: (r: Mutable) => (r.sections[1].items[0].points = 11), path: '$.sections[1].points', msg: '本部分分值为40分，但各项分值合计为41分' },
    { name: 'section points do not add up to the total', f: (r: Mutable) => { r.sections[0].points = 11; r.sections[0].items[0].points = 3 }, path: '$.total', msg: '总分为100分，但各部分分值合计为101分' },
    { name: 'duplicate item id', f: (r: Mutable) => (r.sections[2].items[1].id = 'S1-1'), path: '$.sections[2].items[1].id', msg: '标识「S1-1」重复，已在 $.sections[0].items[0].id 使用' },
    { name: 'duplicate rule id across items', f: (r: Mutable) => (r.sections[1].items[1].rules[0].id = 'S1-1-a'), path: '$.sections[1].items[1].rules[0].id', msg: '重复' },
    { name: 'range min > max', f: (r: Mutable) => (r.sections[1].items[2].rules[0].min = 6), path: '$.sections[1].items[2].rules[0].min', msg: '扣分区间下限（6分）大于上限（5分）' },
    { name: 'range not divisible by step', f: (r: Mutable) => (r.sections[1].items[2].rules[0].step = 1.5), path: '$.sections[1].items[2].rules[0].step', msg: '不能被步长' },
    { name: 'bands overlap', f: (r: Mutable) => (r.bands[1].below = 95), path: '$.bands[1].below', msg: '重叠' },
    { name: 'bands gap', f: (r: Mutable) => (r.bands[1].below = 85), path: '$.bands[1].below', msg: '断档' },
    { name: 'same lower bound twice', f: (r: Mutable) => { r.bands[1].min = 90; delete r.bands[1].below }, path: '$.bands[1].min', msg: '区间重叠' },
    { name: 'lowest band does not start at 0', f: (r: Mutable) => (r.bands[2].min = 10), path: '$.bands[2].min', msg: '下限须为0分' },
    { name: 'top band capped', f: (r: Mutable) => (r.bands[0].below = 100), path: '$.bands[0].below', msg: '不应设上限' },
    { name: 'unknown category', f: (r: Mutable) => (r.sections[0].items[0].rules[0].category = '卷面'), path: '$.sections[0].items[0].rules[0].category', msg: '未知的问题类别「卷面」' },
    { name: 'unknown document type', f: (r: Mutable) => (r.sections[0].items[0].docTypes = ['filing-approval', 'no-such-doc']), path: '$.sections[0].items[0].docTypes[1]', msg: '未知的文书类型「no-such-doc」' },
    { name: 'unknown document-type list', f: (r: Mutable) => (r.docTypes.list = 'tax'), path: '$.docTypes.list', msg: '未知的文书类型清单' },
    { name: 'points not a multiple of 0.01', f: (r: Mutable) => (r.sections[0].items[0].rules[0].amount = 0.125), path: '$.sections[0].items[0].rules[0].amount', msg: '0.01的整数倍' },
    { name: 'negative points', f: (r: Mutable) => (r.sections[0].items[0].points = -2), path: '$.sections[0].items[0].points', msg: '不能为负数' },
    { name: 'unknown rule kind', f: (r: Mutable) => (r.sections[0].items[0].rules[0].kind = 'percent'), path: '$.sections[0].items[0].rules[0].kind', msg: '扣分方式 kind 须为' },
    { name: 'misspelt field', f: (r: Mutable) => (r.sections[0].items[0].ponits = 2), path: '$.sections[0].items[0].ponits', msg: '未知字段「ponits」' },
    { name: 'missing item points in capped mode', f: (r: Mutable) => delete r.sections[0].items[0].points, path: '$.sections[0].items[0].points', msg: '须声明分值' },
    { name: 'item max deduction above its points', f: (r: Mutable) => (r.sections[1].items[1].maxDeduction = 12), path: '$.sections[1].items[1].maxDeduction', msg: '超过本项分值' },
    { name: 'full rule on a capped item', f: (r: Mutable) => r.sections[1].items[1].rules.push({ id: 'x', kind: 'full', text: 't', category: 'document' }), path: '$.sections[1].items[1].rules[1].kind', msg: '不能同时使用扣全分规则' },
    { name: 'item without rules', f: (r: Mutable) => (r.sections[0].items[0].rules = []), path: '$.sections[0].items[0].rules', msg: '既无扣分规则也无否决项' },
    { name: 'unknown veto effect', f: (r: Mutable) => (r.basic.items[0].effect = 'fail'), path: '$.basic.items[0].effect', msg: '否决效果须为' },
    { name: 'unit rule names an unknown band', f: (r: Mutable) => (r.units.ratings[0].conditions[0].atLeastBand = 'good'), path: '$.units.ratings[0].conditions[0].atLeastBand', msg: '未知的等次「good」' },
    { name: 'id is not a uuid', f: (r: Mutable) => (r.id = 'penalty-1'), path: '$.id', msg: 'UUID' },
    { name: 'version not an integer', f: (r: Mutable) => (r.version = 1.5), path: '$.version', msg: '整数' },
    { name: 'wrong format tag', f: (r: Mutable) => (r.format = 'rubric/2'), path: '$.format', msg: 'case-review-rubric/1' },
    { name: 'bonus step does not divide its max', f: (r: Mutable) => (r.bonus.items[0].step = 2), path: '$.bonus.items[0].step', msg: '整数倍' },
    { name: 'per-occurrence cap below one occurrence', f: (r: Mutable) => (r.sections[1].items[0].rules[0].maxDeduction = 0.25), path: '$.sections[1].items[0].rules[0].maxDeduction', msg: '小于单次扣分' },
  ])('rejects: $name', ({ f, path, msg }) => {
    const v = validateRubric(mutate(f))
    expect(v.ok).toBe(false)
    expectErrorAt(v, path, msg)
  })

  it('lists every semantic error at once', () => {
    const v = validateRubric(mutate((r) => {
      r.sections[1].items[0].points = 11
      r.sections[1].items[2].rules[0].min = 6
      r.sections[2].items[1].id = 'S1-1'
      r.sections[0].items[0].rules[0].category = 'x'
    }))
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.errors.length).toBeGreaterThanOrEqual(4)
  })

  it('rejects non-objects', () => {
    const v = validateRubric('rubric')
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.errors[0]!.path).toBe('$')
  })

  it('accepts extra document types declared by the rubric', () => {
    const r = mutate((r) => {
      r.docTypes.extra = [{ id: 'map-sheet', name: '测绘成果图' }]
      r.sections[0].items[0].docTypes = ['map-sheet']
    }) as Rubric
    expect(validateRubric(r).ok).toBe(true)
  })

  it('global mode allows items without points but still checks declared section sums', () => {
    const r = mutate((r) => {
      r.policies.floor = 'global'
      delete r.sections[0].items[0].points
    })
    expect(validateRubric(r).ok).toBe(true)
    const bad = mutate((r) => {
      r.policies.floor = 'global'
      r.sections[0].items[0].points = 5
    })
    expectErrorAt(validateRubric(bad), '$.sections[0].points', '各项分值合计为13分')
  })
})
