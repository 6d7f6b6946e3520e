import type { Rubric } from '@scoring/index'
import type { CaseDb } from '../store/db'
import { builtinRubrics } from './builtinRubrics'
import { listPublishedVersions } from './rubricStore'

/** A rubric version is identified by its lineage id and version number, exactly as reviews cite it. */
export interface RubricVersionRef {
  rubricId: string
  version: number
}

export interface CatalogEntry extends RubricVersionRef {
  name: string
  caseType: string
  standard: string
  builtIn: boolean
  rubric: Rubric
}

const fromRubric = (rubric: Rubric, builtIn: boolean): CatalogEntry => ({
  rubricId: rubric.id,
  version: rubric.version,
  name: rubric.name,
  caseType: rubric.caseType,
  standard: rubric.standard ?? '',
  builtIn,
  rubric,
})

/**
 * Every rubric version a campaign may pin: the built-in templates and the user's
 * published (locked) versions. Drafts are never offered: a pinned version must not change.
 */
export async function listPinnableRubrics(db: CaseDb): Promise<CatalogEntry[]> {
  const own = (await listPublishedVersions(db))
    .sort((a, b) => a.rubric.name.localeCompare(b.rubric.name, 'zh-CN') || a.version - b.version)
    .map((v) => fromRubric(v.rubric, false))
  return [...builtinRubrics.map((r) => fromRubric(r, true)), ...own]
}

export async function getRubricVersion(db: CaseDb, ref: RubricVersionRef): Promise<CatalogEntry | undefined> {
  return (await listPinnableRubrics(db)).find((e) => e.rubricId === ref.rubricId && e.version === ref.version)
}
