import type { AppServices } from '../app/AppServices'
import { listPinnableRubrics } from './rubricCatalog'
import { listTemplates, listVersions } from './rubricStore'

/** The rubric library as the automation contract exposes it (test/e2e/CONTRACT.md, `rubrics`). Read-only. */
export interface RubricTestApi {
  listPinnable(): Promise<{ rubricId: string; version: number; name: string; builtIn: boolean }[]>
  listTemplates(): Promise<{ id: string; name: string; caseType: string; archived: boolean; basedOn: string | null }[]>
  versions(rubricId: string): Promise<{ version: number; status: 'draft' | 'published'; note: string; rubric: unknown }[]>
  openEditor(templateId: string): void
}

export function createRubricTestApi(services: AppServices): RubricTestApi {
  return {
    listPinnable: async () => (await listPinnableRubrics(services.db)).map(({ rubricId, version, name, builtIn }) => ({ rubricId, version, name, builtIn })),
    listTemplates: async () => (await listTemplates(services.db, { includeArchived: true })).map((t) => ({ id: t.id, name: t.name, caseType: t.caseType, archived: t.archived === 1, basedOn: t.basedOn?.rubricId ?? null })),
    versions: async (rubricId) => (await listVersions(services.db, rubricId)).map((v) => ({ version: v.version, status: v.status, note: v.note, rubric: v.rubric })),
    openEditor: (templateId) => services.navigate({ page: 'rubric', templateId }),
  }
}
