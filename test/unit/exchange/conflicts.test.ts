import { describe, expect, it } from 'vitest'
import { exportAssignmentPackage, exportResultPackage } from '../../../renderer/src/exchange/exportWork'
import { importWorkPackage } from '../../../renderer/src/exchange/importWork'
import { resolvePendingConflict } from '../../../renderer/src/exchange/resolveConflicts'
import { pendingConflicts } from '../../../renderer/src/exchange/syncStore'
import { getRubricVersion } from '../../../renderer/src/rubrics/rubricCatalog'
import { auditOf, verifyCampaignAudit } from '../../../renderer/src/workflow/audit'
import { setDecision } from '../../../renderer/src/workflow/reviews'
import { freshDb, seedLead, snapshot } from './fixtures'

async function setUp() {
  const lead = await seedLead(1)
  const reviewerDb = freshDb()
  await importWorkPackage(reviewerDb, (await exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, '0.1.0')).blob, 'assignment')
  const reviewId = lead.reviewIds[0]!
  const review = (await lead.db.reviews.get(reviewId))!
  const items = (await getRubricVersion(lead.db, { rubricId: review.rubricId, version: review.rubricVersion }))!.rubric.sections.flatMap((s) => s.items).map((i) => i.id)
  return { lead, reviewerDb, reviewId, items }
}

describe('conflicts', () => {
  it('the same item changed on both laptops is listed side by side; the lead chooses and the choice is audited', async () => {
    const { lead, reviewerDb, reviewId, items } = await setUp()
    const [a, b] = items as [string, string]
    // The reviewer worked on the lead's laptop for a while too (same identity, other device).
    await setDecision(lead.db, reviewId, a, { itemId: a, kind: 'na', reason: '组长电脑上的判断' }, lead.reviewer)
    await setDecision(reviewerDb, reviewId, a, { itemId: a, kind: 'conforming' }, lead.reviewer)
    await setDecision(reviewerDb, reviewId, b, { itemId: b, kind: 'conforming' }, lead.reviewer)
    const pkg = (await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')).blob

    const report = await importWorkPackage(lead.db, pkg, 'result')
    expect(report.conflicts).toHaveLength(1)
    expect(report.conflicts[0]).toMatchObject({ kind: 'decision', itemId: a, local: { kind: 'na' }, incoming: { kind: 'conforming' } })
    const decisions = (await lead.db.reviews.get(reviewId))!.decisions
    expect(decisions.find((d) => d.itemId === a)).toMatchObject({ kind: 'na' })
    expect(decisions.find((d) => d.itemId === b)).toMatchObject({ kind: 'conforming' })
    expect(await pendingConflicts(lead.db, lead.campaignId)).toHaveLength(1)

    // Importing again: same conflict, nothing else changes.
    const before = await snapshot(lead.db)
    expect((await importWorkPackage(lead.db, pkg, 'result')).changed).toBe(false)
    expect(await snapshot(lead.db)).toEqual(before)

    await resolvePendingConflict(lead.db, lead.campaignId, report.conflicts[0]!.key, 'incoming', '李组长')
    expect((await lead.db.reviews.get(reviewId))!.decisions.find((d) => d.itemId === a)).toEqual({ itemId: a, kind: 'conforming' })
    expect(await pendingConflicts(lead.db, lead.campaignId)).toEqual([])
    const resolved = (await auditOf(lead.db, lead.campaignId)).filter((e) => e.action === 'exchange.resolve')
    expect(resolved).toHaveLength(1)
    expect(resolved[0]!.after).toMatchObject({ choice: 'incoming' })
    expect(await verifyCampaignAudit(lead.db, lead.campaignId)).toMatchObject({ ok: true })

    // After the choice, the same package brings nothing new.
    const settled = await snapshot(lead.db)
    expect((await importWorkPackage(lead.db, pkg, 'result')).changed).toBe(false)
    expect(await snapshot(lead.db)).toEqual(settled)
  })

  it('choosing the local value keeps it, and re-importing does not list the conflict again', async () => {
    const { lead, reviewerDb, reviewId, items } = await setUp()
    const a = items[0]!
    await setDecision(lead.db, reviewId, a, { itemId: a, kind: 'na', reason: '本机' }, lead.reviewer)
    await setDecision(reviewerDb, reviewId, a, { itemId: a, kind: 'conforming' }, lead.reviewer)
    const pkg = (await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')).blob
    const report = await importWorkPackage(lead.db, pkg, 'result')
    await resolvePendingConflict(lead.db, lead.campaignId, report.conflicts[0]!.key, 'local', '李组长')
    expect((await lead.db.reviews.get(reviewId))!.decisions).toEqual([{ itemId: a, kind: 'na', reason: '本机' }])
    const again = await importWorkPackage(lead.db, pkg, 'result')
    expect(again.conflicts).toEqual([])
    expect(again.changed).toBe(false)
  })

  it('a finalised review on the lead laptop is never changed by an import', async () => {
    const { lead, reviewerDb, reviewId, items } = await setUp()
    const a = items[0]!
    await lead.db.reviews.update(reviewId, { state: 'finalised', finalisedAt: '2026-11-20T00:00:00.000Z' })
    await setDecision(reviewerDb, reviewId, a, { itemId: a, kind: 'conforming' }, lead.reviewer)
    const report = await importWorkPackage(lead.db, (await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')).blob, 'result')
    expect(report.conflicts.map((c) => c.reason)).toContain('finalised')
    expect((await lead.db.reviews.get(reviewId))!.decisions).toEqual([])
    expect((await lead.db.reviews.get(reviewId))!.state).toBe('finalised')
  })

  it('marks and document index entries changed on both sides are conflicts too', async () => {
    const { lead, reviewerDb, items: _i } = await setUp()
    const caseId = lead.caseFileIds[0]!
    const doc = { id: crypto.randomUUID(), caseId, firstPage: 0, lastPage: 2, typeId: 'penalty-decision', typeName: '行政处罚决定书', note: '', updatedAt: '2026-11-02T00:00:00.000Z' }
    // The document entry reached both laptops through an earlier exchange.
    await lead.db.documents.add(doc)
    const lead2 = await exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, '0.1.0')
    await importWorkPackage(reviewerDb, lead2.blob, 'assignment')
    await lead.db.documents.update(doc.id, { note: '组长', updatedAt: '2026-11-03T00:00:00.000Z' })
    await reviewerDb.documents.update(doc.id, { note: '评查人员', updatedAt: '2026-11-04T00:00:00.000Z' })
    const report = await importWorkPackage(lead.db, (await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')).blob, 'result')
    expect(report.conflicts).toMatchObject([{ kind: 'document', caseId }])
    expect((await lead.db.documents.get(doc.id))!.note).toBe('组长')
  })
})
