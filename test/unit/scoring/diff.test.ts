import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { diffRubrics } from '@scoring/index'
import { baseRubric } from './fixtures'
import { valid } from './helpers'

/** A deep copy of the base rubric as version 2, edited by `edit`. */
function v2(edit: (r: Rubric) => void): Rubric {
  const r = JSON.parse(JSON.stringify(baseRubric())) as Rubric
  r.version = 2
  edit(r)
  return r
}

const item = (r: Rubric, id: string) => r.sections.flatMap((s) => s.items).find((i) => i.id === id)!

describe('diffRubrics', () => {
  it('reports nothing between a version and an identical copy (the version number is not a change)', () => {
    const d = diffRubrics(baseRubric(), v2(() => {}))
    expect(d.changes).toEqual([])
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 0 })
    expect(d.from).toEqual({ rubricId: baseRubric().id, version: 1 })
    expect(d.to.version).toBe(2)
  })

  it('reports points and rule amounts field by field', () => {
    const after = v2((r) => {
      item(r, 'S1-1').points = 3
      r.sections[0]!.items[1]!.points = 2
      ;(item(r, 'S2-1').rules![0] as { amount: number }).amount = 1
    })
    const d = diffRubrics(baseRubric(), after)
    expect(d.changes).toEqual([
      { change: 'changed', target: 'item', id: 'S1-1', name: '案由', parentId: 'S1', fields: [{ field: 'points', label: '分值', from: 2, to: 3 }] },
      { change: 'changed', target: 'item', id: 'S1-2', name: '当事人基本情况', parentId: 'S1', fields: [{ field: 'points', label: '分值', from: 3, to: 2 }] },
      { change: 'changed', target: 'rule', id: 'S2-1-a', name: '询问笔录未载明告知事项', parentId: 'S2-1', fields: [{ field: 'amount', label: '扣分值', from: 0.5, to: 1 }] },
    ])
    expect(d.counts).toEqual({ added: 0, removed: 0, changed: 3 })
  })

  it('reports added and removed items, rules and vetoes with their parents', () => {
    const after = v2((r) => {
      r.sections[0]!.items.push({ id: 'S1-4', name: '立案时限', points: 1, rules: [{ id: 'S1-4-a', kind: 'fixed', text: '超期立案', category: 'procedure', amount: 1 }] })
      r.sections[2]!.items = r.sections[2]!.items.filter((i) => i.id !== 'S3-3')
      item(r, 'S2-3').rules = item(r, 'S2-3').rules!.filter((x) => x.id !== 'S2-3-c')
      item(r, 'S1-3').vetoes = [{ id: 'S1-3-v', text: '未立案', category: 'procedure', effect: 'stop' }]
    })
    const d = diffRubrics(baseRubric(), after)
    const brief = d.changes.map((c) => `${c.change} ${c.target} ${c.id} ${c.parentId ?? ''}`.trim())
    expect(brief).toEqual([
      'removed item S3-3 S3',
      'added item S1-4 S1',
      'removed rule S2-3-c S2-3',
      'removed rule S3-3-a S3-3',
      'added rule S1-4-a S1-4',
      'added veto S1-3-v S1-3',
    ])
    // Adding and removing items is not a reordering, and the sections' own fields did not change.
    expect(d.changes.filter((c) => c.target === 'section')).toEqual([])
  })

  it('reports rule kind changes together with the amounts the kinds carry', () => {
    const after = v2((r) => {
      item(r, 'S2-3').rules![0] = { id: 'S2-3-a', kind: 'fixed', text: '证据不充分', category: 'evidence', amount: 2 }
    })
    const [c] = diffRubrics(baseRubric(), after).changes
    expect(c!.fields.map((f) => [f.field, f.from, f.to])).toEqual([
      ['kind', 'range', 'fixed'],
      ['amount', undefined, 2],
      ['min', 1, undefined],
      ['max', 5, undefined],
      ['step', 0.5, undefined],
    ])
  })

  it('reports veto effects, policies, bands, categories, bonus and unit rules', () => {
    const after = v2((r) => {
      item(r, 'S3-2').vetoes![0]!.effect = 'stop'
      r.policies.na = 'exclude'
      r.bands[1]!.min = 70
      r.bands[2]!.below = 70
      r.categories[0]!.name = '执法主体'
      r.bonus!.cap = 4
      r.bonus!.items[0]!.max = 2
      r.units!.ratings![0]!.conditions[0] = { kind: 'share', atLeastBand: 'excellent', minPercent: 90 }
      r.basic!.items[1]!.effect = 'zero'
    })
    const d = diffRubrics(baseRubric(), after)
    const flat = d.changes.flatMap((c) => c.fields.map((f) => `${c.target}:${c.id}:${f.field}`))
    expect(flat).toEqual([
      'rubric:' + baseRubric().id + ':bonus.cap',
      'policy:policies:policies.na',
      'category:subject:name',
      'band:pass:min',
      'band:fail:below',
      'basicItem:V2:effect',
      'veto:S3-2-v:effect',
      'bonusItem:B1:max',
      'unitRating:excellent-unit:conditions',
    ])
  })

  it('reports a moved item by its new section and a reordering once', () => {
    const after = v2((r) => {
      const moved = r.sections[0]!.items.shift()!
      r.sections[1]!.items.push(moved)
      r.sections[1]!.items.reverse()
      r.sections[0]!.points = 8
      r.sections[1]!.points = 42
    })
    valid(after)
    const d = diffRubrics(baseRubric(), after)
    const s2 = d.changes.find((c) => c.target === 'section' && c.id === 'S2')!
    expect(s2.fields.map((f) => f.field)).toEqual(['points', 'items'])
    expect(s2.fields[1]!.to).toEqual(['S1-1', 'S2-3', 'S2-2', 'S2-1'])
    const moved = d.changes.find((c) => c.id === 'S1-1')!
    expect(moved.fields).toEqual([{ field: 'section', label: '所属部分', from: 'S1', to: 'S2' }])
  })
})
