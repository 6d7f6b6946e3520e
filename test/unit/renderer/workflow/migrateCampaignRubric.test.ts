import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCaseDb } from '../../../../renderer/src/store/db'
import { builtinRubrics } from '../../../../renderer/src/rubrics/builtinRubrics'
import { duplicateRubric, publishVersion, saveDraft } from '../../../../renderer/src/rubrics/rubricStore'
import { addAgency, addMember, createCampaign, registerCases } from '../../../../renderer/src/workflow/campaigns'
import { assign } from '../../../../renderer/src/workflow/assignments'
import { setDecision, type Actor } from '../../../../renderer/src/workflow/reviews'
import { applyRubricMigration, planRubricMigration } from '../../../../renderer/src/workflow/migrateCampaignRubric'
import { verifyCampaignAudit } from '../../../../renderer/src/workflow/audit'

describe('moving a campaign to a new rubric version', () => {
  it('carries unchanged decisions, clears changed ones, reopens the review with a reason, and audits it', async () => {
    const db = createCaseDb(`mig-${crypto.randomUUID()}`)
    const base = builtinRubrics.find((r) => r.caseType === 'penalty' && r.name.includes('DB32'))!
    const template = await duplicateRubric(db, base)
    const v1 = await publishVersion(db, template.id, 1)

    let campaign = await createCampaign(db, { name: '迁移测试', year: 2026, organiser: '某市司法局', startDate: '2026-11-01', endDate: '2026-11-30', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: template.id, version: 1 }] })
    const a = await addAgency(db, campaign, '甲局', 'lead')
    campaign = (await db.campaigns.get(campaign.id))!
    const b = await addAgency(db, campaign, '乙局', 'lead')
    campaign = (await db.campaigns.get(campaign.id))!
    const reviewerId = await addMember(db, campaign, { name: '王评查', agencyId: a, role: 'reviewer' }, 'lead')
    campaign = (await db.campaigns.get(campaign.id))!
    const [c] = await registerCases(db, campaign, [{ caseFileId: null, agencyId: b, caseNumber: '乙罚〔2026〕1号', caseType: 'penalty', party: '某公司', cause: '无证经营', handlers: ['张三'], filedOn: '', closedOn: '', pageCount: 10 }], 'lead')
    await assign(db, campaign, c!.id, campaign.members.find((m) => m.id === reviewerId)!, 'lead')
    const review = (await db.reviews.where('campaignCaseId').equals(c!.id).first())!
    const reviewer: Actor = { label: '王评查', role: 'reviewer', memberId: reviewerId }

    // Two decisions: one on an item that will change, one on an item that will not.
    const [changed, kept] = v1.rubric.sections[1]!.items.filter((i) => (i.rules ?? []).some((r) => r.kind === 'fixed'))
    const fixedRule = changed!.rules!.find((r) => r.kind === 'fixed')!
    await setDecision(db, review.id, changed!.id, { itemId: changed!.id, kind: 'deducted', deductions: [{ ruleId: fixedRule.id, reason: '缺少告知' }] }, reviewer)
    await setDecision(db, review.id, kept!.id, { itemId: kept!.id, kind: 'conforming' }, reviewer)

    // Version 2 changes the amount of that rule.
    const edited = structuredClone(v1.rubric)
    const rule = edited.sections[1]!.items.find((i) => i.id === changed!.id)!.rules!.find((r) => r.id === fixedRule.id)!
    if (rule.kind !== 'fixed') throw new Error('fixture')
    rule.amount = rule.amount + 0.5
    await saveDraft(db, template.id, edited)
    await publishVersion(db, template.id, 2)

    const plan = await planRubricMigration(db, campaign.id, 'penalty', { rubricId: template.id, version: 2 })
    expect(plan.migration.totals.reviews).toBe(1)
    const entry = plan.migration.items[0]!.result!
    expect(entry.entries.find((e) => e.itemId === changed!.id)!.outcome).toBe('reReview')
    expect(entry.entries.find((e) => e.itemId === kept!.id)!.outcome).toBe('carried')
    // Nothing written by planning.
    expect((await db.reviews.get(review.id))!.rubricVersion).toBe(1)

    const applied = await applyRubricMigration(db, campaign.id, plan, '李组长')
    expect(applied).toEqual({ reopened: 1, unchanged: 0 })
    const after = (await db.reviews.get(review.id))!
    expect(after.rubricVersion).toBe(2)
    expect(after.decisions.map((d) => d.itemId)).toEqual([kept!.id])
    expect(after.state).toBe('in-progress')
    expect(after.comments.at(-1)!.text).toContain('第 2 版')
    expect((await db.campaigns.get(campaign.id))!.rubrics[0]!.version).toBe(2)
    expect((await verifyCampaignAudit(db, campaign.id)).ok).toBe(true)
    expect((await db.auditLog.where('campaignId').equals(campaign.id).toArray()).some((e) => e.action === 'review.migrate')).toBe(true)
  })
})
