import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PanelMember } from '@scoring/index'
import { createCaseDb, type CaseDb } from '../../../../renderer/src/store/db'
import type { CampaignRecord } from '../../../../renderer/src/store/workflowRecords'
import { assign, autoAssign, unassign } from '../../../../renderer/src/workflow/assignments'
import { auditOf, verifyCampaignAudit } from '../../../../renderer/src/workflow/audit'
import { addAgency, addMember, casesOf, createCampaign, registerCases } from '../../../../renderer/src/workflow/campaigns'
import { resolveCaseList } from '../../../../renderer/src/workflow/caseList'
import { hashReady } from '../../../../renderer/src/workflow/hash'
import { runSampling } from '../../../../renderer/src/workflow/sampling'
import { registerCaseList } from '../../../../renderer/src/ui/campaigns/registerCaseList'

const ACTOR = '测试组长（0000）'
const HEADER = ['案卷文件', '执法单位', '案号', '案件类型', '当事人', '案由', '承办人', '立案日期', '结案日期']
const AGENCIES = ['市市场监督管理局', '市生态环境局', '市城市管理局']

beforeAll(async () => {
  // Audit writes hash inside transactions; the wasm hasher must be loaded first, as the app does at start-up.
  await hashReady
})

async function fresh(): Promise<{ db: CaseDb; campaign: () => Promise<CampaignRecord> }> {
  const db = createCaseDb(`t-${crypto.randomUUID()}`)
  const c = await createCampaign(db, { name: '2024 年度全市行政执法案卷评查', year: 2024, organiser: '市司法局', startDate: '', endDate: '', mode: 'single', toleranceCents: 500, rubrics: [{ caseType: 'penalty', rubricId: 'r-penalty', version: 1 }] })
  return { db, campaign: async () => (await db.campaigns.get(c.id))! }
}

/** Three agencies, one reviewer each, a lead from the first agency, and 12 library files (4 per agency). */
async function panelWithList() {
  const { db, campaign } = await fresh()
  for (const name of AGENCIES) await addAgency(db, await campaign(), name, ACTOR)
  const agencies = (await campaign()).agencies
  for (const [i, a] of agencies.entries()) await addMember(db, await campaign(), { name: `评查员${i + 1}`, agencyId: a.id, role: 'reviewer' }, ACTOR)
  await addMember(db, await campaign(), { name: '组长', agencyId: agencies[0]!.id, role: 'lead' }, ACTOR)
  const files = Array.from({ length: 12 }, (_, i) => ({ id: crypto.randomUUID(), name: `卷${i + 1}`, pageCount: 10 + i * 7 }))
  const table = [HEADER, ...files.map((f, i) => [f.name, AGENCIES[i % 3]!, `罚〔2024〕${i + 1}号`, '行政处罚', `当事人${i + 1}`, '案由', '张三、李四', '2024-01-02', '2024-03-04'])]
  const c = await campaign()
  const list = resolveCaseList(table, { caseTypes: ['penalty'], agencies: c.agencies, caseFiles: files, registered: [] })
  expect(list.errors).toEqual([])
  await registerCaseList(db, c.id, list, ACTOR)
  return { db, campaign, files }
}

describe('campaign set-up through the repository', () => {
  it('two quick adds from the same (stale) campaign both stay', async () => {
    const { db, campaign } = await fresh()
    const stale = await campaign()
    await Promise.all([addAgency(db, stale, '甲局', ACTOR), addAgency(db, stale, '乙局', ACTOR)])
    expect((await campaign()).agencies.map((a) => a.name).sort()).toEqual(['乙局', '甲局'])
    await expect(addAgency(db, stale, '甲局', ACTOR)).rejects.toThrow('执法单位「甲局」已存在')
    const agencyId = (await campaign()).agencies[0]!.id
    await Promise.all([addMember(db, stale, { name: '张三', agencyId, role: 'reviewer' }, ACTOR), addMember(db, stale, { name: '李四', agencyId, role: 'lead' }, ACTOR)])
    expect((await campaign()).members.map((m) => m.name).sort()).toEqual(['张三', '李四'].sort())
  })

  it('bulk registration creates unknown agencies and every case, or nothing at all', async () => {
    const { db, campaign } = await fresh()
    await addAgency(db, await campaign(), '市市场监督管理局', ACTOR)
    const files = [
      { id: 'f1', name: '卷一', pageCount: 10 },
      { id: 'f2', name: '卷二', pageCount: 20 },
    ]
    const table = [HEADER, ['卷一', '市市场监督管理局', '罚1', '行政处罚'], ['卷二', '区城管局', '罚2', '行政处罚']]
    const ctx = async () => {
      const c = await campaign()
      const cases = await casesOf(db, c.id)
      return { caseTypes: ['penalty'], agencies: c.agencies, caseFiles: files, registered: cases.map((x) => ({ caseFileId: x.caseFileId, agencyId: x.agencyId, caseNumber: x.caseNumber })) }
    }
    // Checked against the list as it was, then someone registers 罚1 before the write: the write must refuse the whole batch.
    const stale = resolveCaseList(table, await ctx())
    expect(stale.newAgencies).toEqual(['区城管局'])
    const c = await campaign()
    await registerCases(db, c, [{ caseFileId: null, agencyId: c.agencies[0]!.id, caseNumber: '罚1', caseType: 'penalty', party: '', cause: '', handlers: [], filedOn: '', closedOn: '', pageCount: 0 }], ACTOR)
    const auditBefore = (await auditOf(db, c.id)).length
    await expect(registerCaseList(db, c.id, stale, ACTOR)).rejects.toThrow('案号「罚1」已登记')
    expect((await campaign()).agencies.map((a) => a.name)).toEqual(['市市场监督管理局'])
    expect(await casesOf(db, c.id)).toHaveLength(1)
    expect(await auditOf(db, c.id)).toHaveLength(auditBefore)

    // A list with a bad row is refused before anything is written.
    const bad = resolveCaseList([HEADER, ['卷二', '区城管局', '罚2', '行政处罚'], ['卷一', '区城管局', '', '行政处罚']], await ctx())
    expect(bad.errors).toEqual(['第 3 行「案号」：不能为空'])
    await expect(registerCaseList(db, c.id, bad, ACTOR)).rejects.toThrow('第 3 行「案号」：不能为空')
    expect(await casesOf(db, c.id)).toHaveLength(1)

    // The direct repository call is all-or-nothing too: row 2 is bad, row 1 is not written.
    await expect(
      registerCases(
        db,
        c,
        [
          { caseFileId: 'f2', agencyId: c.agencies[0]!.id, caseNumber: '罚9', caseType: 'penalty', party: '', cause: '', handlers: [], filedOn: '', closedOn: '', pageCount: 20 },
          { caseFileId: 'f2', agencyId: c.agencies[0]!.id, caseNumber: '罚10', caseType: 'penalty', party: '', cause: '', handlers: [], filedOn: '2024-05-01', closedOn: '2024-04-01', pageCount: 20 },
        ],
        ACTOR,
      ),
    ).rejects.toThrow('第 2 行：结案日期早于立案日期')
    expect(await casesOf(db, c.id)).toHaveLength(1)

    const good = resolveCaseList([HEADER, ['卷二', '区城管局', '罚2', '行政处罚', '某公司', '', '王五，赵六']], await ctx())
    const written = await registerCaseList(db, c.id, good, ACTOR)
    const after = await campaign()
    expect(after.agencies.map((a) => a.name)).toEqual(['市市场监督管理局', '区城管局'])
    expect(written[0]).toMatchObject({ caseFileId: 'f2', agencyId: after.agencies[1]!.id, pageCount: 20, handlers: ['王五', '赵六'], sampled: false })
  })

  it('sampling with the same seed draws the same files, and records plan, seed and per-agency counts', async () => {
    const { db, campaign } = await panelWithList()
    const first = await runSampling(db, await campaign(), { mode: 'count', amount: 2, seed: 'K7Q2M9' }, ACTOR)
    expect(first.selected).toHaveLength(6)
    expect(Object.values(first.perAgency)).toEqual([
      { available: 4, drawn: 2 },
      { available: 4, drawn: 2 },
      { available: 4, drawn: 2 },
    ])
    const sampledIds = async () => (await casesOf(db, (await campaign()).id)).filter((c) => c.sampled).map((c) => c.id).sort()
    expect(await sampledIds()).toEqual([...first.selected].sort())

    await runSampling(db, await campaign(), { mode: 'percent', amount: 50, seed: 'OTHER1' }, ACTOR)
    const again = await runSampling(db, await campaign(), { mode: 'count', amount: 2, seed: 'K7Q2M9' }, ACTOR)
    expect(again.selected).toEqual(first.selected)
    expect(await sampledIds()).toEqual([...first.selected].sort())
    expect((await campaign()).sampling).toMatchObject({ plan: { mode: 'count', amount: 2, seed: 'K7Q2M9' }, drawnBy: ACTOR })
    await expect(runSampling(db, await campaign(), { mode: 'count', amount: 1.5, seed: 'X' }, ACTOR)).rejects.toThrow('按件数抽取时，件数须为整数')
  })

  it('auto-assignment never gives a reviewer a file of their own agency and balances pages', async () => {
    const { db, campaign } = await panelWithList()
    await runSampling(db, await campaign(), { mode: 'percent', amount: 100, seed: 'ALL' }, ACTOR)
    const c = await campaign()
    const r = await autoAssign(db, c, ACTOR)
    expect(r).toEqual({ assigned: 12, unassignable: [] })
    const cases = new Map((await casesOf(db, c.id)).map((x) => [x.id, x]))
    const assignments = await db.assignments.where('campaignId').equals(c.id).toArray()
    expect(assignments).toHaveLength(12)
    for (const a of assignments) {
      const member = c.members.find((m) => m.id === a.reviewerId)!
      expect(member.agencyId).not.toBe(cases.get(a.campaignCaseId)!.agencyId)
      expect(a.overrideReason).toBeUndefined()
    }
    // Each assignment opened a review sheet.
    expect(await db.reviews.where('campaignId').equals(c.id).count()).toBe(12)
    // Reviewers only: the lead takes no first reviews while a reviewer can.
    expect(assignments.every((a) => c.members.find((m) => m.id === a.reviewerId)!.role === 'reviewer')).toBe(true)
    // Running again assigns nothing new.
    expect(await autoAssign(db, c, ACTOR)).toEqual({ assigned: 0, unassignable: [] })
  })

  it('an own-agency assignment needs the lead’s reason, which is kept', async () => {
    const { db, campaign } = await panelWithList()
    await runSampling(db, await campaign(), { mode: 'count', amount: 1, seed: 'S1' }, ACTOR)
    const c = await campaign()
    const target = (await casesOf(db, c.id)).find((x) => x.sampled)!
    const own = c.members.find((m) => m.role === 'reviewer' && m.agencyId === target.agencyId) as PanelMember
    const other = c.members.find((m) => m.role === 'reviewer' && m.agencyId !== target.agencyId) as PanelMember

    await expect(assign(db, c, target.id, own, ACTOR)).rejects.toThrow(`${own.name}来自被评查单位，按交叉评查规则不得评查本单位案卷；如确需指派，须由评查组长填写理由。`)
    await expect(assign(db, c, target.id, own, ACTOR, ' 是 ')).rejects.toThrow('例外指派须填写理由')
    expect(await db.assignments.where('campaignCaseId').equals(target.id).count()).toBe(0)

    const a = await assign(db, c, target.id, own, ACTOR, '  该领域仅此一名评查员  ')
    expect(a.overrideReason).toBe('该领域仅此一名评查员')
    // Single review: one reviewer per file.
    await expect(assign(db, c, target.id, other, ACTOR)).rejects.toThrow('该案卷已分配评查人员')
    const log = await auditOf(db, c.id)
    expect(log.at(-1)).toMatchObject({ action: 'assignment.add', actor: ACTOR, after: { overrideReason: '该领域仅此一名评查员', reviewerId: own.id } })

    await unassign(db, c, a.id, ACTOR)
    expect(await db.reviews.where('campaignCaseId').equals(target.id).count()).toBe(0)
    expect((await auditOf(db, c.id)).at(-1)?.action).toBe('assignment.remove')
  })

  it('the audit chain verifies, and an edited or deleted stored row is found', async () => {
    const { db, campaign } = await panelWithList()
    await runSampling(db, await campaign(), { mode: 'count', amount: 2, seed: 'AUDIT' }, ACTOR)
    await autoAssign(db, await campaign(), ACTOR)
    const id = (await campaign()).id
    const ok = await verifyCampaignAudit(db, id)
    expect(ok.ok).toBe(true)
    const log = await auditOf(db, id)
    expect(log.length).toBeGreaterThan(15)
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1))

    const victim = log[5]!
    await db.auditLog.update(victim.id, { actor: '他人' })
    const edited = await verifyCampaignAudit(db, id)
    expect(edited.ok).toBe(false)
    expect(!edited.ok && edited.problems).toEqual([expect.objectContaining({ seq: victim.seq, kind: 'hash-mismatch', message: `第 ${victim.seq} 条记录的内容被修改` })])

    await db.auditLog.put(victim)
    expect((await verifyCampaignAudit(db, id)).ok).toBe(true)
    await db.auditLog.delete(log[8]!.id)
    const deleted = await verifyCampaignAudit(db, id)
    expect(!deleted.ok && deleted.problems.map((p) => p.kind)).toEqual(['missing-entry'])
  })
})
