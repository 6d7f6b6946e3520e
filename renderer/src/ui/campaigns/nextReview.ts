import type { ReviewState } from '@scoring/index'
import type { ReviewRecord } from '../../store/workflowRecords'
import type { CampaignData } from './useCampaignData'

/** First review is done once submitted; what follows is the lead's second review. */
export const DONE: ReviewState[] = ['submitted', 'in-second-review', 'finalised']
/** What a reviewer should pick up first: work sent back, then work begun, then new work. */
const MY_ORDER: ReviewState[] = ['returned', 'in-progress', 'not-started']
const LEAD_QUEUE: ReviewState[] = ['in-second-review', 'submitted']

export function nextReviewFor(data: CampaignData): ReviewRecord | undefined {
  const { me, reviews, cases } = data
  if (!me) return undefined
  const caseNumber = new Map(cases.map((c) => [c.id, c.caseNumber]))
  const byCase = (a: ReviewRecord, b: ReviewRecord) => (caseNumber.get(a.campaignCaseId) ?? '').localeCompare(caseNumber.get(b.campaignCaseId) ?? '', 'zh-CN', { numeric: true })
  const pick = (states: ReviewState[], pool: ReviewRecord[]) => pool.filter((r) => states.includes(r.state)).sort((a, b) => states.indexOf(a.state) - states.indexOf(b.state) || byCase(a, b))[0]
  return pick(MY_ORDER, reviews.filter((r) => r.reviewerId === me.id)) ?? (me.role === 'lead' ? pick(LEAD_QUEUE, reviews) : undefined)
}
