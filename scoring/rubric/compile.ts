import type { Cents } from '../decimal/points'
import { toCents } from '../decimal/points'
import type { BasicItem, BonusItem, Category, DeductionRule, Item, Rubric, Section, VetoEffect, VetoRule } from './types'

/** Lookup tables and cents values derived once per rubric object, so scoring many reviews (or re-scoring on every keystroke) does no repeated work. */
export interface CompiledRubric {
  rubric: Rubric
  total: Cents
  categories: Map<string, Category>
  entries: Map<string, ItemEntry>
  /** Scored items in rubric order, grouped by section. */
  sections: CompiledSection[]
  basic: BasicItem[]
  bonusItems: BonusItem[]
  bonusCap: Cents
  defaultVetoEffect: VetoEffect
}

export interface CompiledSection {
  section: Section
  index: number
  points: Cents | null
  items: CompiledItem[]
}

export interface CompiledItem {
  item: Item
  points: Cents | null
  /** Effective cap on this item's deductions: min(points, maxDeduction); null = uncapped. */
  cap: Cents | null
  rules: Map<string, DeductionRule>
  vetoes: Map<string, VetoRule>
}

export type ItemEntry =
  | { layer: 'basic'; item: BasicItem }
  | { layer: 'scored'; item: CompiledItem; section: CompiledSection }
  | { layer: 'bonus'; item: BonusItem }

const cache = new WeakMap<Rubric, CompiledRubric>()

/** Compiles a rubric that has passed validateRubric; the result is cached per rubric object (treat rubrics as immutable). */
export function compileRubric(rubric: Rubric): CompiledRubric {
  const hit = cache.get(rubric)
  if (hit) return hit
  const entries = new Map<string, ItemEntry>()
  for (const b of rubric.basic?.items ?? []) entries.set(b.id, { layer: 'basic', item: b })
  const sections = rubric.sections.map((section, index): CompiledSection => {
    const cs: CompiledSection = { section, index, points: section.points === undefined ? null : toCents(section.points), items: [] }
    for (const item of section.items) {
      const points = item.points === undefined ? null : toCents(item.points)
      const maxD = item.maxDeduction === undefined ? null : toCents(item.maxDeduction)
      const cap = points === null ? maxD : maxD === null ? points : Math.min(points, maxD)
      const ci: CompiledItem = {
        item,
        points,
        cap,
        rules: new Map((item.rules ?? []).map((r) => [r.id, r])),
        vetoes: new Map((item.vetoes ?? []).map((v) => [v.id, v])),
      }
      cs.items.push(ci)
      entries.set(item.id, { layer: 'scored', item: ci, section: cs })
    }
    return cs
  })
  for (const b of rubric.bonus?.items ?? []) entries.set(b.id, { layer: 'bonus', item: b })
  const compiled: CompiledRubric = {
    rubric,
    total: toCents(rubric.total),
    categories: new Map(rubric.categories.map((c) => [c.id, c])),
    entries,
    sections,
    basic: rubric.basic?.items ?? [],
    bonusItems: rubric.bonus?.items ?? [],
    bonusCap: rubric.bonus ? toCents(rubric.bonus.cap) : 0,
    defaultVetoEffect: rubric.policies.vetoEffect,
  }
  cache.set(rubric, compiled)
  return compiled
}
