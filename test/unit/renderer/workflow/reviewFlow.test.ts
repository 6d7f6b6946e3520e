import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isScoreErrors, type PanelMember } from '@scoring/index'
import { buildReportModel, validateCampaignExport } from '@scoring/report/index'
import { createCaseDb } from '../../../../renderer/src/store/db'
import { listPinnableRubrics } from '../../../../renderer/src/rubrics/rubricCatalog'
import { addAgency, addMember, createCampaign, registerCases } from '../../../../renderer/src/workflow/campaigns'
import { assign } from '../../../../renderer/src/workflow/assignments'
import { changeState, setDecision, type Actor } from '../../../../renderer/src/workflow/reviews'
import { verifyCampaignAudit } from '../../../../renderer/src/workflow/audit'
import { buildCampaignExport } from '../../../../renderer/src/workflow/campaignExport'
import { scoreRecord } from '../../../../renderer/src/workflow/scoreRecord'

async function setup() {
  const db = createCaseDb(`w-${crypto.randomUUID()}`)
  const penalty = (await listPinnableRubrics(db)).find((r) => r.builtIn && r.caseType === 'penalty' && r.name.includes('DB32'))!
  let campaign = await createCampaign(db, { name: '2026年度行政处罚案卷评查', year: 2026, organiser: '某市司法局', startDate: '2026-11-01', endDate: '2026-11-20', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: penalty.rubricId, version: penalty.version }] })
  const reload = async () => (campaign = (await db.campaigns.get(campaign.id))!)
  const a = await addAgency(db, campaign, '甲区市场监督管理局', 'setup')
  await reload()
  const b = await addAgency(db, campaign, '乙区城市管理局', 'setup')
  await reload()
  const reviewerId = await addMember(db, campaign, { name: '王评查', agencyId: a, role: 'reviewer' }, 'setup')
  await reload()
  const leadId = await addMember(db, campaign, { name: '李组长', agencyId: b, role: 'lead' }, 'setup')
  await reload()
  const [c] = await registerCases(db, campaign, [{ caseFileId: null, agencyId: b, caseNumber: '乙城管罚〔2026〕7号', caseType: 'penalty', party: '某餐饮公司', cause: '占道经营', handlers: ['张三'], filedOn: '2026-03-02', closedOn: '2026-05-20', pageCount: 40 }], 'setup')
  const member = (id: string) => campaign.members.find((m) => m.id === id) as PanelMember
  await assign(db, campaign, c!.id, member(reviewerId), 'setup')
  const review = (await db.reviews.where('campaignCaseId').equals(c!.id).first())!
  const reviewer: Actor = { label: '王评查', role: 'reviewer', memberId: reviewerId }
  const lead: Actor = { label: '李组长', role: 'lead', memberId: leadId }
  return { db, campaign, penalty, review, reviewer, lead, caseId: c!.id, member, agencyA: a }
}

describe('review workflow', () => {
  it('scores, submits, returns, resubmits, finalises; locks; the export recomputes the same total', async () => {
    const { db, campaign, penalty, review, reviewer, lead } = await setup()
    const rubric = penalty.rubric
    // Decide every item conforming except one deduction.
    const items = [...(rubric.basic?.items.map((i) => i.id) ?? []), ...rubric.sections.flatMap((s) => s.items.map((i) => i.id))]
    const target = rubric.sections[1]!.items.find((i) => (i.rules ?? []).some((r) => r.kind === 'fixed'))!
    const rule = target.rules!.find((r) => r.kind === 'fixed')!
    for (const id of items) {
      if (id === target.id) await setDecision(db, review.id, id, { itemId: id, kind: 'deducted', deductions: [{ ruleId: rule.id, reason: '询问笔录缺少告知事项', evidence: [{ page: 5 }] }] }, reviewer)
      else await setDecision(db, review.id, id, { itemId: id, kind: 'conforming' }, reviewer)
    }
    for (const bonus of rubric.bonus?.items ?? []) await setDecision(db, review.id, bonus.id, { itemId: bonus.id, kind: 'bonus', amount: 0, reason: '无' }, reviewer)
    let stored = (await db.reviews.get(review.id))!
    expect(stored.state).toBe('in-progress')
    const scored = scoreRecord(rubric, stored)
    if (isScoreErrors(scored)) throw new Error(JSON.stringify(scored.errors))
    expect(scored.complete).toBe(true)

    await changeState(db, review.id, { type: 'submit' }, reviewer)
    await expect(setDecision(db, review.id, target.id, { itemId: target.id, kind: 'conforming' }, reviewer)).rejects.toThrow('当前状态下不能修改')
    await expect(changeState(db, review.id, { type: 'begin-second-review' }, reviewer)).rejects.toThrow()
    await changeState(db, review.id, { type: 'begin-second-review' }, lead)
    await changeState(db, review.id, { type: 'return', comment: '请补充证据页码' }, lead)
    await changeState(db, review.id, { type: 'submit' }, reviewer)
    await changeState(db, review.id, { type: 'begin-second-review' }, lead)
    await changeState(db, review.id, { type: 'finalise', note: '同意' }, lead)
    stored = (await db.reviews.get(review.id))!
    expect(stored.state).toBe('finalised')
    expect(stored.comments.map((c) => c.kind)).toEqual(['return', 'finalise'])
    await expect(setDecision(db, review.id, target.id, { itemId: target.id, kind: 'conforming' }, lead)).rejects.toThrow('已定稿')

    const exported = await buildCampaignExport(db, campaign.id, '0.1.0')
    const validated = validateCampaignExport(JSON.parse(JSON.stringify(exported)))
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors))
    const model = buildReportModel(validated.data)
    expect(model.files).toHaveLength(1)
    expect(model.files[0]!.result.totalText).toBe(scored.totalText)
    expect(exported.reviews[0]!.hash).toMatch(/^[0-9a-f]{64}$/)
    // The stored hash matches what a reader recomputes, so the verification string holds.
    const { checkStoredHashes } = await import('@scoring/report/index')
    const { sha256Hex } = await import('../../../../renderer/src/workflow/hash')
    expect(await checkStoredHashes(validated.data, sha256Hex)).toEqual([])

    const audit = await verifyCampaignAudit(db, campaign.id)
    expect(audit.ok).toBe(true)
  })

  it('refuses an own-agency assignment without a reason and records the override with one', async () => {
    const { db, campaign, member, agencyA } = await setup()
    const [own] = await registerCases(db, (await db.campaigns.get(campaign.id))!, [{ caseFileId: null, agencyId: agencyA, caseNumber: '甲市监罚〔2026〕3号', caseType: 'penalty', party: '某超市', cause: '销售过期食品', handlers: ['赵六'], filedOn: '', closedOn: '', pageCount: 20 }], 'setup')
    const reviewer = (await db.campaigns.get(campaign.id))!.members.find((m) => m.role === 'reviewer')!
    await expect(assign(db, campaign, own!.id, member(reviewer.id), 'lead')).rejects.toThrow()
    await expect(assign(db, campaign, own!.id, member(reviewer.id), 'lead', ' ')).rejects.toThrow()
    const a = await assign(db, campaign, own!.id, member(reviewer.id), 'lead', '本单位仅一名具备资格的评查人员')
    expect(a.overrideReason).toBe('本单位仅一名具备资格的评查人员')
  })

  it('detects an edited audit row', async () => {
    const { db, campaign, review, reviewer } = await setup()
    await setDecision(db, review.id, 'B-0-1', { itemId: 'B-0-1', kind: 'conforming' }, reviewer)
    expect((await verifyCampaignAudit(db, campaign.id)).ok).toBe(true)
    const rows = await db.auditLog.where('campaignId').equals(campaign.id).toArray()
    const victim = rows.find((r) => r.action === 'review.decision')!
    await db.auditLog.update(victim.id, { after: { itemId: 'B-0-1', kind: 'veto', reason: '改' } })
    const result = await verifyCampaignAudit(db, campaign.id)
    expect(result.ok).toBe(false)
  })
})
