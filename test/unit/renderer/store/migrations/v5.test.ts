import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCaseDb } from '../../../../../renderer/src/store/db'

describe('migration to v5 (rectification tracking)', () => {
  it('keeps v4 rows and adds a rectifications table indexed by campaign and agency', async () => {
    const name = `m5-${crypto.randomUUID()}`
    const v4 = createCaseDb(name, { upToVersion: 4 })
    await v4.open()
    const campaignId = crypto.randomUUID()
    await v4.reviews.add({ id: crypto.randomUUID(), campaignId, campaignCaseId: 'c', reviewerId: 'r', rubricId: 'x', rubricVersion: 1, state: 'finalised', decisions: [], highlights: '', disputes: [], comments: [], final: true, updatedAt: 't' })
    expect(v4.tables.map((t) => t.name)).not.toContain('rectifications')
    v4.close()

    const v5 = createCaseDb(name, { upToVersion: 5 })
    await v5.open()
    expect(v5.verno).toBe(5)
    expect(await v5.reviews.where('campaignId').equals(campaignId).count()).toBe(1)
    const row = { id: crypto.randomUUID(), campaignId, problemKey: 'c#B-1#r1#1', agencyId: 'a', caseId: 'c', itemId: 'B-1', ruleId: 'r1', description: '未告知', status: 'pending' as const, deadline: '2026-12-31', createdAt: 't', updatedAt: 't' }
    await v5.rectifications.add(row)
    await v5.rectifications.add({ ...row, id: crypto.randomUUID(), agencyId: 'b' })
    expect(await v5.rectifications.where('campaignId').equals(campaignId).count()).toBe(2)
    expect(await v5.rectifications.where('[campaignId+agencyId]').equals([campaignId, 'b']).count()).toBe(1)
    v5.close()
  })
})
