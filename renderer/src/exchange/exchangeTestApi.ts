import { canonicalJson, isScoreErrors } from '@scoring/index'
import type { AppServices } from '../app/AppServices'
import { getRubricVersion } from '../rubrics/rubricCatalog'
import { auditOf, verifyCampaignAudit } from '../workflow/audit'
import { scoreRecord } from '../workflow/scoreRecord'
import { sha256Hex } from '../workflow/hash'
import { lastBackupAt } from './backup'
import { blobDigests, dumpStore } from './storeDump'
import { LAST_BACKUP_KEY, pendingConflicts } from './syncStore'

/** Data-exchange part of the automation contract (window.__caseReviewDesk.exchange); see CONTRACT.md 数据交换. */
export interface ExchangeTestApi {
  /** SHA-256 of every table as canonical JSON: equal before and after means the store did not change. */
  storeDigest(): Promise<string>
  tableCounts(): Promise<Record<string, number>>
  /** SHA-256 of every stored file, recomputed from its bytes, sorted. */
  blobDigests(): Promise<string[]>
  pendingConflicts(campaignId: string): Promise<{ key: string; kind: string; itemId: string | null; reason: string }[]>
  auditActions(campaignId: string): Promise<string[]>
  auditOk(campaignId: string): Promise<boolean>
  /** The engine's total for every stored review, by review id. */
  engineTotals(): Promise<Record<string, string>>
  lastBackupAt(): Promise<string | null>
  /** Pretends the last backup was at `iso` (null: never), to show or hide the reminder. */
  setLastBackupAt(iso: string | null): Promise<void>
}

export function createExchangeTestApi(s: AppServices): ExchangeTestApi {
  return {
    storeDigest: async () => sha256Hex(canonicalJson(await dumpStore(s.db))),
    tableCounts: async () => Object.fromEntries(await Promise.all(s.db.tables.map(async (t) => [t.name, await t.count()] as const))),
    blobDigests: () => blobDigests(s.db),
    pendingConflicts: async (campaignId) => (await pendingConflicts(s.db, campaignId)).map(({ conflict: c }) => ({ key: c.key, kind: c.kind, itemId: c.itemId ?? null, reason: c.reason })),
    auditActions: async (campaignId) => (await auditOf(s.db, campaignId)).map((e) => e.action),
    auditOk: async (campaignId) => (await verifyCampaignAudit(s.db, campaignId)).ok,
    async engineTotals() {
      const out: Record<string, string> = {}
      for (const r of await s.db.reviews.toArray()) {
        const entry = await getRubricVersion(s.db, { rubricId: r.rubricId, version: r.rubricVersion })
        const score = entry ? scoreRecord(entry.rubric, r) : null
        out[r.id] = !score ? 'no-rubric' : isScoreErrors(score) ? 'errors' : score.totalText
      }
      return out
    },
    lastBackupAt: () => lastBackupAt(s.db),
    async setLastBackupAt(iso) {
      if (iso === null) await s.db.settings.delete(LAST_BACKUP_KEY)
      else await s.db.settings.put({ key: LAST_BACKUP_KEY, value: iso })
    },
  }
}
