import { formatCents, mulDivRound, toCents } from '../decimal/points'
import type { Cents } from '../decimal/points'
import type { ItemStatus, ScoreResult } from '../engine/result'

/** The usual allowance between two reviewers of the same file: "相差 5 分以上" goes to the lead. */
export const DEFAULT_TOLERANCE_CENTS = 500

export interface ItemDifference {
  itemId: string
  /** The item's signed effect on the total in cents: bonus added minus points deducted. */
  aCents: number
  bCents: number
  aStatus: ItemStatus | null
  bStatus: ItemStatus | null
}

export interface ScoreComparison {
  /** |a.total − b.total| in cents. */
  differenceCents: number
  needsArbitration: boolean
  /** Exactly one of the two hit a veto: a disagreement on pass/fail, whatever the points say. */
  vetoDisagreement: boolean
  /** Items where the two differ in points or in status (N/A, veto, undecided), in rubric order. */
  items: ItemDifference[]
}

/**
 * Compares two independent scorings of one file (双人评查). Arbitration is needed when the totals are more than the
 * tolerance apart (strictly: exactly the tolerance is still agreement) or when only one of them found a veto.
 * Throws RangeError when the two were scored against different rubrics or versions: such totals are not comparable.
 */
export function compareScores(a: ScoreResult, b: ScoreResult, toleranceCents: number): ScoreComparison {
  if (a.rubricId !== b.rubricId || a.rubricVersion !== b.rubricVersion) {
    throw new RangeError(`两份评查结果所用的评查标准不同（${a.rubricId} 第${a.rubricVersion}版、${b.rubricId} 第${b.rubricVersion}版），不能比较`)
  }
  if (!Number.isInteger(toleranceCents) || toleranceCents < 0) throw new RangeError('允许差须为非负的整数（以 0.01 分计）')
  const differenceCents = Math.abs(toCents(a.total) - toCents(b.total))
  const vetoDisagreement = a.veto.hit !== b.veto.hit
  const bItems = new Map(b.items.map((i) => [i.itemId, i]))
  const aItems = new Map(a.items.map((i) => [i.itemId, i]))
  const ids = [...aItems.keys(), ...[...bItems.keys()].filter((id) => !aItems.has(id))]
  const items: ItemDifference[] = []
  for (const itemId of ids) {
    const x = aItems.get(itemId)
    const y = bItems.get(itemId)
    const aCents = x ? toCents(x.bonus) - toCents(x.deducted) : 0
    const bCents = y ? toCents(y.bonus) - toCents(y.deducted) : 0
    const aStatus = x?.status ?? null
    const bStatus = y?.status ?? null
    if (aCents !== bCents || aStatus !== bStatus) items.push({ itemId, aCents, bCents, aStatus, bStatus })
  }
  return { differenceCents, needsArbitration: differenceCents > toleranceCents || vetoDisagreement, vetoDisagreement, items }
}

/** One line for the second-review screen and the record. */
export function describeComparison(c: ScoreComparison, toleranceCents: number): string {
  const diff = `两名评查人员评分相差 ${formatCents(c.differenceCents)} 分（允许差 ${formatCents(toleranceCents)} 分）`
  const reasons: string[] = []
  if (c.differenceCents > toleranceCents) reasons.push('超过允许差')
  if (c.vetoDisagreement) reasons.push('仅一人认定否决项')
  const items = c.items.length > 0 ? `，${c.items.length} 个项目结论不一致` : ''
  return reasons.length > 0 ? `${diff}${items}；${reasons.join('、')}，需评查组长裁定。` : `${diff}${items}；在允许范围内，无需裁定。`
}

export interface LeniencyRow {
  reviewerId: string
  files: number
  meanDeductionCents: Cents
  panelMeanCents: Cents
  /** meanDeductionCents − panelMeanCents: positive means this reviewer deducts more than the panel (stricter). */
  deltaCents: Cents
}

/**
 * How strict each reviewer is compared with the panel: mean deduction per file against the panel's mean over all
 * files. Both means are rounded half up to whole cents first and the delta taken from the rounded figures, so the
 * three numbers shown side by side always add up. Sorted strictest first, ties by reviewer id.
 */
export function leniency(rows: { reviewerId: string; deductedCents: number }[]): LeniencyRow[] {
  if (rows.length === 0) return []
  const per = new Map<string, { files: number; sum: number }>()
  let total = 0
  for (const r of rows) {
    if (!Number.isInteger(r.deductedCents) || r.deductedCents < 0) throw new RangeError(`扣分须为非负整数（以 0.01 分计），${r.reviewerId} 有 ${r.deductedCents}`)
    const p = per.get(r.reviewerId) ?? { files: 0, sum: 0 }
    p.files += 1
    p.sum += r.deductedCents
    per.set(r.reviewerId, p)
    total += r.deductedCents
  }
  const panelMeanCents = mulDivRound(total, 1, rows.length)
  return [...per.entries()]
    .map(([reviewerId, p]) => {
      const meanDeductionCents = mulDivRound(p.sum, 1, p.files)
      return { reviewerId, files: p.files, meanDeductionCents, panelMeanCents, deltaCents: meanDeductionCents - panelMeanCents }
    })
    .sort((x, y) => y.deltaCents - x.deltaCents || (x.reviewerId < y.reviewerId ? -1 : x.reviewerId > y.reviewerId ? 1 : 0))
}
