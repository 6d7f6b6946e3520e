import { describe, expect, it } from 'vitest'
import { exportAssignmentPackage, exportResultPackage } from '../../../renderer/src/exchange/exportWork'
import { importWorkPackage } from '../../../renderer/src/exchange/importWork'
import { blobDigests } from '../../../renderer/src/exchange/storeDump'
import { changeState, setDecision } from '../../../renderer/src/workflow/reviews'
import { verifyCampaignAudit, auditOf } from '../../../renderer/src/workflow/audit'
import { currentMember } from '../../../renderer/src/workflow/identity'
import { getRubricVersion } from '../../../renderer/src/rubrics/rubricCatalog'
import { freshDb, seedLead, snapshot } from './fixtures'

describe('assignment → result → merge', () => {
  it('sets a reviewer laptop up, brings the decisions back, and a second import changes nothing', async () => {
    const lead = await seedLead(2)
    const pkg = await exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, '0.1.0')
    expect(pkg.fileName).toMatch(/^分配包_/)

    const reviewerDb = freshDb()
    const r1 = await importWorkPackage(reviewerDb, pkg.blob, 'assignment')
    expect(r1.caseFilesAdded).toBe(2)
    expect(r1.blobsAdded).toBe(2)
    expect(await blobDigests(reviewerDb)).toEqual(await blobDigests(lead.db))
    const campaign = (await reviewerDb.campaigns.get(lead.campaignId))!
    expect((await currentMember(reviewerDb, campaign))?.id).toBe(lead.reviewerId)
    const review = (await reviewerDb.reviews.get(lead.reviewIds[0]!))!
    const rubric = (await getRubricVersion(reviewerDb, { rubricId: review.rubricId, version: review.rubricVersion }))!
    const itemId = rubric.rubric.sections.flatMap((s) => s.items)[0]!.id

    const again = await snapshot(reviewerDb)
    const r1b = await importWorkPackage(reviewerDb, pkg.blob, 'assignment')
    expect(r1b.changed).toBe(false)
    expect(await snapshot(reviewerDb)).toEqual(again)

    await setDecision(reviewerDb, review.id, itemId, { itemId, kind: 'conforming' }, lead.reviewer)
    const result = await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')
    const r2 = await importWorkPackage(lead.db, result.blob, 'result')
    expect(r2.updated).toBeGreaterThanOrEqual(1)
    expect(r2.conflicts).toEqual([])
    expect((await lead.db.reviews.get(review.id))!.decisions).toEqual([{ itemId, kind: 'conforming' }])
    expect((await lead.db.reviews.get(review.id))!.state).toBe('in-progress')
    expect(await verifyCampaignAudit(lead.db, lead.campaignId)).toMatchObject({ ok: true })
    expect((await auditOf(lead.db, lead.campaignId)).some((e) => e.action === 'review.decision')).toBe(true)

    const before = await snapshot(lead.db)
    const r3 = await importWorkPackage(lead.db, result.blob, 'result')
    expect(r3.changed).toBe(false)
    expect(await snapshot(lead.db)).toEqual(before)

    // The reviewer goes on; the lead's copy is unchanged since, so the newer value is taken without conflict.
    await setDecision(reviewerDb, review.id, itemId, { itemId, kind: 'na', reason: '本案不涉及' }, lead.reviewer)
    await changeState(reviewerDb, review.id, { type: 'submit' }, lead.reviewer).catch(() => undefined)
    const result2 = await exportResultPackage(reviewerDb, lead.campaignId, '0.1.0')
    const r4 = await importWorkPackage(lead.db, result2.blob, 'result')
    expect(r4.conflicts).toEqual([])
    expect((await lead.db.reviews.get(review.id))!.decisions).toEqual([{ itemId, kind: 'na', reason: '本案不涉及' }])
  })
})

describe('user rubrics travel with the assignment', () => {
  it('a campaign pinned to a published user rubric opens on the reviewer laptop', async () => {
    const { builtinRubrics } = await import('../../../renderer/src/rubrics/builtinRubrics')
    const { duplicateRubric, publishVersion } = await import('../../../renderer/src/rubrics/rubricStore')
    const lead = await seedLead(1)
    const template = await duplicateRubric(lead.db, builtinRubrics.find((r) => r.caseType === 'penalty')!, { name: '本市处罚案卷评查标准' })
    const published = await publishVersion(lead.db, template.id, 1)
    const campaign = (await lead.db.campaigns.get(lead.campaignId))!
    await lead.db.campaigns.update(lead.campaignId, { rubrics: [...campaign.rubrics, { caseType: 'license', rubricId: template.id, version: published.version }] })
    const reviewerDb = freshDb()
    await importWorkPackage(reviewerDb, (await exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, '0.1.0')).blob, 'assignment')
    const found = await getRubricVersion(reviewerDb, { rubricId: template.id, version: 1 })
    expect(found?.name).toBe('本市处罚案卷评查标准')
    expect((await reviewerDb.rubricTemplates.get(template.id))?.name).toBe('本市处罚案卷评查标准')
  })
})
