import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { addCaseFile, findCaseFileBySource, getBlob, listCaseFiles } from '../../../../renderer/src/store/caseFiles'
import { createCaseDb } from '../../../../renderer/src/store/db'
import type { CaseFileRecord } from '../../../../renderer/src/store/records'
import { latestSchemaVersion, schemaVersions } from '../../../../renderer/src/store/schemaVersions'

const record = (over: Partial<CaseFileRecord> = {}): CaseFileRecord => ({
  id: crypto.randomUUID(),
  name: '某市市场监督管理局行政处罚案卷',
  kind: 'pdf',
  sources: [{ sha256: 'a'.repeat(64), name: 'x.pdf', mime: 'application/pdf', size: 3 }],
  pageCount: 12,
  size: 3,
  importedAt: '2026-11-22T04:00:00.000Z',
  ...over,
})

describe('case store', () => {
  it('creates the latest schema from nothing with every table', async () => {
    const db = createCaseDb(`t-${crypto.randomUUID()}`)
    await db.open()
    expect(db.verno).toBe(latestSchemaVersion)
    expect(db.tables.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['blobs', 'caseFiles', 'settings']))
    db.close()
  })

  it('is a factory: two names are two independent databases', async () => {
    const a = createCaseDb(`t-${crypto.randomUUID()}`)
    const b = createCaseDb(`t-${crypto.randomUUID()}`)
    await addCaseFile(a, record(), [{ sha256: 'a'.repeat(64), size: 3, mime: 'application/pdf', data: new Blob([new Uint8Array([1, 2, 3])]) }])
    expect(await listCaseFiles(a)).toHaveLength(1)
    expect(await listCaseFiles(b)).toHaveLength(0)
  })

  it('stores identical bytes once and finds the case by content hash', async () => {
    const db = createCaseDb(`t-${crypto.randomUUID()}`)
    const blob = { sha256: 'b'.repeat(64), size: 3, mime: 'application/pdf', data: new Blob([new Uint8Array([4, 5, 6])]) }
    const first = record({ sources: [{ sha256: blob.sha256, name: 'a.pdf', mime: 'application/pdf', size: 3 }] })
    await addCaseFile(db, first, [blob])
    expect((await findCaseFileBySource(db, blob.sha256))?.id).toBe(first.id)
    expect(await findCaseFileBySource(db, 'f'.repeat(64))).toBeUndefined()
    await addCaseFile(db, record({ sources: first.sources }), [blob])
    expect(await db.blobs.count()).toBe(1)
    const back = await getBlob(db, blob.sha256)
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(new Uint8Array([4, 5, 6]))
  })

  it('writes nothing when the record cannot be added (bytes and record are one transaction)', async () => {
    const db = createCaseDb(`t-${crypto.randomUUID()}`)
    const existing = record()
    await addCaseFile(db, existing, [])
    const blob = { sha256: 'c'.repeat(64), size: 1, mime: 'application/pdf', data: new Blob([new Uint8Array([9])]) }
    // Same id again: the add fails, and the blob written earlier in the transaction must roll back.
    await expect(addCaseFile(db, record({ id: existing.id }), [blob])).rejects.toThrow()
    expect(await db.blobs.count()).toBe(0)
    expect(await db.caseFiles.count()).toBe(1)
  })

  it('has a test file for every migration', () => {
    for (const v of schemaVersions.filter((v) => v.version > 1)) {
      expect(existsSync(resolve(import.meta.dirname, `migrations/v${v.version}.test.ts`)), `migrations/v${v.version}.test.ts`).toBe(true)
    }
  })
})
