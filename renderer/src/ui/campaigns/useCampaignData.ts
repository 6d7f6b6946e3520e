import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { assignmentsOf } from '../../workflow/assignments'
import { casesOf } from '../../workflow/campaigns'
import { currentMember } from '../../workflow/identity'
import { reviewsOf } from '../../workflow/reviews'
import type { AssignmentRecord, CampaignCaseRecord, CampaignRecord, ReviewRecord } from '../../store/workflowRecords'
import type { PanelMember } from '@scoring/index'

export interface CampaignData {
  campaign: CampaignRecord
  cases: CampaignCaseRecord[]
  assignments: AssignmentRecord[]
  reviews: ReviewRecord[]
  me: PanelMember | null
  agencyName(id: string): string
  memberName(id: string): string
}

/**
 * Everything the campaign tabs show, read in one live query so the tabs never disagree with
 * each other mid-update. null while loading; 'missing' when the campaign does not exist.
 */
export function useCampaignData(campaignId: string): CampaignData | null | 'missing' {
  const { db } = useServices()
  const data = useLiveQuery(async () => {
    const campaign = await db.campaigns.get(campaignId)
    if (!campaign) return 'missing' as const
    const [cases, assignments, reviews, me] = await Promise.all([casesOf(db, campaignId), assignmentsOf(db, campaignId), reviewsOf(db, campaignId), currentMember(db, campaign)])
    return { campaign, cases, assignments, reviews, me }
  }, [db, campaignId])
  if (data === undefined) return null
  if (data === 'missing') return 'missing'
  const agencies = new Map(data.campaign.agencies.map((a) => [a.id, a.name]))
  const members = new Map(data.campaign.members.map((m) => [m.id, m.name]))
  return { ...data, agencyName: (id) => agencies.get(id) ?? '（未知单位）', memberName: (id) => members.get(id) ?? '（未知人员）' }
}
