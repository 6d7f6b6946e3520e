import { drawSample, newSeed, type SamplingPlan } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { CampaignRecord } from '../store/workflowRecords'
import { appendAudit } from './audit'

export function freshSeed(): string {
  return newSeed(() => crypto.getRandomValues(new Uint32Array(1))[0]!)
}

/**
 * Draws the sample and records plan, seed and result, so anyone can rerun the same draw and
 * get the same files. Cases already assigned stay sampled: a redraw never drops work in progress.
 */
export async function runSampling(db: CaseDb, campaign: CampaignRecord, plan: SamplingPlan, actor: string) {
  return db.transaction('rw', [db.campaigns, db.campaignCases, db.assignments, db.auditLog, db.settings], async () => {
    const cases = await db.campaignCases.where('campaignId').equals(campaign.id).toArray()
    const assigned = new Set((await db.assignments.where('campaignId').equals(campaign.id).toArray()).map((a) => a.campaignCaseId))
    const result = drawSample(
      cases.map((c) => ({ id: c.id, agencyId: c.agencyId })),
      plan,
    )
    const chosen = new Set(result.selected)
    for (const c of cases) {
      const sampled = chosen.has(c.id) || assigned.has(c.id)
      if (sampled !== c.sampled) await db.campaignCases.update(c.id, { sampled, updatedAt: new Date().toISOString() })
    }
    const sampling = { plan, result, drawnAt: new Date().toISOString(), drawnBy: actor }
    await db.campaigns.update(campaign.id, { sampling, updatedAt: sampling.drawnAt })
    await appendAudit(db, { campaignId: campaign.id, actor, action: 'sampling.draw', subject: { kind: 'campaign', id: campaign.id }, before: campaign.sampling ?? null, after: { plan, selected: result.selected } })
    return result
  })
}
