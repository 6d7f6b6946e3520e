import { z } from 'zod'
import type { BlobRecord, CaseFileRecord, DocumentRecord, MarkRecord, PageStateRecord, RubricTemplateRecord, RubricVersionRecord } from '../store/records'
import type { AssignmentRecord, AuditRecord, CampaignCaseRecord, CampaignRecord, ReviewRecord } from '../store/workflowRecords'
import { refuse } from './exchangeError'
import type { OpenedPackage } from './openPackage'

/** Paths of the JSON parts of assignment and result packages. Blobs live at `blobs/<sha256>`. */
export const dataPaths = {
  campaign: 'data/campaign.json',
  rubrics: 'data/rubrics.json',
  cases: 'data/cases.json',
  assignments: 'data/assignments.json',
  caseFiles: 'data/caseFiles.json',
  blobs: 'data/blobs.json',
  reviews: 'data/reviews.json',
  viewer: 'data/viewer.json',
  sync: 'data/sync.json',
  audit: 'data/audit.json',
} as const

export const blobPath = (sha256: string) => `blobs/${sha256}`
export const tablePath = (table: string) => `tables/${table}.json`

export type BlobMeta = Omit<BlobRecord, 'data'>

export interface ViewerData {
  caseIds: string[]
  documents: DocumentRecord[]
  marks: MarkRecord[]
  pageStates: PageStateRecord[]
}

/** What assignment and result packages share; assignment packages also carry the lead-owned records and bytes. */
export interface WorkData {
  campaign: CampaignRecord
  rubrics: { templates: RubricTemplateRecord[]; versions: RubricVersionRecord[] }
  cases: CampaignCaseRecord[]
  assignments: AssignmentRecord[]
  caseFiles: CaseFileRecord[]
  blobs: BlobMeta[]
  reviews: ReviewRecord[]
  viewer: ViewerData
  sync: { known: Record<string, string[]> }
  audit: AuditRecord[]
}

// Shapes are checked only as far as merging relies on them: ids, keys and the fields the merge reads.
const id = z.string().min(1)
const rec = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape)
const workSchema = z.object({
  campaign: rec({ id, name: z.string(), members: z.array(rec({ id, name: z.string() })), updatedAt: z.string() }),
  rubrics: z.object({ templates: z.array(rec({ id })), versions: z.array(rec({ rubricId: id, version: z.number().int(), rubric: rec({ id }) })) }),
  cases: z.array(rec({ id, campaignId: id, updatedAt: z.string() })),
  assignments: z.array(rec({ id, campaignId: id, reviewerId: id })),
  caseFiles: z.array(rec({ id, sources: z.array(rec({ sha256: z.string() })) })),
  blobs: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0), mime: z.string() })),
  reviews: z.array(rec({ id, campaignId: id, reviewerId: id, state: z.string(), decisions: z.array(rec({ itemId: z.string() })), highlights: z.string(), disputes: z.array(z.unknown()), comments: z.array(z.unknown()) })),
  viewer: z.object({
    caseIds: z.array(id),
    documents: z.array(rec({ id, caseId: id, updatedAt: z.string() })),
    marks: z.array(rec({ id, caseId: id, updatedAt: z.string() })),
    pageStates: z.array(rec({ caseId: id, pageIndex: z.number().int().min(0), updatedAt: z.string() })),
  }),
  sync: z.object({ known: z.record(z.string(), z.array(z.string())) }),
  audit: z.array(rec({ id, chainId: id, seq: z.number().int(), hash: z.string(), prevHash: z.string(), campaignId: id })),
})

/** The package's data as typed records, after checking every blob the records cite is in the package (or here). */
export function readWorkData(pkg: OpenedPackage): WorkData {
  const raw = Object.fromEntries(Object.entries(dataPaths).map(([k, p]) => [k, pkg.json.get(p)]))
  const parsed = workSchema.safeParse(raw)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? ''
    refuse(`数据包内容不完整或格式不符（${where}），不是本程序导出的数据包，已拒绝导入。`)
  }
  const data = parsed.data as unknown as WorkData
  for (const b of data.blobs) if (!pkg.blobs.has(b.sha256)) refuse(`数据包不完整：缺少案卷文件 ${b.sha256.slice(0, 12)}…`)
  for (const part of pkg.manifest.parts) if (part.kind === 'blob' && part.path !== blobPath(part.sha256)) refuse(`数据包中的案卷文件「${part.path}」命名与校验值不符，已拒绝导入。`)
  return data
}
