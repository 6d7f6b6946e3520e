import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { builtinRubrics } from '../../../../renderer/src/rubrics/builtinRubrics'
import { getRubricVersion, listPinnableRubrics } from '../../../../renderer/src/rubrics/rubricCatalog'
import { discardDraft, duplicateRubric, importRubric, listTemplates, listVersions, publishVersion, saveDraft, setArchived, updateVersion } from '../../../../renderer/src/rubrics/rubricStore'
import { createCaseDb } from '../../../../renderer/src/store/db'

const builtin = builtinRubrics.find((r) => r.sections.length > 1 && r.policies.floor === 'capped')!

function fresh() {
  return createCaseDb(`r-${crypto.randomUUID()}`)
}

/** The builtin with the first item's points moved to the second, so the totals still add up. */
function edited(r: Rubric, by = 1): Rubric {
  const x = JSON.parse(JSON.stringify(r)) as Rubric
  const [a, b] = x.sections[0]!.items
  a!.points = a!.points! - by
  b!.points = b!.points! + by
  return x
}

describe('rubric store', () => {
  it('duplicates a built-in as a new lineage with a draft version 1', async () => {
    const db = fresh()
    const t = await duplicateRubric(db, builtin)
    expect(t.id).not.toBe(builtin.id)
    expect(t.basedOn).toEqual({ rubricId: builtin.id, version: builtin.version, name: builtin.name })
    const [v] = await listVersions(db, t.id)
    expect(v).toMatchObject({ version: 1, status: 'draft' })
    expect(v!.rubric.id).toBe(t.id)
    expect(v!.rubric.sections).toEqual(builtin.sections)
  })

  it('saving edits the open draft; publishing locks it; the next save starts draft n+1', async () => {
    const db = fresh()
    const t = await duplicateRubric(db, builtin)
    const d1 = (await listVersions(db, t.id))[0]!.rubric
    await saveDraft(db, t.id, edited(d1))
    expect((await listVersions(db, t.id)).map((v) => [v.version, v.status])).toEqual([[1, 'draft']])
    await publishVersion(db, t.id, 1, '首次发布')
    const [p1] = await listVersions(db, t.id)
    expect(p1).toMatchObject({ status: 'published', note: '首次发布' })
    expect(p1!.publishedAt).toBeTruthy()

    await expect(updateVersion(db, t.id, 1, edited(p1!.rubric))).rejects.toThrow('第1版已发布并锁定，不能修改')
    await expect(discardDraft(db, t.id, 1)).rejects.toThrow('已发布并锁定')
    await expect(publishVersion(db, t.id, 1)).rejects.toThrow('已经发布')

    const d2 = await saveDraft(db, t.id, edited(p1!.rubric))
    expect(d2).toMatchObject({ version: 2, status: 'draft' })
    expect(d2.rubric.version).toBe(2)
    const again = await listVersions(db, t.id)
    expect(again.map((v) => [v.version, v.status])).toEqual([[1, 'published'], [2, 'draft']])
    // The published version is byte for byte what was published.
    expect(again[0]!.rubric).toEqual(p1!.rubric)
  })

  it('refuses to publish an invalid draft, with the first reason', async () => {
    const db = fresh()
    const t = await duplicateRubric(db, builtin)
    const bad = JSON.parse(JSON.stringify(builtin)) as Rubric
    bad.sections[0]!.items[0]!.points = bad.sections[0]!.items[0]!.points! + 1
    await saveDraft(db, t.id, bad)
    await expect(publishVersion(db, t.id, 1)).rejects.toThrow(/改正后才能发布：本部分分值为/)
    expect((await listVersions(db, t.id))[0]!.status).toBe('draft')
  })

  it('offers published versions — not drafts — for campaigns to pin, next to the built-ins', async () => {
    const db = fresh()
    const t = await duplicateRubric(db, builtin, { name: '我的处罚标准' })
    expect((await listPinnableRubrics(db)).filter((e) => !e.builtIn)).toEqual([])
    await publishVersion(db, t.id, 1)
    await saveDraft(db, t.id, edited((await listVersions(db, t.id))[0]!.rubric))
    const own = (await listPinnableRubrics(db)).filter((e) => !e.builtIn)
    expect(own.map((e) => [e.rubricId, e.version, e.name])).toEqual([[t.id, 1, '我的处罚标准']])
    expect((await listPinnableRubrics(db)).filter((e) => e.builtIn)).toHaveLength(builtinRubrics.length)
    expect(await getRubricVersion(db, { rubricId: t.id, version: 2 })).toBeUndefined()
    expect((await getRubricVersion(db, { rubricId: t.id, version: 1 }))?.builtIn).toBe(false)
  })

  it('built-ins are read-only: saving into one is refused', async () => {
    await expect(saveDraft(fresh(), builtin.id, builtin)).rejects.toThrow('内置模板只读')
  })

  it('imports a new lineage as is, and a known one as a copy', async () => {
    const db = fresh()
    const foreign = { ...builtin, id: crypto.randomUUID(), version: 3 }
    const a = await importRubric(db, foreign)
    expect(a.asCopy).toBe(false)
    expect((await listVersions(db, foreign.id)).map((v) => v.version)).toEqual([3])
    const b = await importRubric(db, foreign)
    expect(b.asCopy).toBe(true)
    expect(b.template.id).not.toBe(foreign.id)
    expect((await importRubric(db, builtin)).asCopy).toBe(true)
  })

  it('archives and restores templates', async () => {
    const db = fresh()
    const t = await duplicateRubric(db, builtin)
    await setArchived(db, t.id, true)
    expect(await listTemplates(db)).toEqual([])
    expect((await listTemplates(db, { includeArchived: true })).map((x) => x.id)).toEqual([t.id])
    await setArchived(db, t.id, false)
    expect((await listTemplates(db)).map((x) => x.id)).toEqual([t.id])
  })
})
