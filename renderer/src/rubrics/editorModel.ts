import type { DeductionKind, DeductionRule, Item, Rubric, Section } from '@scoring/index'

/** What the editor's tree can select. Rules and vetoes are edited inside their item's form. */
export type NodeKey =
  | { kind: 'info' }
  | { kind: 'basic' }
  | { kind: 'section'; si: number }
  | { kind: 'item'; si: number; ii: number }
  | { kind: 'bonus' }
  | { kind: 'units' }

export function nodeId(k: NodeKey): string {
  switch (k.kind) {
    case 'section':
      return `section-${k.si}`
    case 'item':
      return `item-${k.si}-${k.ii}`
    default:
      return k.kind
  }
}

/** The node whose form shows the field at a JSON path, so an error in the list can jump to it. */
export function nodeForPath(path: string): NodeKey {
  const item = /^\$\.sections\[(\d+)\]\.items\[(\d+)\]/.exec(path)
  if (item) return { kind: 'item', si: Number(item[1]), ii: Number(item[2]) }
  const section = /^\$\.sections\[(\d+)\]/.exec(path)
  if (section) return { kind: 'section', si: Number(section[1]) }
  if (path.startsWith('$.basic')) return { kind: 'basic' }
  if (path.startsWith('$.bonus')) return { kind: 'bonus' }
  if (path.startsWith('$.units')) return { kind: 'units' }
  return { kind: 'info' }
}

export function nodePath(k: NodeKey): string {
  switch (k.kind) {
    case 'section':
      return `$.sections[${k.si}]`
    case 'item':
      return `$.sections[${k.si}].items[${k.ii}]`
    case 'info':
      return '$'
    default:
      return `$.${k.kind}`
  }
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

type Seg = string | number

/** Parses "$.sections[0].items[2].points" into segments. */
export function parsePath(path: string): Seg[] {
  const out: Seg[] = []
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)))
  return out
}

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root
  for (const s of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string | number, unknown>)[s]
  }
  return cur
}

/** A copy of `rubric` with the value at `path` replaced; `undefined` removes the field, as the format has no nulls. */
export function setAt(rubric: Rubric, path: string, value: unknown): Rubric {
  const next = clone(rubric) as unknown as Record<string | number, unknown>
  const segs = parsePath(path)
  let cur = next
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!
    if (cur[s] === undefined || cur[s] === null) cur[s] = typeof segs[i + 1] === 'number' ? [] : {}
    cur = cur[s] as Record<string | number, unknown>
  }
  const last = segs[segs.length - 1]!
  if (value === undefined && !Array.isArray(cur)) delete cur[last]
  else cur[last] = value
  return next as unknown as Rubric
}

export function moveInArray<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list]
  const [x] = out.splice(from, 1)
  out.splice(Math.max(0, Math.min(to, out.length)), 0, x!)
  return out
}

export function moveSection(r: Rubric, from: number, to: number): Rubric {
  const next = clone(r)
  next.sections = moveInArray(next.sections, from, to)
  return next
}

/** Moves an item within its section or into another one (drag and drop across sections). */
export function moveItem(r: Rubric, from: { si: number; ii: number }, to: { si: number; ii: number }): Rubric {
  const next = clone(r)
  const [item] = next.sections[from.si]!.items.splice(from.ii, 1)
  const target = next.sections[to.si]!.items
  target.splice(Math.max(0, Math.min(to.ii, target.length)), 0, item!)
  return next
}

/** A fresh id not used anywhere in the rubric: sections, items, rules and vetoes share one namespace. */
export function freshId(r: Rubric, prefix: string): string {
  const used = new Set<string>()
  JSON.stringify(r, (k, v: unknown) => {
    if (k === 'id' && typeof v === 'string') used.add(v)
    return v
  })
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`
}

export function addSection(r: Rubric): Rubric {
  const next = clone(r)
  const id = freshId(r, 'S')
  const section: Section = { id, name: '新部分', points: 0, items: [newItem(r, id, 0)] }
  next.sections.push(section)
  return next
}

function newItem(r: Rubric, prefix: string, points: number | undefined): Item {
  const id = freshId(r, prefix)
  const category = r.categories[0]?.id ?? 'document'
  return { id, name: '新项目', ...(points !== undefined ? { points } : {}), rules: [{ id: `${id}-a`, kind: 'fixed', text: '扣分情形', category, amount: 1 }] }
}

export function addItem(r: Rubric, si: number): Rubric {
  const next = clone(r)
  const s = next.sections[si]!
  s.items.push(newItem(r, s.id, r.policies.floor === 'capped' ? 0 : undefined))
  return next
}

export function removeSection(r: Rubric, si: number): Rubric {
  const next = clone(r)
  next.sections.splice(si, 1)
  return next
}

export function removeItem(r: Rubric, si: number, ii: number): Rubric {
  const next = clone(r)
  next.sections[si]!.items.splice(ii, 1)
  return next
}

/** A rule of another kind keeping what the kinds share, with sensible amounts for the new kind. */
export function changeRuleKind(rule: DeductionRule, kind: DeductionKind): DeductionRule {
  const base = { id: rule.id, text: rule.text, category: rule.category, ...(rule.note !== undefined ? { note: rule.note } : {}) }
  const amount = 'amount' in rule ? rule.amount : 'min' in rule ? rule.min : 1
  switch (kind) {
    case 'fixed':
      return { ...base, kind, amount }
    case 'full':
      return { ...base, kind }
    case 'perOccurrence':
      return { ...base, kind, amount }
    case 'perElement':
      return { ...base, kind, amount }
    case 'range':
      return { ...base, kind, min: amount, max: Math.max(amount, 'max' in rule ? rule.max : amount * 2), step: 0.5 }
  }
}
