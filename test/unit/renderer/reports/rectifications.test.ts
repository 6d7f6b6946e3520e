import { describe, expect, it } from 'vitest'
import { buildReportModel, validateCampaignExport } from '@scoring/report/index'
import { generateRectifications, rectificationOverdue, rectificationsOf, updateRectification } from '../../../../renderer/src/reports/rectifications'
import { verifyCampaignAudit } from '../../../../renderer/src/workflow/audit'
import { buildCampaignExport } from '../../../../renderer/src/workflow/campaignExport'
import { finalisedCampaign } from './fixture'

describe('rectification tracking', () => {
  it('opens one row per problem of the finalised review, and re-generating neither duplicates nor resets', async () => {
    const { db, campaignId, caseId, agencyId, targets } = await finalisedCampaign({ deadline: '2026-12-31' })
    const first = await generateRectifications(db, campaignId, '李组长')
    expect(first).toEqual({ added: 2, existing: 0, skipped: 0 })
    const rows = await rectificationsOf(db, campaignId)
    expect(rows.map((r) => r.itemId).sort()).toEqual([...targets].sort())
    expect(rows.every((r) => r.caseId === caseId && r.agencyId === agencyId && r.status === 'pending' && r.deadline === '2026-12-31')).toBe(true)

    await updateRectification(db, rows[0]!.id, { status: 'done', feedback: '已补正询问笔录', feedbackOn: '2026-12-01' }, '李组长')
    const again = await generateRectifications(db, campaignId, '李组长')
    expect(again).toEqual({ added: 0, existing: 2, skipped: 0 })
    const after = await rectificationsOf(db, campaignId)
    expect(after).toHaveLength(2)
    expect(after.find((r) => r.id === rows[0]!.id)).toMatchObject({ status: 'done', feedback: '已补正询问笔录', feedbackOn: '2026-12-01' })
  })

  it('audits every status change in the same transaction and keeps the chain valid', async () => {
    const { db, campaignId } = await finalisedCampaign({ deadline: '2026-12-31' })
    await generateRectifications(db, campaignId, '李组长')
    const [row] = await rectificationsOf(db, campaignId)
    await updateRectification(db, row!.id, { status: 'inProgress' }, '李组长')
    await updateRectification(db, row!.id, { status: 'done', feedback: '已整改', feedbackOn: '2026-12-02' }, '李组长')
    const audit = (await db.auditLog.where('campaignId').equals(campaignId).toArray()).filter((a) => a.subject.id === row!.id).sort((a, b) => a.seq - b.seq)
    expect(audit.map((a) => a.action)).toEqual(['rectification.status', 'rectification.status'])
    expect(audit[1]).toMatchObject({ actor: '李组长', before: { status: 'inProgress' }, after: { status: 'done', feedback: '已整改', feedbackOn: '2026-12-02' } })
    expect((await verifyCampaignAudit(db, campaignId)).ok).toBe(true)
    // A failed change writes neither the row nor an audit entry.
    const count = await db.auditLog.count()
    await expect(updateRectification(db, row!.id, { status: 'declined' }, '李组长')).rejects.toThrow('理由')
    expect(await db.auditLog.count()).toBe(count)
    expect((await db.rectifications.get(row!.id))!.status).toBe('done')
    // Nothing changed, nothing audited.
    await updateRectification(db, row!.id, { status: 'done' }, '李组长')
    expect(await db.auditLog.count()).toBe(count)
  })

  it('flags unfinished rows past their deadline and finished-late rows, as the ledger does', () => {
    expect(rectificationOverdue({ status: 'pending', deadline: '2026-01-10' }, '2026-01-11')).toBe('overdue')
    expect(rectificationOverdue({ status: 'inProgress', deadline: '2026-01-10' }, '2026-01-10')).toBe('no')
    expect(rectificationOverdue({ status: 'done', deadline: '2026-01-10', feedbackOn: '2026-01-12' }, '2026-02-01')).toBe('lateDone')
    expect(rectificationOverdue({ status: 'done', deadline: '2026-01-10', feedbackOn: '2026-01-09' }, '2026-02-01')).toBe('no')
    expect(rectificationOverdue({ status: 'declined', deadline: '2026-01-10' }, '2026-02-01')).toBe('no')
  })

  it('puts the tracked rows into the campaign export, so the ledger shows their status', async () => {
    const { db, campaignId } = await finalisedCampaign({ deadline: '2026-01-15' })
    await generateRectifications(db, campaignId, '李组长')
    const [row] = await rectificationsOf(db, campaignId)
    await updateRectification(db, row!.id, { status: 'declined', reason: '案件已进入诉讼程序' }, '李组长')
    const exported = await buildCampaignExport(db, campaignId, 'test')
    expect(exported.rectifications).toHaveLength(2)
    expect(Object.keys(exported.rectifications[0]!)).not.toContain('problemKey')
    const validated = validateCampaignExport(JSON.parse(JSON.stringify(exported)))
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors))
    const model = buildReportModel(validated.data, { asOf: '2026-02-01' })
    expect(model.ledger.every((l) => l.source === 'recorded')).toBe(true)
    expect(model.ledger.find((l) => l.id === row!.id)).toMatchObject({ statusText: '不予整改', reason: '案件已进入诉讼程序', overdue: 'no' })
    expect(model.ledger.find((l) => l.id !== row!.id)).toMatchObject({ statusText: '待整改', overdue: 'overdue' })
  })
})
