import type { Rubric } from '@scoring/index'
import { validateRubric } from '@scoring/index'
import type { CaseDb } from '../store/db'
import type { RubricTemplateRecord, RubricVersionRecord } from '../store/records'
import { builtinRubrics } from './builtinRubrics'

/** Refusals the editor shows as they are; every message is for the author. */
export class RubricStoreError extends Error {
  override name = 'RubricStoreError'
}

const now = (): string => new Date().toISOString()
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

export function isBuiltinRubricId(id: string): boolean {
  return builtinRubrics.some((r) => r.id === id)
}

export async function listTemplates(db: CaseDb, options: { includeArchived?: boolean } = {}): Promise<RubricTemplateRecord[]> {
  const all = await db.rubricTemplates.toArray()
  return all.filter((t) => options.includeArchived || t.archived === 0).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
}

export async function getTemplate(db: CaseDb, id: string): Promise<RubricTemplateRecord | undefined> {
  return db.rubricTemplates.get(id)
}

/** Every version of a template, oldest first. */
export async function listVersions(db: CaseDb, rubricId: string): Promise<RubricVersionRecord[]> {
  return (await db.rubricVersions.where('rubricId').equals(rubricId).toArray()).sort((a, b) => a.version - b.version)
}

export async function latestVersion(db: CaseDb, rubricId: string): Promise<RubricVersionRecord | undefined> {
  return (await listVersions(db, rubricId)).at(-1)
}

export async function listPublishedVersions(db: CaseDb): Promise<RubricVersionRecord[]> {
  return db.rubricVersions.where('status').equals('published').toArray()
}

/**
 * Starts a new template from any rubric (a built-in to customise, or an imported file): a new lineage id, so
 * reviews of the original can never be mistaken for reviews of the copy, and version 1 as a draft.
 */
export async function duplicateRubric(db: CaseDb, source: Rubric, options: { name?: string; note?: string } = {}): Promise<RubricTemplateRecord> {
  const id = crypto.randomUUID()
  const rubric: Rubric = { ...copy(source), id, version: 1, name: options.name ?? `${source.name}（我的模板）` }
  const t = now()
  const template: RubricTemplateRecord = {
    id,
    name: rubric.name,
    caseType: rubric.caseType,
    standard: rubric.standard ?? '',
    basedOn: { rubricId: source.id, version: source.version, name: source.name },
    archived: 0,
    createdAt: t,
    updatedAt: t,
  }
  await db.transaction('rw', db.rubricTemplates, db.rubricVersions, async () => {
    await db.rubricTemplates.add(template)
    await db.rubricVersions.add({ rubricId: id, version: 1, status: 'draft', rubric, createdAt: t, updatedAt: t, note: options.note ?? `复制自「${source.name}」第${source.version}版` })
  })
  return template
}

/**
 * Imports a rubric file as a template. It keeps the file's id and version when that lineage is new here,
 * so a template moved between laptops stays the same lineage; otherwise it becomes a copy with a new id.
 */
export async function importRubric(db: CaseDb, rubric: Rubric): Promise<{ template: RubricTemplateRecord; asCopy: boolean }> {
  if (isBuiltinRubricId(rubric.id) || (await db.rubricTemplates.get(rubric.id))) {
    return { template: await duplicateRubric(db, rubric, { name: rubric.name, note: `导入自文件（原标识 ${rubric.id} 第${rubric.version}版）` }), asCopy: true }
  }
  const t = now()
  const template: RubricTemplateRecord = { id: rubric.id, name: rubric.name, caseType: rubric.caseType, standard: rubric.standard ?? '', archived: 0, createdAt: t, updatedAt: t }
  await db.transaction('rw', db.rubricTemplates, db.rubricVersions, async () => {
    await db.rubricTemplates.add(template)
    await db.rubricVersions.add({ rubricId: rubric.id, version: rubric.version, status: 'draft', rubric: copy(rubric), createdAt: t, updatedAt: t, note: '导入自文件' })
  })
  return { template, asCopy: false }
}

/**
 * Saves the author's edit: into the open draft when there is one, otherwise as a new draft numbered after the
 * latest version. Published versions are never touched. Returns the version written.
 */
export async function saveDraft(db: CaseDb, rubricId: string, rubric: Rubric, note?: string): Promise<RubricVersionRecord> {
  return db.transaction('rw', db.rubricTemplates, db.rubricVersions, async () => {
    const template = await db.rubricTemplates.get(rubricId)
    if (!template) throw new RubricStoreError(isBuiltinRubricId(rubricId) ? '内置模板只读，请先「复制为我的模板」' : '找不到该模板')
    const latest = await latestVersion(db, rubricId)
    const t = now()
    const version = latest?.status === 'draft' ? latest.version : (latest?.version ?? 0) + 1
    const record: RubricVersionRecord = {
      rubricId,
      version,
      status: 'draft',
      rubric: { ...copy(rubric), id: rubricId, version },
      createdAt: latest?.status === 'draft' ? latest.createdAt : t,
      updatedAt: t,
      note: note ?? (latest?.status === 'draft' ? latest.note : ''),
    }
    await db.rubricVersions.put(record)
    await db.rubricTemplates.update(rubricId, { name: rubric.name, caseType: rubric.caseType, standard: rubric.standard ?? '', updatedAt: t })
    return record
  })
}

/** Edits one given version; refuses a published one, which reviews and campaigns may already cite. */
export async function updateVersion(db: CaseDb, rubricId: string, version: number, rubric: Rubric, note?: string): Promise<void> {
  await db.transaction('rw', db.rubricTemplates, db.rubricVersions, async () => {
    const v = await db.rubricVersions.get([rubricId, version])
    if (!v) throw new RubricStoreError(`找不到第${version}版`)
    if (v.status === 'published') throw new RubricStoreError(`第${version}版已发布并锁定，不能修改；修改将保存为新的草稿版本`)
    await db.rubricVersions.update([rubricId, version], { rubric: { ...copy(rubric), id: rubricId, version }, updatedAt: now(), ...(note !== undefined ? { note } : {}) })
    await db.rubricTemplates.update(rubricId, { name: rubric.name, caseType: rubric.caseType, standard: rubric.standard ?? '', updatedAt: now() })
  })
}

/** Publishes a draft: only a valid rubric can be published, and from then on the version is locked. */
export async function publishVersion(db: CaseDb, rubricId: string, version: number, note?: string): Promise<RubricVersionRecord> {
  return db.transaction('rw', db.rubricTemplates, db.rubricVersions, async () => {
    const v = await db.rubricVersions.get([rubricId, version])
    if (!v) throw new RubricStoreError(`找不到第${version}版`)
    if (v.status === 'published') throw new RubricStoreError(`第${version}版已经发布`)
    const check = validateRubric(v.rubric)
    if (!check.ok) throw new RubricStoreError(`第${version}版有 ${check.errors.length} 处错误，改正后才能发布：${check.errors[0]!.message}`)
    const t = now()
    const published: RubricVersionRecord = { ...v, rubric: check.rubric, status: 'published', publishedAt: t, updatedAt: t, ...(note !== undefined ? { note } : {}) }
    await db.rubricVersions.put(published)
    await db.rubricTemplates.update(rubricId, { updatedAt: t })
    return published
  })
}

/** Drops an unpublished draft; published versions stay. */
export async function discardDraft(db: CaseDb, rubricId: string, version: number): Promise<void> {
  await db.transaction('rw', db.rubricVersions, async () => {
    const v = await db.rubricVersions.get([rubricId, version])
    if (!v) return
    if (v.status === 'published') throw new RubricStoreError(`第${version}版已发布并锁定，不能删除`)
    await db.rubricVersions.delete([rubricId, version])
  })
}

export async function setArchived(db: CaseDb, rubricId: string, archived: boolean): Promise<void> {
  await db.rubricTemplates.update(rubricId, { archived: archived ? 1 : 0, updatedAt: now() })
}
