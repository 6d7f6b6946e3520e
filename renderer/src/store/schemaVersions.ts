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
  {
    // The rubric library: the author's own templates and their numbered versions. Only new tables.
    // A template's id is its rubrics' lineage id (Rubric.id), so a version is keyed exactly as reviews cite it.
    version: 3,
    stores: {
      rubricTemplates: 'id, name, caseType, archived, updatedAt',
      rubricVersions: '[rubricId+version], rubricId, status',
    },
  },
  {
    // The review workflow: campaigns, registered cases, assignments, reviews, the audit log,
    // and the growing library of common problem texts. Only new tables.
    version: 4,
    stores: {
      campaigns: 'id, year, updatedAt',
      campaignCases: 'id, campaignId, caseFileId',
      assignments: 'id, campaignId, campaignCaseId, reviewerId',
      reviews: 'id, campaignId, campaignCaseId, reviewerId, state',
      auditLog: 'id, [chainId+seq], campaignId',
      problemTexts: 'id, [rubricId+itemId]',
    },
  },
  {
    // Rectification tracking (整改): one row per problem of a finalised review, with its status and the agency's feedback. Only a new table.
    version: 5,
    stores: {
      rectifications: 'id, campaignId, [campaignId+agencyId]',
    },
  },
]

export const latestSchemaVersion = Math.max(...schemaVersions.map((v) => v.version))
