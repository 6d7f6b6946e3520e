import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCaseDb } from '../../../../../renderer/src/store/db'
import { addMark, marksOf, pageStatesOf, rotatePages } from '../../../../../renderer/src/store/viewerState'

describe('migration to v2 (viewer state tables)', () => {
  it('keeps every v1 row and adds usable pageStates, documents and marks tables', async () => {
    const name = `m-${crypto.randomUUID()}`
    const v1 = createCaseDb(name, { upToVersion: 1 })
    await v1.open()
    const caseId = crypto.randomUUID()
    await v1.caseFiles.add({ id: caseId, name: '旧案卷', kind: 'pdf', sources: [{ sha256: 'd'.repeat(64), name: 'a.pdf', mime: 'application/pdf', size: 2 }], pageCount: 3, size: 2, importedAt: '2026-01-01T00:00:00.000Z' })
    await v1.blobs.add({ sha256: 'd'.repeat(64), size: 2, mime: 'application/pdf', data: new Blob([new Uint8Array([1, 2])]) })
    await v1.settings.add({ key: 'k', value: { a: 1 } })
    expect(v1.tables.map((t) => t.name)).not.toContain('marks')
    v1.close()

    const v2 = createCaseDb(name, { upToVersion: 2 })
    await v2.open()
    expect(v2.verno).toBe(2)
    expect(await v2.caseFiles.get(caseId)).toMatchObject({ name: '旧案卷', pageCount: 3 })
    expect(await v2.blobs.count()).toBe(1)
    expect(await v2.settings.get('k')).toEqual({ key: 'k', value: { a: 1 } })

    await rotatePages(v2, caseId, [0, 2], 90)
    await rotatePages(v2, caseId, [2], 270)
    expect((await pageStatesOf(v2, caseId)).map((p) => [p.pageIndex, p.rotation])).toEqual([
      [0, 90],
      [2, 0],
    ])
    await addMark(v2, { caseId, pageIndex: 1, rect: { x: 10, y: 20, width: 30, height: 40 }, note: '' })
    expect(await marksOf(v2, caseId)).toHaveLength(1)
    v2.close()
  })
})
