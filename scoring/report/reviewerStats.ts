import type { PanelMember } from '../campaign/types'
import type { Cents } from '../decimal/points'
import { formatCents, mulDivRound } from '../decimal/points'
import type { FileResult } from './model'

export interface ReviewerRow {
  member: PanelMember
  files: number
  meanDeductedText: string
  /** Mean deduction per file less the panel mean, in points: negative = more lenient than the panel. */
  diff: number
  diffText: string
}

export interface ReviewerStats {
  /** Mean points deducted per file over all finalised files (each file once, however many reviewers signed it). */
  panelMeanText: string
  rows: ReviewerRow[]
}

function mean(values: readonly Cents[]): Cents {
  return values.length === 0 ? 0 : mulDivRound(values.reduce((s, v) => s + v, 0), 1, values.length)
}

/**
 * Reviewer leniency: the mean points a reviewer's files lost to deductions, against the panel's mean. Vetoes are left
 * out (they zero a file whatever the reviewer's hand). A file reviewed jointly counts for each of its reviewers.
 */
export function reviewerStats(panel: readonly PanelMember[], files: readonly FileResult[]): ReviewerStats {
  const panelMean = mean(files.map((f) => f.deductedCents))
  const rows: ReviewerRow[] = []
  for (const m of panel) {
    const mine = files.filter((f) => f.entry.reviewerIds.includes(m.id))
    if (mine.length === 0) continue
    const own = mean(mine.map((f) => f.deductedCents))
    const d = own - panelMean
    rows.push({ member: m, files: mine.length, meanDeductedText: formatCents(own), diff: d / 100, diffText: d > 0 ? `+${formatCents(d)}` : formatCents(d) })
  }
  return { panelMeanText: formatCents(panelMean), rows }
}
