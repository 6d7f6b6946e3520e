import { describeAuditProblem } from '@scoring/index'
import type { AppServices } from '../app/AppServices'
import { assignmentsOf } from './assignments'
import { verifyCampaignAudit } from './audit'
import { casesOf, listCampaigns } from './campaigns'
import { currentMember } from './identity'
import { reviewsOf } from './reviews'

/**
 * The campaign part of the automation contract (test/e2e/CONTRACT.md, section 评查活动).
 * Read-only apart from navigation: scripts change campaigns through the screens, as users do.
 */
export interface CampaignTestApi {
  list(): Promise<{ id: string; name: string; year: number; mode: 'single' | 'double'; toleranceCents: number; rubrics: { caseType: string; rubricId: string; version: number }[] }[]>
  get(campaignId: string): Promise<{
    agencies: { id: string; name: string }[]
    members: { id: string; name: string; agencyId: string; agencyName: string; role: 'lead' | 'reviewer' }[]
    cases: { id: string; caseNumber: string; agencyId: string; agencyName: string; caseType: string; caseFileId: string | null; pageCount: number; sampled: boolean }[]
    assignments: { caseId: string; reviewerId: string; overrideReason: string | null }[]
    reviews: { id: string; caseId: string; reviewerId: string; state: string; final: boolean }[]
    sampling: { seed: string; mode: 'count' | 'percent'; amount: number; selected: string[]; perAgency: Record<string, { available: number; drawn: number }>; drawnBy: string; drawnAt: string } | null
  }>
  currentMember(campaignId: string): Promise<{ id: string; name: string; role: 'lead' | 'reviewer'; agencyId: string } | null>
  verifyAudit(campaignId: string): Promise<{ ok: boolean; entries: number; problems: string[] }>
  open(campaignId: string): void
}

export function createCampaignTestApi(services: AppServices): CampaignTestApi {
  const { db } = services
  const campaign = async (id: string) => {
    const c = await db.campaigns.get(id)
    if (!c) throw new Error(`no campaign ${id}`)
    return c
  }
  return {
    list: async () => (await listCampaigns(db)).map(({ id, name, year, mode, toleranceCents, rubrics }) => ({ id, name, year, mode, toleranceCents, rubrics })),
    async get(id) {
      const c = await campaign(id)
      const agencyName = (agencyId: string) => c.agencies.find((a) => a.id === agencyId)?.name ?? ''
      const [cases, assignments, reviews] = await Promise.all([casesOf(db, id), assignmentsOf(db, id), reviewsOf(db, id)])
      return {
        agencies: c.agencies,
        members: c.members.map((m) => ({ id: m.id, name: m.name, agencyId: m.agencyId, agencyName: agencyName(m.agencyId), role: m.role })),
        cases: cases.map((x) => ({ id: x.id, caseNumber: x.caseNumber, agencyId: x.agencyId, agencyName: agencyName(x.agencyId), caseType: x.caseType, caseFileId: x.caseFileId, pageCount: x.pageCount, sampled: x.sampled })),
        assignments: assignments.map((a) => ({ caseId: a.campaignCaseId, reviewerId: a.reviewerId, overrideReason: a.overrideReason ?? null })),
        reviews: reviews.map((r) => ({ id: r.id, caseId: r.campaignCaseId, reviewerId: r.reviewerId, state: r.state, final: r.final })),
        sampling: c.sampling
          ? { seed: c.sampling.result.seed, mode: c.sampling.plan.mode, amount: c.sampling.plan.amount, selected: c.sampling.result.selected, perAgency: c.sampling.result.perAgency, drawnBy: c.sampling.drawnBy, drawnAt: c.sampling.drawnAt }
          : null,
      }
    },
    async currentMember(id) {
      const m = await currentMember(db, await campaign(id))
      return m ? { id: m.id, name: m.name, role: m.role, agencyId: m.agencyId } : null
    },
    async verifyAudit(id) {
      const entries = await db.auditLog.where('campaignId').equals(id).count()
      const r = await verifyCampaignAudit(db, id)
      return { ok: r.ok, entries, problems: r.ok ? [] : r.problems.map(describeAuditProblem) }
    },
    open: (id) => services.navigate({ page: 'campaign', campaignId: id }),
  }
}
