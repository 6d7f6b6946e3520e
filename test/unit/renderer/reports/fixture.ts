import 'fake-indexeddb/auto'
import type { PanelMember } from '@scoring/index'
import { createCaseDb } from '../../../../renderer/src/store/db'
import { listPinnableRubrics } from '../../../../renderer/src/rubrics/rubricCatalog'
import { addAgency, addMember, createCampaign, registerCases } from '../../../../renderer/src/workflow/campaigns'
import { assign } from '../../../../renderer/src/workflow/assignments'
import { changeState, setDecision, type Actor } from '../../../../renderer/src/workflow/reviews'

/** A one-case campaign whose review is finalised with two deductions (on two items). */
export async function finalisedCampaign(options: { deadline?: string } = {}) {
  const db = createCaseDb(`rp-${crypto.randomUUID()}`)
  const penalty = (await listPinnableRubrics(db)).find((r) => r.builtIn && r.caseType === 'penalty' && r.name.includes('DB32'))!
  let campaign = await createCampaign(db, { name: '2026年度行政处罚案卷评查', year: 2026, organiser: '某市司法局', startDate: '2026-11-01', endDate: '2026-11-20', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: penalty.rubricId, version: penalty.version }] })
  if (options.deadline) await db.campaigns.update(campaign.id, { rectificationDeadline: options.deadline })
  const reload = async () => (campaign = (await db.campaigns.get(campaign.id))!)
  const a = await addAgency(db, await reload(), '甲区市场监督管理局', 'setup')
  const b = await addAgency(db, await reload(), '乙区城市管理局', 'setup')
  const reviewerId = await addMember(db, await reload(), { name: '王评查', agencyId: a, role: 'reviewer' }, 'setup')
  const leadId = await addMember(db, await reload(), { name: '李组长', agencyId: b, role: 'lead' }, 'setup')
  await reload()
  const [c] = await registerCases(db, campaign, [{ caseFileId: null, agencyId: b, caseNumber: '乙城管罚〔2026〕7号', caseType: 'penalty', party: '某餐饮公司', cause: '占道经营', handlers: ['张三'], filedOn: '2026-03-02', closedOn: '2026-05-20', pageCount: 40 }], 'setup')
  await assign(db, campaign, c!.id, campaign.members.find((m) => m.id === reviewerId) as PanelMember, 'setup')
  const review = (await db.reviews.where('campaignCaseId').equals(c!.id).first())!
  const reviewer: Actor = { label: '王评查', role: 'reviewer', memberId: reviewerId }
  const lead: Actor = { label: '李组长', role: 'lead', memberId: leadId }
  const rubric = penalty.rubric
  const targets = rubric.sections.flatMap((s) => s.items).filter((i) => (i.rules ?? []).some((r) => r.kind === 'fixed')).slice(0, 2)
  for (const id of [...(rubric.basic?.items.map((i) => i.id) ?? []), ...rubric.sections.flatMap((s) => s.items.map((i) => i.id))]) {
    const t = targets.find((x) => x.id === id)
    if (t) await setDecision(db, review.id, id, { itemId: id, kind: 'deducted', deductions: [{ ruleId: t.rules!.find((r) => r.kind === 'fixed')!.id, reason: `${t.name}存在缺陷`, evidence: [{ page: 3 }] }] }, reviewer)
    else await setDecision(db, review.id, id, { itemId: id, kind: 'conforming' }, reviewer)
  }
  for (const bonus of rubric.bonus?.items ?? []) await setDecision(db, review.id, bonus.id, { itemId: bonus.id, kind: 'bonus', amount: 0, reason: '无' }, reviewer)
  await changeState(db, review.id, { type: 'submit' }, reviewer)
  await changeState(db, review.id, { type: 'begin-second-review' }, lead)
  await changeState(db, review.id, { type: 'finalise', note: '同意' }, lead)
  return { db, campaignId: campaign.id, caseId: c!.id, agencyId: b, reviewId: review.id, targets: targets.map((t) => t.id) }
}
