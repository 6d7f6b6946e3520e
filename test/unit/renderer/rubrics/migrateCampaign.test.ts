import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { validateReview } from '@scoring/index'
import { builtinRubrics } from '../../../../renderer/src/rubrics/builtinRubrics'
import { migrateReviews, sampleReview } from '../../../../renderer/src/rubrics/migrateCampaign'

const older = builtinRubrics.find((r) => r.policies.floor === 'capped')!
const newer: Rubric = (() => {
  const r = JSON.parse(JSON.stringify(older)) as Rubric
  r.version = 2
  const rule = r.sections[0]!.items[0]!.rules![0]!
  if ('amount' in rule) rule.amount = rule.amount + 0.5
  return r
})()

describe('migrateReviews', () => {
  it('sampleReview is a valid, complete review of its rubric', () => {
    expect(validateReview(older, sampleReview(older)).ok).toBe(true)
  })

  it('adds up every review and reports the ones made on another version without migrating them', () => {
    const a = sampleReview(older)
    const b = { ...sampleReview(older), case: { name: '乙案' } }
    const wrong = { ...sampleReview(older), rubricVersion: 2 }
    const m = migrateReviews(older, newer, [a, b, wrong])
    expect(m.items.map((i) => i.label)).toEqual(['示例案卷', '乙案', '示例案卷'])
    expect(m.items[2]).toMatchObject({ result: null, error: expect.stringContaining('第2版') })
    const per = m.items[0]!.result!.counts
    // The first item of the first section carries the sample's deduction on the changed rule.
    expect(per.reReview).toBe(1)
    expect(m.totals).toEqual({ reviews: 3, failed: 1, carried: per.carried * 2, reReview: 2, undecided: 0, fullyCarried: 0 })
  })
})
