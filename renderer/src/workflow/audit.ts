import { sealEntry, verifyChain } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { AuditRecord } from '../store/workflowRecords'
import { sha256Hex } from './hash'

const DEVICE_KEY = 'deviceId'

/** This laptop's id, created once; audit chains are per laptop so merged logs verify chain by chain. */
export async function deviceId(db: CaseDb): Promise<string> {
  const existing = (await db.settings.get(DEVICE_KEY))?.value
  if (typeof existing === 'string') return existing
  const id = crypto.randomUUID()
  await db.settings.put({ key: DEVICE_KEY, value: id })
  return id
}

export interface AuditInput {
  campaignId: string
  actor: string
  action: string
  subject: { kind: string; id: string }
  before: unknown
  after: unknown
}

/**
 * Appends to this laptop's chain. Must run inside a transaction that includes auditLog and
 * settings, together with the change it records, so the change and its record land together.
 */
export async function appendAudit(db: CaseDb, input: AuditInput): Promise<AuditRecord> {
  // One chain per laptop and campaign, so a campaign's log can be exported and verified on its own.
  const chainId = `${await deviceId(db)}/${input.campaignId}`
  const last = await db.auditLog.where('[chainId+seq]').between([chainId, 0], [chainId, Infinity]).last()
  const sealed = await sealEntry(
    last ?? null,
    { id: crypto.randomUUID(), chainId, at: new Date().toISOString(), actor: input.actor, action: input.action, subject: input.subject, before: input.before ?? null, after: input.after ?? null },
    sha256Hex,
  )
  const record: AuditRecord = { ...sealed, campaignId: input.campaignId }
  await db.auditLog.add(record)
  return record
}

export async function auditOf(db: CaseDb, campaignId: string): Promise<AuditRecord[]> {
  const rows = await db.auditLog.where('campaignId').equals(campaignId).toArray()
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)
}

export async function verifyCampaignAudit(db: CaseDb, campaignId: string) {
  const all = await db.auditLog.where('campaignId').equals(campaignId).toArray()
  // The campaignId column is ours, not part of the sealed entry.
  return verifyChain(
    all.map(({ campaignId: _c, ...e }) => e),
    sha256Hex,
  )
}
