import { describe, expect, it } from 'vitest'
import { exportBackup, lastBackupAt, restoreBackup } from '../../../renderer/src/exchange/backup'
import { blobDigests } from '../../../renderer/src/exchange/storeDump'
import { getRubricVersion } from '../../../renderer/src/rubrics/rubricCatalog'
import { setDecision } from '../../../renderer/src/workflow/reviews'
import { scoreRecord } from '../../../renderer/src/workflow/scoreRecord'
import { verifyCampaignAudit } from '../../../renderer/src/workflow/audit'
import { freshDb, seedLead, snapshot } from './fixtures'

const totals = async (db: ReturnType<typeof freshDb>) => {
  const out: Record<string, unknown> = {}
  for (const r of await db.reviews.toArray()) {
    const rubric = (await getRubricVersion(db, { rubricId: r.rubricId, version: r.rubricVersion }))!.rubric
    const s = scoreRecord(rubric, r) as { totalText?: string }
    out[r.id] = s.totalText
  }
  return out
}

describe('backup and restore', () => {
  it('restores the whole store on another laptop: same rows, byte-identical files, same scores', async () => {
    const lead = await seedLead(3)
    const reviewId = lead.reviewIds[0]!
    const r = (await lead.db.reviews.get(reviewId))!
    const item = (await getRubricVersion(lead.db, { rubricId: r.rubricId, version: r.rubricVersion }))!.rubric.sections[0]!.items[0]!
    await setDecision(lead.db, reviewId, item.id, { itemId: item.id, kind: 'na', reason: '不涉及' }, lead.reviewer)
    expect(await lastBackupAt(lead.db)).toBeNull()
    const backup = await exportBackup(lead.db, '0.1.0')
    expect(await lastBackupAt(lead.db)).not.toBeNull()

    const other = freshDb()
    await restoreBackup(other, backup.blob, { replace: false })
    expect(await snapshot(other)).toEqual(await snapshot(lead.db))
    expect(await blobDigests(other)).toEqual(await blobDigests(lead.db))
    expect(await totals(other)).toEqual(await totals(lead.db))
    expect(await verifyCampaignAudit(other, lead.campaignId)).toMatchObject({ ok: true })
  })

  it('refuses to overwrite a store that has data unless the user confirms replace, which swaps everything at once', async () => {
    const a = await seedLead(1)
    const b = await seedLead(2)
    const backup = await exportBackup(a.db, '0.1.0')
    const before = await snapshot(b.db)
    await expect(restoreBackup(b.db, backup.blob, { replace: false })).rejects.toThrow(/本机已有数据/)
    expect(await snapshot(b.db)).toEqual(before)
    await restoreBackup(b.db, backup.blob, { replace: true })
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db))
  })

  it('a work package is not a backup', async () => {
    const a = await seedLead(1)
    const { exportAssignmentPackage } = await import('../../../renderer/src/exchange/exportWork')
    const pkg = await exportAssignmentPackage(a.db, a.campaignId, a.reviewerId, '0.1.0')
    await expect(restoreBackup(freshDb(), pkg.blob, { replace: false })).rejects.toThrow(/这是分配包，不是备份文件/)
  })
})
