import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { builtinRubrics } from '../../../../../renderer/src/rubrics/builtinRubrics'
import { duplicateRubric, listVersions } from '../../../../../renderer/src/rubrics/rubricStore'
import { createCaseDb } from '../../../../../renderer/src/store/db'
import { addMark, marksOf } from '../../../../../renderer/src/store/viewerState'

describe('migration to v3 (rubric library tables)', () => {
  it('keeps every v2 row and adds usable rubricTemplates and rubricVersions tables', async () => {
    const name = `m-${crypto.randomUUID()}`
    const v2 = createCaseDb(name, { upToVersion: 2 })
    await v2.open()
    const caseId = crypto.randomUUID()
    await v2.caseFiles.add({ id: caseId, name: '旧案卷', kind: 'pdf', sources: [{ sha256: 'e'.repeat(64), name: 'a.pdf', mime: 'application/pdf', size: 2 }], pageCount: 3, size: 2, importedAt: '2026-01-01T00:00:00.000Z' })
    await v2.settings.add({ key: 'k', value: { a: 1 } })
    await v2.pageStates.add({ caseId, pageIndex: 1, rotation: 90, flags: { blank: true }, updatedAt: '2026-01-01T00:00:00.000Z' })
    await addMark(v2, { caseId, pageIndex: 0, rect: { x: 1, y: 2, width: 3, height: 4 }, note: '签名缺失' })
    expect(v2.tables.map((t) => t.name)).not.toContain('rubricVersions')
    v2.close()

    const v3 = createCaseDb(name, { upToVersion: 3 })
    await v3.open()
    expect(v3.verno).toBe(3)
    expect(await v3.caseFiles.get(caseId)).toMatchObject({ name: '旧案卷', pageCount: 3 })
    expect(await v3.settings.get('k')).toEqual({ key: 'k', value: { a: 1 } })
    expect(await v3.pageStates.get([caseId, 1])).toMatchObject({ rotation: 90, flags: { blank: true } })
    expect((await marksOf(v3, caseId)).map((m) => m.note)).toEqual(['签名缺失'])

    const t = await duplicateRubric(v3, builtinRubrics[0]!)
    expect(await v3.rubricTemplates.where('caseType').equals(builtinRubrics[0]!.caseType).count()).toBe(1)
    expect((await listVersions(v3, t.id)).map((v) => [v.version, v.status])).toEqual([[1, 'draft']])
    expect(await v3.rubricVersions.where('status').equals('draft').count()).toBe(1)
    v3.close()
  })
})
