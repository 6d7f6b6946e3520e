import 'fake-indexeddb/auto'
import { createSHA256 } from 'hash-wasm'
import { listPinnableRubrics } from '../../../renderer/src/rubrics/rubricCatalog'
import { addCaseFile } from '../../../renderer/src/store/caseFiles'
import { createCaseDb, type CaseDb } from '../../../renderer/src/store/db'
import { dumpStore } from '../../../renderer/src/exchange/storeDump'
import { assign } from '../../../renderer/src/workflow/assignments'
import { addAgency, addMember, createCampaign, registerCases } from '../../../renderer/src/workflow/campaigns'
import { setCurrentMember } from '../../../renderer/src/workflow/identity'
import type { Actor } from '../../../renderer/src/workflow/reviews'

export const freshDb = (): CaseDb => createCaseDb(`x-${crypto.randomUUID()}`)

export async function sha256(bytes: Uint8Array): Promise<string> {
  const h = await createSHA256()
  h.init()
  h.update(bytes)
  return h.digest('hex')
}

/** Pseudo-random bytes standing in for a scanned PDF. */
export function fakeScan(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size)
  let x = seed * 2654435761
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  out.set([0x25, 0x50, 0x44, 0x46, 0x2d], 0)
  return out
}

export interface Seeded {
  db: CaseDb
  campaignId: string
  reviewerId: string
  leadId: string
  reviewIds: string[]
  caseFileIds: string[]
  lead: Actor
  reviewer: Actor
}

/** A lead's laptop with one campaign, `files` case files registered under agency B and assigned to a reviewer of agency A. */
export async function seedLead(files = 1, bytes = 2048): Promise<Seeded> {
  const db = freshDb()
  const penalty = (await listPinnableRubrics(db)).find((r) => r.builtIn && r.caseType === 'penalty')!
  let campaign = await createCampaign(db, { name: '2026年行政执法案卷评查', year: 2026, organiser: '某市司法局', startDate: '2026-11-01', endDate: '2026-11-30', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: penalty.rubricId, version: penalty.version }] })
  const actor = '李组长'
  const a = await addAgency(db, campaign, '甲区市场监督管理局', actor)
  campaign = (await db.campaigns.get(campaign.id))!
  const b = await addAgency(db, campaign, '乙区城市管理局', actor)
  campaign = (await db.campaigns.get(campaign.id))!
  const reviewerId = await addMember(db, campaign, { name: '王评查', agencyId: a, role: 'reviewer' }, actor)
  campaign = (await db.campaigns.get(campaign.id))!
  const leadId = await addMember(db, campaign, { name: '李组长', agencyId: b, role: 'lead' }, actor)
  campaign = (await db.campaigns.get(campaign.id))!
  const caseFileIds: string[] = []
  const reviewIds: string[] = []
  for (let i = 0; i < files; i++) {
    const data = fakeScan(bytes, i + 1)
    const sha = await sha256(data)
    const id = crypto.randomUUID()
    await addCaseFile(db, { id, name: `案卷${i + 1}`, kind: 'pdf', sources: [{ sha256: sha, name: `案卷${i + 1}.pdf`, mime: 'application/pdf', size: data.length }], pageCount: 100, size: data.length, importedAt: new Date().toISOString() }, [{ sha256: sha, size: data.length, mime: 'application/pdf', data: new Blob([data as BlobPart]) }])
    caseFileIds.push(id)
    const [registered] = await registerCases(db, campaign, [{ caseFileId: id, agencyId: b, caseNumber: `乙城管罚〔2026〕${i + 1}号`, caseType: 'penalty', party: '某某公司', cause: '占道经营', handlers: ['张三'], filedOn: '2026-03-02', closedOn: '2026-05-20', pageCount: 100 }], actor)
    await assign(db, campaign, registered!.id, campaign.members.find((m) => m.id === reviewerId)!, actor)
    reviewIds.push((await db.reviews.where('campaignCaseId').equals(registered!.id).first())!.id)
  }
  await setCurrentMember(db, campaign.id, leadId)
  return {
    db,
    campaignId: campaign.id,
    reviewerId,
    leadId,
    reviewIds,
    caseFileIds,
    lead: { label: '李组长', role: 'lead', memberId: leadId },
    reviewer: { label: '王评查', role: 'reviewer', memberId: reviewerId },
  }
}

export const snapshot = (db: CaseDb) => dumpStore(db)
