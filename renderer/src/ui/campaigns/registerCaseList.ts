import type { CaseDb } from '../../store/db'
import type { CampaignCaseRecord } from '../../store/workflowRecords'
import { addAgency, registerCases, type NewCampaignCase } from '../../workflow/campaigns'
import type { CaseListResult } from '../../workflow/caseList'

/**
 * Registers a checked case list: creates the agencies it names and the cases, in one
 * transaction, so a failure anywhere (a duplicate found at write time, a closed database)
 * leaves neither new agencies nor any case behind.
 */
export async function registerCaseList(db: CaseDb, campaignId: string, list: CaseListResult, actor: string): Promise<CampaignCaseRecord[]> {
  if (list.errors.length > 0) throw new Error(list.errors[0])
  return db.transaction('rw', [db.campaigns, db.campaignCases, db.auditLog, db.settings], async () => {
    const load = async () => {
      const c = await db.campaigns.get(campaignId)
      if (!c) throw new Error('评查活动不存在')
      return c
    }
    // addAgency writes from the campaign it is given, so each call must see the one before it.
    let campaign = await load()
    const ids = new Map(campaign.agencies.map((a) => [a.name, a.id]))
    for (const name of list.newAgencies) {
      if (ids.has(name)) continue
      ids.set(name, await addAgency(db, campaign, name, actor))
      campaign = await load()
    }
    const rows: NewCampaignCase[] = list.cases.map((c) => ({
      caseFileId: c.caseFileId,
      agencyId: c.agencyId ?? ids.get(c.newAgency ?? '') ?? '',
      caseNumber: c.caseNumber,
      caseType: c.caseType,
      party: c.party,
      cause: c.cause,
      handlers: c.handlers,
      filedOn: c.filedOn,
      closedOn: c.closedOn,
      pageCount: c.pageCount,
    }))
    return registerCases(db, campaign, rows, actor)
  })
}
