import type { BasicItem, BonusItem, Item, Rubric, Section, VetoRule } from './types'

export type DiffTarget = 'rubric' | 'policy' | 'category' | 'docType' | 'band' | 'basicItem' | 'section' | 'item' | 'rule' | 'veto' | 'bonusItem' | 'unitRating'

export interface FieldChange {
  /** Field name in the rubric format ("points", "amount", "policies.floor"…). */
  field: string
  /** The same field as the score sheet calls it. */
  label: string
  from: unknown
  to: unknown
}

export interface RubricChange {
  change: 'added' | 'removed' | 'changed'
  target: DiffTarget
  id: string
  name: string
  /** Section of an item, item of a rule or veto — in the newer version when the node still exists there. */
  parentId?: string
  /** Field-level changes; empty for added and removed nodes. */
  fields: FieldChange[]
}

export interface RubricDiff {
  from: { rubricId: string; version: number }
  to: { rubricId: string; version: number }
  changes: RubricChange[]
  counts: { added: number; removed: number; changed: number }
}

export type FieldSpec<T> = readonly (readonly [keyof T & string, string])[]

export const rubricFieldLabels = {
  name: '名称',
  caseType: '案件类型',
  standard: '依据标准',
  status: '状态说明',
  description: '说明',
  total: '满分',
} as const

const rubricFields: FieldSpec<Rubric> = Object.entries(rubricFieldLabels) as [keyof Rubric & string, string][]
const policyFields = [
  ['floor', '计分方式'],
  ['na', '不适用处理'],
  ['vetoEffect', '否决默认效果'],
] as const
const bandFields = [
  ['name', '名称'],
  ['min', '下限（含）'],
  ['below', '上限（不含）'],
] as const
const categoryFields = [
  ['name', '名称'],
  ['description', '说明'],
] as const
export const basicItemFields: FieldSpec<BasicItem> = [
  ['text', '否决情形'],
  ['category', '问题类别'],
  ['effect', '否决效果'],
  ['group', '分组'],
  ['docTypes', '文书类型'],
  ['note', '备注'],
]
export const sectionFields: FieldSpec<Section> = [
  ['name', '名称'],
  ['description', '说明'],
  ['points', '分值'],
]
export const itemFields: FieldSpec<Item> = [
  ['name', '名称'],
  ['description', '说明'],
  ['points', '分值'],
  ['maxDeduction', '本项最多扣分'],
  ['docTypes', '文书类型'],
  ['naAllowed', '可不适用'],
  ['naHint', '不适用提示'],
]
// Keys of every rule kind; a key a kind lacks compares as absent, so a kind change also shows its amounts.
export const ruleFields: readonly (readonly [string, string])[] = [
  ['kind', '扣分方式'],
  ['text', '规则说明'],
  ['category', '问题类别'],
  ['amount', '扣分值'],
  ['min', '最小扣分'],
  ['max', '最大扣分'],
  ['step', '步长'],
  ['maxDeduction', '本规则上限'],
  ['elements', '要素'],
  ['note', '备注'],
]
export const vetoFields: FieldSpec<VetoRule> = [
  ['text', '否决情形'],
  ['category', '问题类别'],
  ['effect', '否决效果'],
  ['note', '备注'],
]
export const bonusItemFields: FieldSpec<BonusItem> = [
  ['name', '名称'],
  ['description', '说明'],
  ['max', '最多加分'],
  ['step', '步长'],
  ['category', '问题类别'],
  ['docTypes', '文书类型'],
]

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Fields of `spec` whose values differ between `a` and `b` (absent and undefined are the same). */
export function changedFields(a: object, b: object, spec: readonly (readonly [string, string])[], prefix = ''): FieldChange[] {
  const out: FieldChange[] = []
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  for (const [key, label] of spec) {
    if (!same(ra[key], rb[key])) out.push({ field: prefix + key, label, from: ra[key], to: rb[key] })
  }
  return out
}

interface Located<T> {
  node: T
  parentId?: string
}

/**
 * What changed between two versions of a rubric, node by node. Nodes are matched by their stable ids,
 * so a renamed item is "changed", a moved item shows its new section, and reordering is reported once per list.
 */
export function diffRubrics(older: Rubric, newer: Rubric): RubricDiff {
  const changes: RubricChange[] = []
  const push = (c: RubricChange): void => {
    if (c.change !== 'changed' || c.fields.length > 0) changes.push(c)
  }

  const top = changedFields(older, newer, rubricFields)
  top.push(...changedFields(older.docTypes, newer.docTypes, [['list', '文书类型清单']], 'docTypes.'))
  top.push(...changedFields(older.basic ?? {}, newer.basic ?? {}, [['title', '基本标准标题'], ['description', '基本标准说明']], 'basic.'))
  top.push(...changedFields(older.bonus ?? {}, newer.bonus ?? {}, [['title', '加分项标题'], ['cap', '加分上限'], ['mayExceedTotal', '加分后可超过满分']], 'bonus.'))
  top.push(...changedFields(older.units ?? {}, newer.units ?? {}, [['meanBanding', '单位平均分分档'], ['ranking', '单位排名']], 'units.'))
  const orderA = older.sections.map((s) => s.id)
  const orderB = newer.sections.map((s) => s.id)
  if (!sameRelativeOrder(orderA, orderB)) top.push({ field: 'sections', label: '部分顺序', from: orderA, to: orderB })
  push({ change: 'changed', target: 'rubric', id: newer.id, name: newer.name, fields: top })
  push({ change: 'changed', target: 'policy', id: 'policies', name: '计分规则', fields: changedFields(older.policies, newer.policies, policyFields, 'policies.') })

  diffList(changes, 'category', older.categories, newer.categories, (c) => c.name, categoryFields)
  diffList(changes, 'docType', older.docTypes.extra ?? [], newer.docTypes.extra ?? [], (d) => d.name, [['name', '名称']])
  diffList(changes, 'band', older.bands, newer.bands, (b) => b.name, bandFields)
  diffList(changes, 'basicItem', older.basic?.items ?? [], newer.basic?.items ?? [], (b) => b.text, basicItemFields)

  const sectionsA = new Map(older.sections.map((s) => [s.id, s]))
  const sectionsB = new Map(newer.sections.map((s) => [s.id, s]))
  for (const s of older.sections) if (!sectionsB.has(s.id)) push({ change: 'removed', target: 'section', id: s.id, name: s.name, fields: [] })
  for (const s of newer.sections) {
    const before = sectionsA.get(s.id)
    if (!before) {
      push({ change: 'added', target: 'section', id: s.id, name: s.name, fields: [] })
      continue
    }
    const fields = changedFields(before, s, sectionFields)
    const a = before.items.map((i) => i.id)
    const b = s.items.map((i) => i.id)
    if (!sameRelativeOrder(a, b)) fields.push({ field: 'items', label: '项目顺序', from: a, to: b })
    push({ change: 'changed', target: 'section', id: s.id, name: s.name, fields })
  }

  const itemsA = indexItems(older)
  const itemsB = indexItems(newer)
  for (const [id, { node, parentId }] of itemsA) if (!itemsB.has(id)) push({ change: 'removed', target: 'item', id, name: node.name, parentId, fields: [] })
  for (const [id, { node, parentId }] of itemsB) {
    const before = itemsA.get(id)
    if (!before) {
      push({ change: 'added', target: 'item', id, name: node.name, parentId, fields: [] })
      continue
    }
    const fields = changedFields(before.node, node, itemFields)
    if (before.parentId !== parentId) fields.push({ field: 'section', label: '所属部分', from: before.parentId, to: parentId })
    push({ change: 'changed', target: 'item', id, name: node.name, parentId, fields })
  }

  diffChildren(changes, 'rule', indexChildren(older, (it) => it.rules ?? []), indexChildren(newer, (it) => it.rules ?? []), ruleFields)
  diffChildren(changes, 'veto', indexChildren(older, (it) => it.vetoes ?? []), indexChildren(newer, (it) => it.vetoes ?? []), vetoFields)
  diffList(changes, 'bonusItem', older.bonus?.items ?? [], newer.bonus?.items ?? [], (b) => b.name, bonusItemFields)
  diffList(changes, 'unitRating', older.units?.ratings ?? [], newer.units?.ratings ?? [], (r) => r.name, [['name', '名称'], ['conditions', '评定条件']])

  return {
    from: { rubricId: older.id, version: older.version },
    to: { rubricId: newer.id, version: newer.version },
    changes,
    counts: {
      added: changes.filter((c) => c.change === 'added').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      changed: changes.filter((c) => c.change === 'changed').length,
    },
  }
}

function diffList<T extends { id: string }>(
  out: RubricChange[],
  target: DiffTarget,
  a: readonly T[],
  b: readonly T[],
  name: (t: T) => string,
  spec: readonly (readonly [string, string])[],
): void {
  const before = new Map(a.map((x) => [x.id, x]))
  const after = new Set(b.map((x) => x.id))
  for (const x of a) if (!after.has(x.id)) out.push({ change: 'removed', target, id: x.id, name: name(x), fields: [] })
  for (const x of b) {
    const old = before.get(x.id)
    if (!old) out.push({ change: 'added', target, id: x.id, name: name(x), fields: [] })
    else {
      const fields = changedFields(old, x, spec)
      if (fields.length > 0) out.push({ change: 'changed', target, id: x.id, name: name(x), fields })
    }
  }
}

function diffChildren<T extends { id: string; text: string }>(
  out: RubricChange[],
  target: 'rule' | 'veto',
  a: Map<string, Located<T>>,
  b: Map<string, Located<T>>,
  spec: readonly (readonly [string, string])[],
): void {
  for (const [id, { node, parentId }] of a) if (!b.has(id)) out.push({ change: 'removed', target, id, name: node.text, parentId, fields: [] })
  for (const [id, { node, parentId }] of b) {
    const old = a.get(id)
    if (!old) {
      out.push({ change: 'added', target, id, name: node.text, parentId, fields: [] })
      continue
    }
    const fields = changedFields(old.node, node, spec)
    if (old.parentId !== parentId) fields.push({ field: 'item', label: '所属项目', from: old.parentId, to: parentId })
    if (fields.length > 0) out.push({ change: 'changed', target, id, name: node.text, parentId, fields })
  }
}

function indexItems(r: Rubric): Map<string, Located<Item>> {
  const m = new Map<string, Located<Item>>()
  for (const s of r.sections) for (const it of s.items) m.set(it.id, { node: it, parentId: s.id })
  return m
}

function indexChildren<T extends { id: string }>(r: Rubric, pick: (it: Item) => readonly T[]): Map<string, Located<T>> {
  const m = new Map<string, Located<T>>()
  for (const s of r.sections) for (const it of s.items) for (const c of pick(it)) m.set(c.id, { node: c, parentId: it.id })
  return m
}

/** Whether the ids both lists share appear in the same order (additions and removals alone are not a reordering). */
function sameRelativeOrder(a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b)
  const inA = new Set(a)
  const x = a.filter((id) => inB.has(id))
  const y = b.filter((id) => inA.has(id))
  return x.every((id, i) => id === y[i])
}

