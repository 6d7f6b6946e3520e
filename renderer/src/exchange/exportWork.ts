import { recordBase, type PackageKind } from '@scoring/exchange/index'
import type { CaseDb } from '../store/db'
import { appendAudit, deviceId } from '../workflow/audit'
import { actorLabel, currentMember } from '../workflow/identity'
import { collectWork, workUnits } from './collectWork'
import { refuse } from './exchangeError'
import { blobPath, dataPaths, type WorkData } from './packageData'
import { PackageWriter } from './packageWriter'
import { getSync, putSync } from './syncStore'

export interface ExportedPackage {
  blob: Blob
  fileName: string
  summary: string
}

const stamp = (iso: string) => iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)

async function writeWork(kind: PackageKind, data: WorkData, blobOf: (sha: string) => Promise<Blob>, head: { deviceId: string; label: string; appVersion: string; reviewerName: string }) {
  const w = new PackageWriter(kind)
  for (const [key, path] of Object.entries(dataPaths)) await w.addJson(path, data[key as keyof WorkData])
  for (const b of data.blobs) await w.addBlob(blobPath(b.sha256), await blobOf(b.sha256), b.sha256, b.mime)
  return w.finish({
    createdBy: { deviceId: head.deviceId, label: head.label },
    appVersion: head.appVersion,
    campaignId: data.campaign.id,
    campaignName: data.campaign.name,
    reviewerId: data.reviews[0]?.reviewerId ?? data.assignments[0]?.reviewerId ?? null,
    reviewerName: head.reviewerName,
  })
}

/**
 * The lead's package for one reviewer. The first export records the base each later result is merged against;
 * the export itself is audited in the lead's chain.
 */
export async function exportAssignmentPackage(db: CaseDb, campaignId: string, reviewerId: string, appVersion: string): Promise<ExportedPackage> {
  const data = await collectWork(db, campaignId, reviewerId, true)
  if (data.assignments.length === 0) refuse('该评查人员在本活动中还没有分配案卷。')
  const member = data.campaign.members.find((m) => m.id === reviewerId)!
  const me = await currentMember(db, data.campaign)
  const device = await deviceId(db)
  const reviewerName = member.name
  const { blob, manifest } = await writeWork('assignment', data, async (sha) => (await db.blobs.get(sha))!.data, { deviceId: device, label: actorLabel(me), appVersion, reviewerName })
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const before = await getSync(db, campaignId, reviewerId)
    await putSync(db, campaignId, reviewerId, before, recordBase(before, workUnits(data.reviews, data.viewer)))
    await appendAudit(db, { campaignId, actor: actorLabel(me), action: 'exchange.export', subject: { kind: 'member', id: reviewerId }, before: null, after: { kind: 'assignment', packageId: manifest.packageId, cases: data.cases.length, files: data.caseFiles.length } })
  })
  return {
    blob,
    fileName: `分配包_${safeName(data.campaign.name)}_${safeName(reviewerName)}_${stamp(manifest.createdAt)}.zip`,
    summary: `已生成「${reviewerName}」的分配包：${data.cases.length} 件案卷，${data.caseFiles.length} 个扫描件。`,
  }
}

/** The reviewer's work going back to the lead: reviews, marks, index, page states and the audit log; no scans. */
export async function exportResultPackage(db: CaseDb, campaignId: string, appVersion: string): Promise<ExportedPackage> {
  const campaign = await db.campaigns.get(campaignId)
  if (!campaign) return refuse('评查活动不存在。')
  const me = await currentMember(db, campaign)
  if (!me) return refuse('本机还没有选择评查人员身份，请先导入分配包或在评查页面选择身份。')
  const data = await collectWork(db, campaignId, me.id, false)
  if (data.reviews.length === 0) refuse(`「${me.name}」在本活动中没有评查记录可导出。`)
  const device = await deviceId(db)
  const { blob, manifest } = await writeWork('result', data, async () => new Blob([]), { deviceId: device, label: actorLabel(me), appVersion, reviewerName: me.name })
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    await appendAudit(db, { campaignId, actor: actorLabel(me), action: 'exchange.export', subject: { kind: 'member', id: me.id }, before: null, after: { kind: 'result', packageId: manifest.packageId, reviews: data.reviews.length } })
  })
  return {
    blob,
    fileName: `结果包_${safeName(campaign.name)}_${safeName(me.name)}_${stamp(manifest.createdAt)}.zip`,
    summary: `已生成「${me.name}」的结果包：${data.reviews.length} 份评查记录。`,
  }
}
