import { canonicalJson } from '@scoring/index'
import { knownForPackage, reviewUnits, unitKey, workflowOf } from '@scoring/exchange/index'
import { isBuiltinRubricId } from '../rubrics/rubricStore'
import type { CaseDb } from '../store/db'
import type { ReviewRecord } from '../store/workflowRecords'
import { refuse } from './exchangeError'
import type { ViewerData, WorkData } from './packageData'
import { getSync } from './syncStore'

export const reviewSide = (r: ReviewRecord) => ({ id: r.id, decisions: r.decisions, workflow: workflowOf(r) })

/** Every merge unit of the work in a package, as canonical JSON: what the lead records as base. */
export function workUnits(reviews: ReviewRecord[], viewer: ViewerData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const r of reviews) Object.assign(out, reviewUnits(reviewSide(r)))
  for (const m of viewer.marks) out[unitKey.mark(m.id)] = canonicalJson(m)
  for (const d of viewer.documents) out[unitKey.document(d.id)] = canonicalJson(d)
  for (const p of viewer.pageStates) out[unitKey.pageState(p.caseId, p.pageIndex)] = canonicalJson(p)
  return out
}

/**
 * One reviewer's share of a campaign: their assignments and reviews, the registered cases and library files
 * behind them, what was marked in those files, the campaign's whole audit log, and the pinned user rubrics.
 */
export async function collectWork(db: CaseDb, campaignId: string, reviewerId: string, withFiles: boolean): Promise<WorkData> {
  const campaign = await db.campaigns.get(campaignId)
  if (!campaign) return refuse('评查活动不存在。')
  if (!campaign.members.some((m) => m.id === reviewerId)) refuse('所选人员不是该评查活动的成员。')
  const assignments = (await db.assignments.where('campaignId').equals(campaignId).toArray()).filter((a) => a.reviewerId === reviewerId)
  const reviews = (await db.reviews.where('campaignId').equals(campaignId).toArray()).filter((r) => r.reviewerId === reviewerId)
  const caseIds = new Set([...assignments.map((a) => a.campaignCaseId), ...reviews.map((r) => r.campaignCaseId)])
  const cases = (await db.campaignCases.bulkGet([...caseIds])).filter((c) => c !== undefined)
  const fileIds = [...new Set(cases.map((c) => c.caseFileId).filter((id): id is string => id !== null))]
  const caseFiles = (await db.caseFiles.bulkGet(fileIds)).filter((c) => c !== undefined).map(({ pdfPassword: _p, ...c }) => c)
  const viewer: ViewerData = {
    caseIds: fileIds,
    documents: await db.documents.where('caseId').anyOf(fileIds).toArray(),
    marks: await db.marks.where('caseId').anyOf(fileIds).toArray(),
    pageStates: await db.pageStates.where('caseId').anyOf(fileIds).toArray(),
  }
  const rubrics: WorkData['rubrics'] = { templates: [], versions: [] }
  for (const pin of campaign.rubrics) {
    if (isBuiltinRubricId(pin.rubricId)) continue
    const version = await db.rubricVersions.get([pin.rubricId, pin.version])
    if (!version) refuse(`找不到本活动所用的评查标准（${pin.rubricId} 第 ${pin.version} 版），无法导出。`)
    rubrics.versions.push(version!)
    const template = await db.rubricTemplates.get(pin.rubricId)
    if (template && !rubrics.templates.some((t) => t.id === template.id)) rubrics.templates.push(template)
  }
  const shas = [...new Set(caseFiles.flatMap((c) => c.sources.map((s) => s.sha256)))]
  const blobs = []
  if (withFiles) {
    for (const sha of shas) {
      const b = await db.blobs.get(sha)
      if (!b) refuse(`案卷文件缺失（${sha.slice(0, 12)}…），无法导出。`)
      blobs.push({ sha256: b!.sha256, size: b!.size, mime: b!.mime })
    }
  }
  const audit = await db.auditLog.where('campaignId').equals(campaignId).toArray()
  const sync = await getSync(db, campaignId, reviewerId)
  return {
    campaign,
    rubrics,
    cases,
    assignments,
    caseFiles: withFiles ? caseFiles : [],
    blobs,
    reviews,
    viewer,
    sync: { known: knownForPackage(sync) },
    audit,
  }
}
