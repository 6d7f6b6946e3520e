import type { Review } from '@scoring/index'
import { migrateReviews, type CampaignMigration } from '../rubrics/migrateCampaign'
import { getRubricVersion } from '../rubrics/rubricCatalog'
import type { CaseDb } from '../store/db'
import type { ReviewComment } from '../store/workflowRecords'
import { appendAudit } from './audit'
import { casesOf } from './campaigns'
import { reviewsOf } from './reviews'
import { toEngineReview } from './scoreRecord'

export interface CampaignRubricMigrationPlan {
  caseType: string
  migration: CampaignMigration
}

/**
 * Works out what moving a campaign's case type to another rubric version does to each review.
 * Nothing is written: the lead reads the report first.
 */
export async function planRubricMigration(db: CaseDb, campaignId: string, caseType: string, to: { rubricId: string; version: number }): Promise<CampaignRubricMigrationPlan> {
  const campaign = await db.campaigns.get(campaignId)
  if (!campaign) throw new Error('评查活动不存在')
  const pin = campaign.rubrics.find((r) => r.caseType === caseType)
  if (!pin) throw new Error('本次活动没有为该案件类型指定评查标准')
  const older = await getRubricVersion(db, { rubricId: pin.rubricId, version: pin.version })
  const newer = await getRubricVersion(db, to)
  if (!older || !newer) throw new Error('找不到评查标准版本')
  const cases = new Map((await casesOf(db, campaignId)).map((c) => [c.id, c]))
  const reviews: Review[] = (await reviewsOf(db, campaignId))
    .filter((r) => cases.get(r.campaignCaseId)?.caseType === caseType && r.rubricId === pin.rubricId && r.rubricVersion === pin.version)
    .map((r) => ({ ...toEngineReview(r), case: { number: cases.get(r.campaignCaseId)?.caseNumber ?? '' } }))
  return { caseType, migration: migrateReviews(older.rubric, newer.rubric, reviews) }
}

/**
 * Applies an accepted plan in one transaction: carried decisions stay, the rest are cleared for
 * re-review, and any review that lost a decision goes back to 评查中 with a recorded reason, so a
 * finalised score is never silently replaced.
 */
export async function applyRubricMigration(db: CaseDb, campaignId: string, plan: CampaignRubricMigrationPlan, actor: string): Promise<{ reopened: number; unchanged: number }> {
  const { migration } = plan
  return db.transaction('rw', [db.campaigns, db.reviews, db.auditLog, db.settings], async () => {
    const campaign = await db.campaigns.get(campaignId)
    if (!campaign) throw new Error('评查活动不存在')
    let reopened = 0
    let unchanged = 0
    for (const item of migration.items) {
      if (!item.result) throw new Error(`评查记录 ${item.label} 无法迁移：${item.error}`)
      const review = await db.reviews.get(item.reviewId)
      if (!review) continue
      const needsWork = item.result.counts.reReview + item.result.counts.undecided > 0
      const now = new Date().toISOString()
      const comments: ReviewComment[] = needsWork
        ? [...review.comments, { at: now, by: actor, kind: 'reopen', text: `评查标准更新到第 ${migration.to.version} 版，${item.result.counts.reReview} 项需重新评查，${item.result.counts.undecided} 项为新增项目` }]
        : review.comments
      const state = needsWork && review.state !== 'not-started' ? 'in-progress' : review.state
      await db.reviews.update(review.id, { rubricVersion: migration.to.version, rubricId: migration.to.rubricId, decisions: item.result.draft.decisions, state, comments, updatedAt: now })
      await appendAudit(db, {
        campaignId,
        actor,
        action: 'review.migrate',
        subject: { kind: 'review', id: review.id },
        before: { rubricId: review.rubricId, version: review.rubricVersion, state: review.state, decisions: review.decisions },
        after: { rubricId: migration.to.rubricId, version: migration.to.version, state, carried: item.result.counts.carried, reReview: item.result.counts.reReview },
      })
      if (needsWork) reopened++
      else unchanged++
    }
    const rubrics = campaign.rubrics.map((r) => (r.caseType === plan.caseType ? { caseType: r.caseType, rubricId: migration.to.rubricId, version: migration.to.version } : r))
    await db.campaigns.update(campaignId, { rubrics, updatedAt: new Date().toISOString() })
    await appendAudit(db, { campaignId, actor, action: 'campaign.rubric', subject: { kind: 'campaign', id: campaignId }, before: campaign.rubrics, after: rubrics })
    return { reopened, unchanged }
  })
}
