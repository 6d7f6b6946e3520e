import type { PanelMember } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { CampaignCaseRecord, CampaignRecord } from '../store/workflowRecords'
import { appendAudit } from './audit'

const now = () => new Date().toISOString()

export type NewCampaign = Pick<CampaignRecord, 'name' | 'year' | 'organiser' | 'startDate' | 'endDate' | 'mode' | 'toleranceCents' | 'rubrics'>

export async function createCampaign(db: CaseDb, input: NewCampaign): Promise<CampaignRecord> {
  const t = now()
  const record: CampaignRecord = { ...input, id: crypto.randomUUID(), agencies: [], members: [], createdAt: t, updatedAt: t }
  await db.campaigns.add(record)
  return record
}

export async function listCampaigns(db: CaseDb): Promise<CampaignRecord[]> {
  return (await db.campaigns.toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

export async function updateCampaign(db: CaseDb, id: string, changes: Partial<Omit<CampaignRecord, 'id' | 'createdAt'>>, actor: string): Promise<void> {
  await db.transaction('rw', [db.campaigns, db.auditLog, db.settings], async () => {
    const before = await db.campaigns.get(id)
    if (!before) throw new Error('评查活动不存在')
    await db.campaigns.update(id, { ...changes, updatedAt: now() })
    const picked = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as unknown as Record<string, unknown>)[k]]))
    await appendAudit(db, { campaignId: id, actor, action: 'campaign.update', subject: { kind: 'campaign', id }, before: picked, after: changes })
  })
}

export async function addAgency(db: CaseDb, campaign: CampaignRecord, name: string, actor: string): Promise<string> {
  const trimmed = name.trim()
  if (!trimmed) throw new Error('请填写执法单位名称')
  // Read-modify-write inside one transaction: the caller's campaign may be stale (two quick adds), and a stale list would drop the other add.
  return db.transaction('rw', [db.campaigns, db.auditLog, db.settings], async () => {
    const current = (await db.campaigns.get(campaign.id)) ?? campaign
    if (current.agencies.some((a) => a.name === trimmed)) throw new Error(`执法单位「${trimmed}」已存在`)
    const id = crypto.randomUUID()
    await updateCampaign(db, campaign.id, { agencies: [...current.agencies, { id, name: trimmed }] }, actor)
    return id
  })
}

export async function addMember(db: CaseDb, campaign: CampaignRecord, member: Omit<PanelMember, 'id'>, actor: string): Promise<string> {
  if (!member.name.trim()) throw new Error('请填写评查人员姓名')
  return db.transaction('rw', [db.campaigns, db.auditLog, db.settings], async () => {
    const current = (await db.campaigns.get(campaign.id)) ?? campaign
    if (!current.agencies.some((a) => a.id === member.agencyId)) throw new Error('请选择评查人员所在单位')
    const id = crypto.randomUUID()
    await updateCampaign(db, campaign.id, { members: [...current.members, { ...member, name: member.name.trim(), id }] }, actor)
    return id
  })
}

export type NewCampaignCase = Omit<CampaignCaseRecord, 'id' | 'campaignId' | 'sampled' | 'createdAt' | 'updatedAt'>

export function checkNewCase(campaign: CampaignRecord, c: NewCampaignCase): string | null {
  if (!campaign.agencies.some((a) => a.id === c.agencyId)) return '请选择执法单位'
  if (!c.caseNumber.trim()) return '请填写案号'
  if (!c.caseType) return '请选择案件类型'
  if (!campaign.rubrics.some((r) => r.caseType === c.caseType)) return `本次活动没有为该案件类型指定评查标准`
  if (c.filedOn && c.closedOn && c.filedOn > c.closedOn) return '结案日期早于立案日期'
  return null
}

/** Registers cases in one transaction: a bad row stops the whole batch and nothing is written. */
export async function registerCases(db: CaseDb, campaign: CampaignRecord, rows: NewCampaignCase[], actor: string): Promise<CampaignCaseRecord[]> {
  rows.forEach((r, i) => {
    const problem = checkNewCase(campaign, r)
    if (problem) throw new Error(rows.length > 1 ? `第 ${i + 1} 行：${problem}` : problem)
  })
  const t = now()
  const records = rows.map((r) => ({ ...r, caseNumber: r.caseNumber.trim(), id: crypto.randomUUID(), campaignId: campaign.id, sampled: false, createdAt: t, updatedAt: t }))
  await db.transaction('rw', [db.campaignCases, db.auditLog, db.settings], async () => {
    const existing = await db.campaignCases.where('campaignId').equals(campaign.id).toArray()
    for (const r of records) {
      if (existing.some((e) => e.caseNumber === r.caseNumber && e.agencyId === r.agencyId)) throw new Error(`案号「${r.caseNumber}」已登记`)
      await db.campaignCases.add(r)
      await appendAudit(db, { campaignId: campaign.id, actor, action: 'case.register', subject: { kind: 'case', id: r.id }, before: null, after: r })
    }
  })
  return records
}

export async function casesOf(db: CaseDb, campaignId: string): Promise<CampaignCaseRecord[]> {
  return (await db.campaignCases.where('campaignId').equals(campaignId).toArray()).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber, 'zh-CN', { numeric: true }))
}
