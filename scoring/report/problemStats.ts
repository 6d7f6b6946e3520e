import type { Cents } from '../decimal/points'
import { formatCents, toCents } from '../decimal/points'
import type { Rubric } from '../rubric/types'
import type { FileResult } from './model'
import { percent, percentText } from './percent'

export interface ProblemExample {
  caseId: string
  caseNumber: string
  agencyName: string
  /** Evidence pages, ascending, without repeats. */
  pages: number[]
  reason: string
}

/** One rubric rule (or veto) as it occurred across the campaign. */
export interface ProblemRuleStat {
  kind: 'deduction' | 'veto'
  rubricId: string
  itemId: string
  itemName: string
  ruleId: string
  ruleText: string
  /** Problem entries recorded (one deduction line = one entry, whatever its occurrence count). */
  occurrences: number
  files: number
  pointsText: string
  examples: ProblemExample[]
}

export interface CategoryStat {
  category: { id: string; name: string }
  occurrences: number
  files: number
  pointsText: string
  /** Share of all problem entries in the campaign. */
  percent: number
  percentText: string
  rules: ProblemRuleStat[]
}

export function pagesOf(evidence: readonly { page: number }[]): number[] {
  return [...new Set(evidence.map((e) => e.page))].sort((a, b) => a - b)
}

/**
 * Problems grouped by category, most frequent rules first (files affected, then entries, then rubric order),
 * with the first few files in export order as typical examples. Categories follow the unit rubric's order,
 * then any category only other rubrics use; empty categories are dropped.
 */
export function categoryStats(unitRubric: Rubric, files: readonly FileResult[], examplesPerRule: number): CategoryStat[] {
  const order = new Map<string, { id: string; name: string }>()
  for (const c of unitRubric.categories) order.set(c.id, { id: c.id, name: c.name })
  interface Acc { stat: ProblemRuleStat; seq: number; files: Set<string>; points: Cents }
  const rules = new Map<string, Acc>()
  const catFiles = new Map<string, Set<string>>()
  const catPoints = new Map<string, Cents>()
  const catCount = new Map<string, number>()
  let total = 0
  let seq = 0
  for (const f of files) {
    for (const p of f.problems) {
      total++
      if (!order.has(p.category.id)) order.set(p.category.id, p.category)
      const key = `${f.rubric.id}|${p.category.id}|${p.ruleId}`
      let acc = rules.get(key)
      if (!acc) {
        acc = { stat: { kind: p.kind, rubricId: f.rubric.id, itemId: p.itemId, itemName: p.itemName, ruleId: p.ruleId, ruleText: p.ruleText, occurrences: 0, files: 0, pointsText: '0', examples: [] }, seq: seq++, files: new Set(), points: 0 }
        rules.set(key, acc)
      }
      acc.stat.occurrences++
      acc.points += toCents(p.points)
      if (!acc.files.has(f.case.id) && acc.stat.examples.length < examplesPerRule)
        acc.stat.examples.push({ caseId: f.case.id, caseNumber: f.case.caseNumber, agencyName: f.agency.name, pages: pagesOf(p.evidence), reason: p.reason })
      acc.files.add(f.case.id)
      catFiles.set(p.category.id, (catFiles.get(p.category.id) ?? new Set()).add(f.case.id))
      catPoints.set(p.category.id, (catPoints.get(p.category.id) ?? 0) + toCents(p.points))
      catCount.set(p.category.id, (catCount.get(p.category.id) ?? 0) + 1)
    }
  }
  const out: CategoryStat[] = []
  for (const cat of order.values()) {
    const k = catCount.get(cat.id) ?? 0
    if (k === 0) continue
    const list = [...rules.entries()]
      .filter(([key]) => key.split('|')[1] === cat.id)
      .map(([, a]) => {
        a.stat.files = a.files.size
        a.stat.pointsText = formatCents(a.points)
        return a
      })
      .sort((a, b) => b.stat.files - a.stat.files || b.stat.occurrences - a.stat.occurrences || a.seq - b.seq)
      .map((a) => a.stat)
    out.push({ category: cat, occurrences: k, files: catFiles.get(cat.id)?.size ?? 0, pointsText: formatCents(catPoints.get(cat.id) ?? 0), percent: percent(k, total), percentText: percentText(k, total), rules: list })
  }
  return out
}

/** How often each rubric item lost points: what the statistics view and training plans look at. */
export interface ItemStat {
  rubricId: string
  rubricName: string
  sectionName: string | null
  itemId: string
  itemName: string
  /** Files scored with this rubric. */
  scoredFiles: number
  /** Files where the item was N/A. */
  naFiles: number
  /** Files with at least one deduction or veto on the item. */
  files: number
  /** files ÷ applicable files (scored − N/A), one decimal. */
  ratePercentText: string
  occurrences: number
  pointsText: string
}

export function itemStats(rubrics: readonly Rubric[], files: readonly FileResult[]): ItemStat[] {
  const out: ItemStat[] = []
  for (const rubric of rubrics) {
    const mine = files.filter((f) => f.rubric === rubric)
    if (mine.length === 0) continue
    const rows: { sectionName: string | null; itemId: string; itemName: string }[] = [
      ...(rubric.basic?.items ?? []).map((b) => ({ sectionName: rubric.basic?.title ?? null, itemId: b.id, itemName: b.text })),
      ...rubric.sections.flatMap((s) => s.items.map((it) => ({ sectionName: s.name, itemId: it.id, itemName: it.name }))),
    ]
    for (const row of rows) {
      let hit = 0
      let na = 0
      let occurrences = 0
      let points: Cents = 0
      for (const f of mine) {
        const ps = f.problems.filter((p) => p.itemId === row.itemId)
        if (ps.length > 0) hit++
        occurrences += ps.length
        points += ps.reduce((s, p) => s + toCents(p.points), 0)
        if (f.result.items.find((i) => i.itemId === row.itemId)?.status === 'na') na++
      }
      out.push({ rubricId: rubric.id, rubricName: rubric.name, ...row, scoredFiles: mine.length, naFiles: na, files: hit, ratePercentText: percentText(hit, mine.length - na), occurrences, pointsText: formatCents(points) })
    }
  }
  return out
}
