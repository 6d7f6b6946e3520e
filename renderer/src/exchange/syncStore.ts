import { canonicalJson } from '@scoring/index'
import { emptySyncState, type MergeConflict, type SyncState } from '@scoring/exchange/index'
import type { CaseDb } from '../store/db'

/** Settings rows of the exchange: one sync state per campaign and reviewer, pending conflicts per campaign. */
const syncKey = (campaignId: string, reviewerId: string) => `exchange:sync:${campaignId}:${reviewerId}`
const conflictsKey = (campaignId: string) => `exchange:conflicts:${campaignId}`
export const LAST_BACKUP_KEY = 'exchange:lastBackupAt'

export interface PendingConflict {
  reviewerId: string
  packageId: string
  detectedAt: string
  conflict: MergeConflict
}

export async function getSync(db: CaseDb, campaignId: string, reviewerId: string): Promise<SyncState> {
  const v = (await db.settings.get(syncKey(campaignId, reviewerId)))?.value as SyncState | undefined
  return v ?? emptySyncState()
}

/** Writes only a real change, so importing a package twice leaves the store byte for byte as it was. */
export async function putSync(db: CaseDb, campaignId: string, reviewerId: string, before: SyncState, after: SyncState): Promise<void> {
  if (canonicalJson(before) !== canonicalJson(after)) await db.settings.put({ key: syncKey(campaignId, reviewerId), value: after })
}

export async function pendingConflicts(db: CaseDb, campaignId: string): Promise<PendingConflict[]> {
  return ((await db.settings.get(conflictsKey(campaignId)))?.value as PendingConflict[] | undefined) ?? []
}

export async function putPendingConflicts(db: CaseDb, campaignId: string, list: PendingConflict[]): Promise<void> {
  if (list.length === 0) await db.settings.delete(conflictsKey(campaignId))
  else await db.settings.put({ key: conflictsKey(campaignId), value: list })
}

/** The laptop's id if it has one; never creates it, so a refused import writes nothing at all. */
export async function existingDeviceId(db: CaseDb): Promise<string | null> {
  const v = (await db.settings.get('deviceId'))?.value
  return typeof v === 'string' ? v : null
}
