import type { PanelMember } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { CampaignRecord } from '../store/workflowRecords'

/**
 * Who is working on this laptop for a campaign. Offline laptops have no accounts; the person
 * picks their name from the panel once, and every audit entry carries it.
 */
const key = (campaignId: string) => `identity:${campaignId}`

export async function currentMember(db: CaseDb, campaign: CampaignRecord): Promise<PanelMember | null> {
  const id = (await db.settings.get(key(campaign.id)))?.value
  return campaign.members.find((m) => m.id === id) ?? null
}

export async function setCurrentMember(db: CaseDb, campaignId: string, memberId: string): Promise<void> {
  await db.settings.put({ key: key(campaignId), value: memberId })
}

export const actorLabel = (m: PanelMember | null) => (m ? `${m.name}（${m.id.slice(0, 8)}）` : '未指定人员')
