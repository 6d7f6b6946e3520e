import type { Review, ReviewMigration, Rubric } from '@scoring/index'
import { migrateReview } from '@scoring/index'

export interface CampaignMigrationItem {
  reviewId: string
  /** Case number or name when the review carries one, for the report. */
  label: string
  result: ReviewMigration | null
  /** Why the review could not be migrated at all (made on another rubric or version). */
  error: string | null
}

export interface CampaignMigration {
  from: { rubricId: string; version: number }
  to: { rubricId: string; version: number }
  items: CampaignMigrationItem[]
  totals: { reviews: number; failed: number; carried: number; reReview: number; undecided: number; fullyCarried: number }
}

/**
 * Migrates every review of a campaign from its pinned version to a new one. Nothing is rescored or saved here:
 * the caller shows the report (MigrationReport) and stores the drafts only when the campaign owner accepts.
 */
export function migrateReviews(older: Rubric, newer: Rubric, reviews: readonly Review[]): CampaignMigration {
  const items = reviews.map((review): CampaignMigrationItem => {
    const label = review.case?.number || review.case?.name || review.id
    try {
      return { reviewId: review.id, label, result: migrateReview(older, newer, review), error: null }
    } catch (e) {
      return { reviewId: review.id, label, result: null, error: e instanceof Error ? e.message : String(e) }
    }
  })
  const totals = { reviews: items.length, failed: 0, carried: 0, reReview: 0, undecided: 0, fullyCarried: 0 }
  for (const i of items) {
    if (!i.result) {
      totals.failed++
      continue
    }
    totals.carried += i.result.counts.carried
    totals.reReview += i.result.counts.reReview
    totals.undecided += i.result.counts.undecided
    if (i.result.counts.reReview === 0 && i.result.counts.undecided === 0) totals.fullyCarried++
  }
  return { from: { rubricId: older.id, version: older.version }, to: { rubricId: newer.id, version: newer.version }, items, totals }
}

/**
 * A plausible review of `rubric` for trying a migration before any campaign exists: every item conforming
 * except the first deduction rule of every third scored item applied once.
 */
export function sampleReview(rubric: Rubric): Review {
  const decisions: Review['decisions'] = []
  for (const b of rubric.basic?.items ?? []) decisions.push({ itemId: b.id, kind: 'conforming' })
  let n = 0
  for (const s of rubric.sections) {
    for (const it of s.items) {
      const rule = it.rules?.[0]
      if (rule && n++ % 3 === 0) {
        const entry =
          rule.kind === 'range'
            ? { ruleId: rule.id, amount: rule.min, reason: '示例扣分' }
            : rule.kind === 'perElement' && rule.elements
              ? { ruleId: rule.id, elements: [rule.elements[0]!], reason: '示例扣分' }
              : { ruleId: rule.id, reason: '示例扣分' }
        decisions.push({ itemId: it.id, kind: 'deducted', deductions: [entry] })
      } else decisions.push({ itemId: it.id, kind: 'conforming' })
    }
  }
  return { format: 'case-review-review/1', id: crypto.randomUUID(), rubricId: rubric.id, rubricVersion: rubric.version, case: { number: '示例案卷' }, decisions }
}
