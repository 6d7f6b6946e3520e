import { Dexie, type EntityTable } from 'dexie'
import type { BlobRecord, CaseFileRecord, DocumentRecord, MarkRecord, PageStateRecord, SettingRecord } from './records'
import type { RubricTemplateRecord, RubricVersionRecord } from './records'
import { schemaVersions } from './schemaVersions'
import type { AssignmentRecord, AuditRecord, CampaignCaseRecord, CampaignRecord, ProblemTextRecord, RectificationRecord, ReviewRecord } from './workflowRecords'

export type CaseDb = Dexie & {
  caseFiles: EntityTable<CaseFileRecord, 'id'>
  blobs: EntityTable<BlobRecord, 'sha256'>
  settings: EntityTable<SettingRecord, 'key'>
  pageStates: Dexie.Table<PageStateRecord, [string, number]>
  documents: EntityTable<DocumentRecord, 'id'>
  marks: EntityTable<MarkRecord, 'id'>
  rubricTemplates: EntityTable<RubricTemplateRecord, 'id'>
  rubricVersions: Dexie.Table<RubricVersionRecord, [string, number]>
  campaigns: EntityTable<CampaignRecord, 'id'>
  campaignCases: EntityTable<CampaignCaseRecord, 'id'>
  assignments: EntityTable<AssignmentRecord, 'id'>
  reviews: EntityTable<ReviewRecord, 'id'>
  auditLog: EntityTable<AuditRecord, 'id'>
  problemTexts: EntityTable<ProblemTextRecord, 'id'>
  rectifications: EntityTable<RectificationRecord, 'id'>
}

export const DEFAULT_DB_NAME = 'case-review-desk'

/**
 * A factory, not a module singleton: tests open throw-away databases, and the app
 * opens exactly one at start-up. `upToVersion` lets migration tests build an old database.
 */
export function createCaseDb(name: string = DEFAULT_DB_NAME, options: { upToVersion?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}): CaseDb {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as CaseDb
  for (const v of [...schemaVersions].sort((a, b) => a.version - b.version)) {
    if (options.upToVersion !== undefined && v.version > options.upToVersion) break
    const version = db.version(v.version).stores(v.stores)
    const migrate = v.migrate
    if (migrate) {
      version.upgrade(async (tx) => {
        for (const [table, fn] of Object.entries(migrate)) {
          await tx.table(table).toCollection().modify((record: Record<string, unknown>) => {
            const next = fn(record)
            for (const key of Object.keys(record)) if (!(key in next)) delete record[key]
            Object.assign(record, next)
          })
        }
      })
    }
  }
  return db
}

/** Asks the browser not to evict the library under storage pressure. Returns whether it agreed. */
export async function requestPersistentStorage(nav: Navigator = navigator): Promise<boolean> {
  try {
    return (await nav.storage?.persist?.()) ?? false
  } catch {
    return false
  }
}
