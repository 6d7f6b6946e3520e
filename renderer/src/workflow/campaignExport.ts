import { CAMPAIGN_EXPORT_FORMAT, reviewHash, type CampaignExport } from '@scoring/report/index'
import { describeSample, validateReview, type Rubric } from '@scoring/index'
import type { CaseDb } from '../store/db'
import { getRubricVersion } from '../rubrics/rubricCatalog'
import type { ReviewRecord } from '../store/workflowRecords'
import { assignmentsOf } from './assignments'
import { casesOf } from './campaigns'
import { sha256Hex } from './hash'
import { reviewsOf } from './reviews'
import { toEngineReview } from './scoreRecord'
import { toExportRectification } from '../reports/rectifications'

const exportState = (r: ReviewRecord): 'draft' | 'submitted' | 'finalised' => (r.state === 'finalised' ? 'finalised' : r.state === 'submitted' || r.state === 'in-second-review' ? 'submitted' : 'draft')
const day = (iso: string | undefined, fallback: string) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : fallback)

/**
 * The campaign in the documented export format (resources/schemas/campaign-export.schema.json):
 * what the CLI turns into documents and what bureaus aggregate. Scores are not written; the
 * reader recomputes them. One review per case: the final one, else the first.
 */
export async function buildCampaignExport(db: CaseDb, campaignId: string, version: string): Promise<CampaignExport> {
  const campaign = await db.campaigns.get(campaignId)
  if (!campaign) throw new Error('评查活动不存在')
  const cases = await casesOf(db, campaignId)
  const reviews = await reviewsOf(db, campaignId)
  const assignments = await assignmentsOf(db, campaignId)
  const rubrics: Rubric[] = []
  for (const pin of campaign.rubrics) {
    const entry = await getRubricVersion(db, { rubricId: pin.rubricId, version: pin.version })
    if (entry) rubrics.push(entry.rubric)
  }
  const rubricFor = (r: ReviewRecord) => rubrics.find((x) => x.id === r.rubricId && x.version === r.rubricVersion)
  const agencyNames = Object.fromEntries(campaign.agencies.map((a) => [a.id, a.name]))
  const exportedCases = cases.filter((c) => reviews.some((r) => r.campaignCaseId === c.id))
  const entries = []
  for (const c of exportedCases) {
    const mine = reviews.filter((r) => r.campaignCaseId === c.id)
    const chosen = mine.find((r) => r.final) ?? mine[0]!
    const raw = { ...toEngineReview(chosen), case: { number: c.caseNumber, unit: agencyNames[c.agencyId] ?? '' } }
    // The reader hashes the review as validation leaves it (text trimmed), so hash that same form.
    const rubric = rubricFor(chosen)
    const checked = rubric ? validateReview(rubric, raw) : null
    const review = checked?.ok ? checked.review : raw
    const state = exportState(chosen)
    entries.push({
      caseId: c.id,
      reviewerIds: assignments.filter((a) => a.campaignCaseId === c.id).map((a) => a.reviewerId),
      state,
      ...(state === 'finalised' && chosen.finalisedAt ? { finalisedAt: chosen.finalisedAt, hash: await reviewHash(review, sha256Hex) } : {}),
      ...(chosen.finalisedBy ? { finalisedBy: chosen.finalisedBy } : {}),
      ...(chosen.highlights.trim() ? { goodPractice: [chosen.highlights.trim()] } : {}),
      review,
    })
  }
  return {
    format: CAMPAIGN_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    exportedBy: `案卷评查台 ${version}`,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      year: campaign.year,
      organiser: campaign.organiser,
      ...(campaign.documentNumber ? { documentNumber: campaign.documentNumber } : {}),
      startedOn: day(campaign.startDate, `${campaign.year}-01-01`),
      endedOn: day(campaign.endDate, day(campaign.startDate, `${campaign.year}-12-31`)),
      scope: campaign.scope?.trim() || `${campaign.agencies.map((a) => a.name).join('、')}报送的行政执法案卷`,
      sampling: campaign.sampling ? describeSample(campaign.sampling.result, agencyNames).join('；') : '对登记的全部案卷进行评查',
      ...(campaign.basis ? { basis: campaign.basis } : {}),
      ...(campaign.rectificationDeadline ? { rectificationDeadline: campaign.rectificationDeadline } : {}),
      panel: campaign.members.map((m) => ({ id: m.id, name: m.name, agencyId: m.agencyId, role: m.role })),
    },
    agencies: campaign.agencies,
    rubrics,
    cases: exportedCases.map((c) => ({
      id: c.id,
      agencyId: c.agencyId,
      caseNumber: c.caseNumber,
      caseType: c.caseType,
      party: c.party || '（未填写）',
      cause: c.cause || '（未填写）',
      handlers: c.handlers.length ? c.handlers : ['（未填写）'],
      ...(c.filedOn ? { filedOn: c.filedOn } : {}),
      ...(c.closedOn ? { closedOn: c.closedOn } : {}),
      ...(c.pageCount ? { pageCount: c.pageCount } : {}),
    })),
    reviews: entries,
    // Tracked rectifications (整改), so the ledger and notices show their status; rows for cases not exported would not validate.
    rectifications: (await db.rectifications.where('campaignId').equals(campaignId).toArray()).filter((r) => exportedCases.some((c) => c.id === r.caseId)).map(toExportRectification),
  }
}
