import { canonicalJson, describeAuditProblem, verifyChain } from '@scoring/index'
import { knownOf, mergeRecords, mergeReview, packageKindNames, recordReceived, unitKey, type MergeConflict, type PackageKind } from '@scoring/exchange/index'
import type { CaseDb } from '../store/db'
import type { DocumentRecord, MarkRecord, PageStateRecord } from '../store/records'
import type { AuditRecord, CampaignRecord, ReviewRecord } from '../store/workflowRecords'
import { appendAudit } from '../workflow/audit'
import { sha256Hex } from '../workflow/hash'
import { actorLabel, currentMember, setCurrentMember } from '../workflow/identity'
import { reviewSide } from './collectWork'
import { refuse } from './exchangeError'
import { openPackage, type OpenedPackage } from './openPackage'
import { readWorkData, type WorkData } from './packageData'
import { existingDeviceId, getSync, pendingConflicts, putPendingConflicts, putSync, type PendingConflict } from './syncStore'

export interface MergeReport {
  kind: 'assignment' | 'result'
  packageId: string
  campaignId: string
  campaignName: string
  reviewerId: string
  reviewerName: string
  added: number
  updated: number
  unchanged: number
  conflicts: MergeConflict[]
  auditAdded: number
  caseFilesAdded: number
  blobsAdded: number
  /** False when the package brought nothing new: the store was left exactly as it was. */
  changed: boolean
}

const nowIso = () => new Date().toISOString()

/** Checks that decide whether a package belongs here at all, before any transaction. */
async function checkWorkPackage(db: CaseDb, pkg: OpenedPackage, want: 'assignment' | 'result'): Promise<WorkData> {
  const kind: PackageKind = pkg.manifest.kind
  if (kind !== want) {
    const where = kind === 'backup' ? '「备份与恢复」' : kind === 'assignment' ? '「导入分配包」' : '「导入结果包」'
    refuse(`这是${packageKindNames[kind]}，不是${packageKindNames[want]}。请在${where}中导入。`)
  }
  const data = readWorkData(pkg)
  const reviewerId = pkg.manifest.reviewerId
  if (data.campaign.id !== pkg.manifest.campaignId || !reviewerId) refuse('数据包内容与清单不符（评查活动不一致），已拒绝导入。')
  const reviewer = data.campaign.members.find((m) => m.id === reviewerId)
  if (!reviewer) refuse('数据包所属的评查人员不在该评查活动的名单中，已拒绝导入。')
  if (data.reviews.some((r) => r.campaignId !== data.campaign.id || r.reviewerId !== reviewerId)) refuse(`数据包中含有不属于「${reviewer!.name}」的评查记录，已拒绝导入。`)
  if (data.audit.some((a) => a.campaignId !== data.campaign.id)) refuse('数据包中含有其他评查活动的审计记录，已拒绝导入。')

  const me = await existingDeviceId(db)
  if (me && pkg.manifest.createdBy.deviceId === me) refuse(want === 'assignment' ? '这是本机导出的分配包，请拿到评查人员的电脑上导入。' : '这是本机导出的结果包，请拿到组长的电脑上导入。')

  const local = await db.campaigns.get(data.campaign.id)
  if (want === 'result' && !local) refuse(`本机没有该结果包所属的评查活动「${data.campaign.name}」。结果包应在分配案卷的组长电脑上导入。`)
  if (want === 'assignment' && local) {
    const who = await currentMember(db, local)
    if (who && who.id !== reviewerId) refuse(`该分配包是给「${reviewer!.name}」的，而本机在评查活动「${local.name}」中的评查人员是「${who.name}」。请在「${reviewer!.name}」的电脑上导入。`)
  }

  const verified = await verifyChain(data.audit.map(({ campaignId: _c, ...e }) => e), sha256Hex)
  if (!verified.ok) refuse(`数据包中的审计记录校验失败（${describeAuditProblem(verified.problems[0]!)}），记录可能被篡改，已拒绝导入；本机数据未改动。`)
  return data
}

/** Adds audit entries by id. Entries of this laptop's own chains can only come from here, so unknown ones are forged. */
async function mergeAudit(db: CaseDb, entries: AuditRecord[], me: string | null): Promise<number> {
  let added = 0
  for (const e of [...entries].sort((a, b) => a.chainId.localeCompare(b.chainId) || a.seq - b.seq)) {
    const existing = await db.auditLog.get(e.id)
    if (existing) {
      if (existing.hash !== e.hash) refuse(`数据包中的审计记录与本机记录不一致（链 ${e.chainId} 第 ${e.seq} 条），已拒绝导入。`)
      continue
    }
    if (me && e.chainId.startsWith(`${me}/`)) refuse('数据包中含有本机审计链上本机没有的记录，记录可能被伪造，已拒绝导入。')
    const clash = await db.auditLog.where('[chainId+seq]').equals([e.chainId, e.seq]).first()
    if (clash) refuse(`数据包中的审计记录与本机记录冲突（链 ${e.chainId} 第 ${e.seq} 条已是另一条记录），已拒绝导入。`)
    await db.auditLog.add(e)
    added++
  }
  return added
}

/** Lead-owned records an assignment package brings: added when missing, replaced only by a newer copy. */
async function mergeLeadRecords(db: CaseDb, data: WorkData, pkg: OpenedPackage): Promise<{ added: number; updated: number; caseFilesAdded: number; blobsAdded: number }> {
  let added = 0
  let updated = 0
  const local = await db.campaigns.get(data.campaign.id)
  if (!local) added++
  else if (data.campaign.updatedAt > local.updatedAt) updated++
  if (!local || data.campaign.updatedAt > local.updatedAt) await db.campaigns.put(data.campaign)
  for (const t of data.rubrics.templates) if (!(await db.rubricTemplates.get(t.id))) await db.rubricTemplates.add(t)
  for (const v of data.rubrics.versions) if (!(await db.rubricVersions.get([v.rubricId, v.version]))) await db.rubricVersions.add(v)
  for (const c of data.cases) {
    const l = await db.campaignCases.get(c.id)
    if (!l || c.updatedAt > l.updatedAt) {
      await db.campaignCases.put(c)
      if (l) updated++
      else added++
    }
  }
  for (const a of data.assignments) if (!(await db.assignments.get(a.id))) await db.assignments.add(a)
  let blobsAdded = 0
  for (const b of data.blobs) {
    if (await db.blobs.get(b.sha256)) continue
    await db.blobs.add({ ...b, data: pkg.blobs.get(b.sha256)! })
    blobsAdded++
  }
  let caseFilesAdded = 0
  for (const f of data.caseFiles) {
    if (await db.caseFiles.get(f.id)) continue
    if (f.sources.some((s) => !data.blobs.some((b) => b.sha256 === s.sha256))) refuse(`数据包不完整：案卷「${f.name}」缺少扫描件。`)
    await db.caseFiles.add(f)
    caseFilesAdded++
  }
  return { added, updated, caseFilesAdded, blobsAdded }
}

type ViewerKind = 'mark' | 'document' | 'pageState'
const viewerKeyOf = {
  mark: (r: MarkRecord) => unitKey.mark(r.id),
  document: (r: DocumentRecord) => unitKey.document(r.id),
  pageState: (r: PageStateRecord) => unitKey.pageState(r.caseId, r.pageIndex),
}
const prefixOf: Record<ViewerKind, string> = { mark: 'mark/', document: 'document/', pageState: 'page/' }

/**
 * Opens, verifies and merges an assignment package (on a reviewer's laptop) or a result package (on the lead's),
 * in ONE transaction: either everything lands, or nothing does.
 */
export async function importWorkPackage(db: CaseDb, file: Blob, want: 'assignment' | 'result'): Promise<MergeReport> {
  const pkg = await openPackage(file)
  const data = await checkWorkPackage(db, pkg, want)
  const reviewerId = pkg.manifest.reviewerId!
  const campaignId = data.campaign.id
  const reviewerName = data.campaign.members.find((m) => m.id === reviewerId)!.name
  const me = await existingDeviceId(db)

  return db.transaction('rw', db.tables, async () => {
    const report: MergeReport = { kind: want, packageId: pkg.manifest.packageId, campaignId, campaignName: data.campaign.name, reviewerId, reviewerName, added: 0, updated: 0, unchanged: 0, conflicts: [], auditAdded: 0, caseFilesAdded: 0, blobsAdded: 0, changed: false }
    if (want === 'assignment') {
      const lead = await mergeLeadRecords(db, data, pkg)
      report.added += lead.added
      report.updated += lead.updated
      Object.assign(report, { caseFilesAdded: lead.caseFilesAdded, blobsAdded: lead.blobsAdded })
    }
    report.auditAdded = await mergeAudit(db, data.audit, me)

    const sync = await getSync(db, campaignId, reviewerId)
    const known = knownOf(sync, data.sync.known)
    const knownKeys = new Set([...Object.keys(data.sync.known), ...Object.keys(sync.received), ...Object.keys(sync.base)])
    const received: Record<string, string> = {}
    const t = nowIso()

    for (const incoming of data.reviews) {
      const local = (await db.reviews.get(incoming.id)) ?? null
      const m = mergeReview(local ? reviewSide(local) : null, reviewSide(incoming), known, knownKeys)
      Object.assign(received, m.received)
      report.conflicts.push(...m.conflicts)
      if (m.status === 'added') {
        await db.reviews.add(incoming)
        report.added++
      } else if (m.status === 'updated') {
        const { submittedAt: _s, finalisedAt: _f, ...rest } = local!
        const next: ReviewRecord = { ...rest, ...m.workflow, state: m.workflow.state as ReviewRecord['state'], disputes: m.workflow.disputes as ReviewRecord['disputes'], comments: m.workflow.comments as ReviewRecord['comments'], decisions: m.decisions, updatedAt: t }
        await db.reviews.put(next)
        report.updated++
      } else report.unchanged++
    }

    const caseIds = new Set(data.viewer.caseIds)
    const tables = { mark: db.marks, document: db.documents, pageState: db.pageStates } as const
    const incomingLists = { mark: data.viewer.marks, document: data.viewer.documents, pageState: data.viewer.pageStates }
    for (const kind of ['mark', 'document', 'pageState'] as const) {
      const keyOf = viewerKeyOf[kind] as (r: unknown) => string
      const localRows = (await (tables[kind] as unknown as { where(i: string): { anyOf(v: string[]): { toArray(): Promise<{ caseId: string }[]> } } }).where('caseId').anyOf([...caseIds]).toArray())
      const localMap = new Map(localRows.map((r) => [keyOf(r), r]))
      const incomingMap = new Map((incomingLists[kind] as { caseId: string }[]).filter((r) => caseIds.has(r.caseId)).map((r) => [keyOf(r), r]))
      const keys = [...incomingMap.keys(), ...[...knownKeys].filter((k) => k.startsWith(prefixOf[kind]) && localMap.has(k))]
      const r = mergeRecords(kind, keys, (k) => localMap.get(k), (k) => incomingMap.get(k), known, (x) => x.caseId)
      Object.assign(received, r.received)
      report.conflicts.push(...r.conflicts)
      report.added += r.counts.added
      report.updated += r.counts.updated
      report.unchanged += r.counts.unchanged
      for (const row of r.put) await (tables[kind] as unknown as { put(x: unknown): Promise<unknown> }).put(row)
      for (const key of r.remove) {
        const row = localMap.get(key) as unknown as Record<string, unknown>
        if (kind === 'pageState') await db.pageStates.delete([row.caseId as string, row.pageIndex as number])
        else await (tables[kind] as unknown as { delete(id: string): Promise<void> }).delete(row.id as string)
      }
    }

    await putSync(db, campaignId, reviewerId, sync, recordReceived(sync, received))
    const before = await pendingConflicts(db, campaignId)
    const others = before.filter((p) => p.reviewerId !== reviewerId)
    const mine: PendingConflict[] = report.conflicts.map((conflict) => before.find((p) => p.reviewerId === reviewerId && p.conflict.key === conflict.key && p.conflict.incomingCanonical === conflict.incomingCanonical) ?? { reviewerId, packageId: report.packageId, detectedAt: t, conflict })
    const conflictsChanged = canonicalJson(before.filter((p) => p.reviewerId === reviewerId)) !== canonicalJson(mine)
    if (conflictsChanged) await putPendingConflicts(db, campaignId, [...others, ...mine])

    let identitySet = false
    if (want === 'assignment') {
      const campaign = (await db.campaigns.get(campaignId)) as CampaignRecord
      if (!(await currentMember(db, campaign))) {
        await setCurrentMember(db, campaignId, reviewerId)
        identitySet = true
      }
    }
    report.changed = report.added > 0 || report.updated > 0 || report.auditAdded > 0 || conflictsChanged || identitySet
    if (report.changed) {
      const campaign = (await db.campaigns.get(campaignId)) as CampaignRecord
      const actor = actorLabel(await currentMember(db, campaign))
      const summary = { kind: want, packageId: report.packageId, from: pkg.manifest.createdBy, reviewerId, added: report.added, updated: report.updated, unchanged: report.unchanged, conflicts: report.conflicts.map((c) => c.key), auditAdded: report.auditAdded }
      await appendAudit(db, { campaignId, actor, action: 'exchange.import', subject: { kind: 'member', id: reviewerId }, before: null, after: summary })
    }
    return report
  })
}
