import { isScoreErrors } from '@scoring/index'
import type { AppServices } from '../app/AppServices'
import { getRubricVersion, listPinnableRubrics } from '../rubrics/rubricCatalog'
import { listCaseFiles } from '../store/caseFiles'
import { addAgency, addMember, createCampaign, registerCases } from '../workflow/campaigns'
import { assign } from '../workflow/assignments'
import { setCurrentMember } from '../workflow/identity'
import { scoreRecord } from '../workflow/scoreRecord'

/** Scoring-screen part of the automation contract (window.__caseReviewDesk.review). */
export interface ReviewTestApi {
  /** The engine's result for a stored review: what the sheet must show. */
  engineTotal(reviewId: string): Promise<{ total: string; grade: string; complete: boolean; veto: boolean } | { errors: string[] }>
  state(reviewId: string): Promise<string>
  decisions(reviewId: string): Promise<unknown[]>
  /**
   * Sets up a one-case campaign with the built-in penalty rubric, without the campaign screens:
   * the case file (by library name) is registered under agency B and assigned to a reviewer from agency A.
   * Returns ids and makes the reviewer the current identity.
   */
  seedSingleReview(caseName: string): Promise<{ campaignId: string; reviewId: string; reviewerId: string; leadId: string }>
  setIdentity(campaignId: string, memberId: string): Promise<void>
}

export function createReviewTestApi(s: AppServices): ReviewTestApi {
  return {
    async engineTotal(reviewId) {
      const review = await s.db.reviews.get(reviewId)
      if (!review) throw new Error('no such review')
      const entry = await getRubricVersion(s.db, { rubricId: review.rubricId, version: review.rubricVersion })
      const r = scoreRecord(entry!.rubric, review)
      if (isScoreErrors(r)) return { errors: r.errors.map((e) => e.message) }
      return { total: r.totalText, grade: r.grade.name, complete: r.complete, veto: r.veto.hit }
    },
    state: async (id) => (await s.db.reviews.get(id))?.state ?? 'missing',
    decisions: async (id) => (await s.db.reviews.get(id))?.decisions ?? [],
    async seedSingleReview(caseName) {
      const caseFile = (await listCaseFiles(s.db)).find((c) => c.name === caseName)
      if (!caseFile) throw new Error(`no case file ${caseName}`)
      const penalty = (await listPinnableRubrics(s.db)).find((r) => r.builtIn && r.caseType === 'penalty' && r.name.includes('DB32'))!
      let campaign = await createCampaign(s.db, { name: '测试评查活动', year: 2026, organiser: '某市司法局', startDate: '2026-11-01', endDate: '2026-11-30', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: penalty.rubricId, version: penalty.version }] })
      const actor = '测试脚本'
      const a = await addAgency(s.db, campaign, '甲区市场监督管理局', actor)
      campaign = (await s.db.campaigns.get(campaign.id))!
      const b = await addAgency(s.db, campaign, '乙区城市管理局', actor)
      campaign = (await s.db.campaigns.get(campaign.id))!
      const reviewerId = await addMember(s.db, campaign, { name: '王评查', agencyId: a, role: 'reviewer' }, actor)
      campaign = (await s.db.campaigns.get(campaign.id))!
      const leadId = await addMember(s.db, campaign, { name: '李组长', agencyId: b, role: 'lead' }, actor)
      campaign = (await s.db.campaigns.get(campaign.id))!
      const [registered] = await registerCases(s.db, campaign, [{ caseFileId: caseFile.id, agencyId: b, caseNumber: '乙城管罚〔2026〕7号', caseType: 'penalty', party: '某某餐饮有限公司', cause: '未经许可占道经营', handlers: ['张三', '李四'], filedOn: '2026-03-02', closedOn: '2026-05-20', pageCount: caseFile.pageCount }], actor)
      await assign(s.db, campaign, registered!.id, campaign.members.find((m) => m.id === reviewerId)!, actor)
      const review = await s.db.reviews.where('campaignCaseId').equals(registered!.id).first()
      await setCurrentMember(s.db, campaign.id, reviewerId)
      return { campaignId: campaign.id, reviewId: review!.id, reviewerId, leadId }
    },
    setIdentity: (campaignId, memberId) => setCurrentMember(s.db, campaignId, memberId),
  }
}
