import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCaseDb } from '../../../../../renderer/src/store/db'

describe('migration to v4 (review workflow tables)', () => {
  it('keeps earlier rows and adds usable campaign, case, assignment, review, audit and problem-text tables', async () => {
    const name = `m4-${crypto.randomUUID()}`
    const v3 = createCaseDb(name, { upToVersion: 3 })
    await v3.open()
    const caseId = crypto.randomUUID()
    await v3.caseFiles.add({ id: caseId, name: '旧案卷', kind: 'pdf', sources: [], pageCount: 3, size: 2, importedAt: '2026-01-01T00:00:00.000Z' })
    await v3.marks.add({ id: crypto.randomUUID(), caseId, pageIndex: 0, rect: { x: 1, y: 2, width: 3, height: 4 }, note: '', createdAt: 't', updatedAt: 't' })
    expect(v3.tables.map((t) => t.name)).not.toContain('reviews')
    v3.close()

    const v4 = createCaseDb(name, { upToVersion: 4 })
    await v4.open()
    expect(v4.verno).toBe(4)
    expect(await v4.caseFiles.get(caseId)).toMatchObject({ name: '旧案卷' })
    expect(await v4.marks.count()).toBe(1)
    for (const t of ['campaigns', 'campaignCases', 'assignments', 'reviews', 'auditLog', 'problemTexts']) expect(v4.tables.map((x) => x.name)).toContain(t)
    const campaignId = crypto.randomUUID()
    await v4.reviews.add({ id: crypto.randomUUID(), campaignId, campaignCaseId: 'c', reviewerId: 'r', rubricId: 'x', rubricVersion: 1, state: 'not-started', decisions: [], highlights: '', disputes: [], comments: [], final: true, updatedAt: 't' })
    expect(await v4.reviews.where('campaignId').equals(campaignId).count()).toBe(1)
    await v4.problemTexts.add({ id: crypto.randomUUID(), rubricId: 'x', itemId: 'B-1-1', text: '未告知陈述申辩权', uses: 1, lastUsedAt: 't' })
    expect(await v4.problemTexts.where('[rubricId+itemId]').equals(['x', 'B-1-1']).count()).toBe(1)
    v4.close()
  })
})
