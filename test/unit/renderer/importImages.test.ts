import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createCaseDb } from '../../../renderer/src/store/db'
import { importImages } from '../../../renderer/src/import/importImages'
import { importProblemMessage } from '../../../renderer/src/import/importErrors'

// createImageBitmap does not exist under Node, so these use TIFFs (sized from their directories);
// JPEG/PNG imports are covered end to end in test/e2e/web/images.spec.ts.
const file = (name: string, as = name) => new File([readFileSync(resolve(import.meta.dirname, '../../fixtures/images', name))], as, { type: 'image/tiff' })
const freshDb = async () => {
  const db = createCaseDb(`t-${crypto.randomUUID()}`)
  await db.open()
  return db
}

describe('importImages', () => {
  it('makes one case file of several TIFFs, pages in natural name order, each frame a page', async () => {
    const db = await freshDb()
    const out = await importImages(db, [file('彩色-LZW.tif', '卷宗-第10部分.tif'), file('扫描件-G4.tif', '卷宗-第2部分.tif')])
    expect(out.ok).toBe(true)
    const [stored] = await db.caseFiles.toArray()
    expect(stored).toMatchObject({ name: '卷宗', kind: 'images', pageCount: 5 })
    expect(stored!.sources.map((s) => s.name)).toEqual(['卷宗-第2部分.tif', '卷宗-第10部分.tif'])
    expect(stored!.pages).toEqual([
      { source: 0, frame: 0, width: 1240, height: 1754 },
      { source: 0, frame: 1, width: 1240, height: 1754 },
      { source: 0, frame: 2, width: 1754, height: 1240 },
      { source: 1, frame: 0, width: 480, height: 360 },
      { source: 1, frame: 1, width: 480, height: 360 },
    ])
    expect(stored!.size).toBe(stored!.sources[0]!.size + stored!.sources[1]!.size)
    expect(await db.blobs.count()).toBe(2)
    db.close()
  })

  it('stores nothing at all when one file of the set is damaged, and says so in Chinese', async () => {
    const db = await freshDb()
    const bytes = readFileSync(resolve(import.meta.dirname, '../../fixtures/images/扫描件-G4.tif'))
    const truncated = new File([bytes.subarray(0, bytes.length / 2)], '第2页.tif')
    const out = await importImages(db, [file('彩色-LZW.tif', '第1页.tif'), truncated])
    expect(out.ok).toBe(false)
    if (out.ok) return
    expect(out.problem).toMatchObject({ code: 'image-damaged', fileName: '第2页.tif', groupSize: 2 })
    expect(importProblemMessage(out.problem)).toMatch(/「第2页\.tif」已损坏.*同一批选择的 2 个图片文件均未导入/)
    expect(await db.caseFiles.count()).toBe(0)
    expect(await db.blobs.count()).toBe(0)
    db.close()
  })

  it('refuses the same set imported again', async () => {
    const db = await freshDb()
    expect((await importImages(db, [file('扫描件-G4.tif')])).ok).toBe(true)
    const again = await importImages(db, [file('扫描件-G4.tif', '改名.tif')])
    expect(again.ok ? null : again.problem).toMatchObject({ code: 'duplicate', existingName: '扫描件-G4' })
    // The same TIFF as part of a different set is a different case file.
    expect((await importImages(db, [file('扫描件-G4.tif'), file('方向6.tif')])).ok).toBe(true)
    expect(await db.caseFiles.count()).toBe(2)
    db.close()
  })
})
