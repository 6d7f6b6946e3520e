/**
 * Every schema version, oldest first. A version may only add to what came before;
 * data changes are pure functions (see migrations/) so each can be tested alone.
 */
export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  /** Pure per-record rewrites applied to existing rows when upgrading to this version. */
  migrate?: Record<string, (record: Record<string, unknown>) => Record<string, unknown>>
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      caseFiles: 'id, name, importedAt',
      blobs: 'sha256',
      settings: 'key',
    },
  },
  {
    // The viewer's per-file work: rotations and flags per page, the document index, region marks.
    // Only new tables, so existing rows need no rewrite.
    version: 2,
    stores: {
      pageStates: '[caseId+pageIndex], caseId',
      documents: 'id, caseId',
      marks: 'id, caseId, [caseId+pageIndex]',
    },
  },
]

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version
