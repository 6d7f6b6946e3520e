import type { Evidence } from '../review/types'
import type { Rubric } from '../rubric/types'
import type { ScoreResult } from './result'

/** One problem found in a file, in the shape reports group and list (问题清单). */
export interface Problem {
  kind: 'deduction' | 'veto'
  itemId: string
  itemName: string
  sectionId: string | null
  ruleId: string
  ruleText: string
  category: { id: string; name: string }
  /** Points actually lost (0 for a veto on an item without points, and for deductions absorbed by a cap). */
  points: number
  reason: string
  evidence: Evidence[]
}

/** Every deduction and veto hit of a scored review, in rubric order. */
export function listProblems(result: ScoreResult): Problem[] {
  const out: Problem[] = []
  for (const item of result.items) {
    if (item.veto) {
      out.push({
        kind: 'veto',
        itemId: item.itemId,
        itemName: item.name,
        sectionId: item.sectionId,
        ruleId: item.veto.vetoId,
        ruleText: item.veto.text,
        category: item.veto.category,
        points: item.deducted,
        reason: item.veto.reason,
        evidence: item.veto.evidence,
      })
    }
    for (const d of item.deductions) {
      out.push({
        kind: 'deduction',
        itemId: item.itemId,
        itemName: item.name,
        sectionId: item.sectionId,
        ruleId: d.ruleId,
        ruleText: d.ruleText,
        category: d.category,
        points: d.applied,
        reason: d.reason,
        evidence: d.evidence,
      })
    }
  }
  return out
}

/** Problems grouped by the rubric's categories, in the rubric's category order (empty groups kept so tables line up across files). */
export function groupProblemsByCategory(rubric: Rubric, problems: readonly Problem[]): { category: { id: string; name: string }; problems: Problem[] }[] {
  return rubric.categories.map((c) => ({ category: { id: c.id, name: c.name }, problems: problems.filter((p) => p.category.id === c.id) }))
}
