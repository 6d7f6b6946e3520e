import { readFileSync, writeFileSync } from 'node:fs'
import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp } from '../support/app'
import { addAgencies, addMembers } from '../support/campaign'
import { corpusPath } from '../support/corpus'

const PENALTY_RUBRIC = '332a4038-d24d-4f5b-831d-f56d835e374b@1'
const [MARKET, ECO, CITY, TRANSPORT] = ['市市场监督管理局', '市生态环境局', '市城市管理局', '县交通运输局']
const CSV_HEADER = '案卷文件,执法单位,案号,案件类型,当事人,案由,承办人,立案日期,结案日期'

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/shots/campaign-${name}.png`, fullPage: true })
const api = <T>(page: Page, fn: (id: string) => Promise<T>, id: string) => page.evaluate(fn, id)
const state = (page: Page, id: string) => api(page, (cid) => window.__caseReviewDesk.campaigns.get(cid), id)

async function chooseIdentity(page: Page, id: string, name: string) {
  const member = (await state(page, id)).members.find((m) => m.name === name)!
  await page.getByTestId('identity-select').selectOption(member.id)
  await expect.poll(() => api(page, (cid) => window.__caseReviewDesk.campaigns.currentMember(cid), id)).toMatchObject({ name })
}

test('set up a campaign: panel, registration, seeded draw, cross-review assignment with a lead override, progress, audit and tamper detection', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const { foreignRequests } = await openApp(page)
  // Four small scans: two for one agency, so the draw of one file per agency actually chooses.
  await importFiles(page, ['sizes.pdf', 'habibi-rotated.pdf', 'rotation.pdf', 'issue18956.pdf'].map(corpusPath))
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(4))

  // --- new campaign with the built-in penalty rubric ---
  await page.getByTestId('nav-campaigns').click()
  await expect(page.getByTestId('campaigns-empty')).toBeVisible()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-name').fill('2024 年度全市行政执法案卷评查')
  await page.getByTestId('campaign-year').fill('2024')
  await page.getByTestId('campaign-create').click()
  await expect(page.getByTestId('campaign-form-error')).toHaveText('请填写组织单位')
  await page.getByTestId('campaign-organiser').fill('某市司法局')
  await page.getByTestId('campaign-create').click()
  await expect(page.getByTestId('campaign-form-error')).toHaveText('请至少为一种案件类型选择评查标准')
  await page.getByTestId('campaign-rubric-penalty').selectOption(PENALTY_RUBRIC)
  await shot(page, '01-new')
  await page.getByTestId('campaign-create').click()
  await expect(page.getByTestId('campaign-title')).toHaveText('2024 年度全市行政执法案卷评查')
  const id = (await page.getByTestId('campaign-page').getAttribute('data-campaign-id'))!
  expect((await page.evaluate(() => window.__caseReviewDesk.campaigns.list()))[0]).toMatchObject({ id, mode: 'single', rubrics: [{ caseType: 'penalty', rubricId: PENALTY_RUBRIC.split('@')[0], version: 1 }] })

  // --- three agencies, a reviewer from each, and a lead ---
  for (const name of [MARKET, ECO, CITY]) {
    await page.getByTestId('agency-name').fill(name)
    await page.getByTestId('agency-add').click()
    await expect(page.getByTestId('agency-row').filter({ hasText: name })).toBeVisible()
  }
  await page.getByTestId('agency-name').fill(MARKET)
  await page.getByTestId('agency-add').click()
  await expect(page.getByTestId('agency-error')).toHaveText(`执法单位「${MARKET}」已存在`)
  for (const [name, agency, role] of [
    ['评查员甲', MARKET, 'reviewer'],
    ['评查员乙', ECO, 'reviewer'],
    ['评查员丙', CITY, 'reviewer'],
    ['王组长', CITY, 'lead'],
  ] as const) {
    await page.getByTestId('member-name').fill(name)
    await page.getByTestId('member-agency').selectOption({ label: agency })
    await page.getByTestId('member-role').selectOption(role)
    await page.getByTestId('member-add').click()
    await expect(page.getByTestId('member-row').filter({ hasText: name })).toBeVisible()
  }
  await expect(page.getByTestId('member-row')).toHaveCount(4)
  await chooseIdentity(page, id, '王组长')
  await shot(page, '02-settings')

  // --- registration: one case through the form ---
  await page.getByTestId('campaign-tab-cases').click()
  await page.getByTestId('case-file').selectOption({ label: 'sizes（3 页）' })
  await page.getByTestId('case-agency').selectOption({ label: MARKET })
  await expect(page.getByTestId('case-type')).toHaveValue('penalty')
  await page.getByTestId('case-number').fill('市监罚〔2024〕1号')
  await page.getByTestId('case-party').fill('某某商贸有限公司')
  await page.getByTestId('case-cause').fill('销售不合格产品')
  await page.getByTestId('case-handlers').fill('张三、李四')
  await page.getByTestId('case-filed').fill('2024-03-05')
  await page.getByTestId('case-closed').fill('2024-02-01')
  await page.getByTestId('case-register').click()
  await expect(page.getByTestId('case-form-error')).toHaveText('结案日期早于立案日期')
  await page.getByTestId('case-closed').fill('2024-05-20')
  await page.getByTestId('case-register').click()
  await expect(page.getByTestId('case-form-done')).toContainText('市监罚〔2024〕1号')
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await expect(page.getByTestId('case-row').first()).toContainText('张三、李四')

  // --- a case list with bad rows writes nothing and names row and column ---
  const bad = testInfo.outputPath('bad.csv')
  writeFileSync(bad, `\uFEFF${CSV_HEADER}\r\nhabibi-rotated,${MARKET},市监罚〔2024〕2号,行政处罚,甲公司,无照经营,王五,2024-01-10,2024-02-10\r\n不存在的卷,${ECO},环罚〔2024〕7号,行政处罚,,,,2024-13-01,\r\n`)
  await page.getByTestId('caselist-input').setInputFiles(bad)
  await expect(page.getByTestId('caselist-error')).toHaveText(['第 3 行「案卷文件」：案卷库中没有名为「不存在的卷」的案卷，请先导入扫描件', '第 3 行「立案日期」：「2024-13-01」不是有效日期，请写成 2024-03-05 的形式'])
  await expect(page.getByTestId('caselist-register')).toHaveCount(0)
  await shot(page, '03-caselist-errors')
  expect((await state(page, id)).cases).toHaveLength(1)

  // --- the corrected list: quoted fields, a comma inside quotes, and an agency not yet in the campaign ---
  const good = testInfo.outputPath('good.csv')
  writeFileSync(
    good,
    `\uFEFF${CSV_HEADER}\r\n` +
      `habibi-rotated,${MARKET},市监罚〔2024〕2号,行政处罚,甲公司,无照经营,王五,2024/1/10,2024年2月10日\r\n` +
      `rotation,${ECO},环罚〔2024〕7号,行政处罚,"乙化工有限公司（原""乙化工厂""）","超标排放, 未批先建",赵六，钱七,2024-02-01,2024-04-01\r\n` +
      `issue18956,${TRANSPORT},交罚〔2024〕3号,行政处罚,丙运输公司,超限运输,孙八,,\r\n`,
  )
  await page.getByTestId('caselist-input').setInputFiles(good)
  await expect(page.getByTestId('caselist-preview')).toHaveAttribute('data-count', '3')
  await expect(page.getByTestId('caselist-preview')).toContainText(`将新建执法单位：${TRANSPORT}`)
  await page.getByTestId('caselist-register').click()
  await expect(page.getByTestId('caselist-done')).toContainText('登记 3 件案卷，新建执法单位 1 个')
  await expect(page.getByTestId('case-row')).toHaveCount(4)
  await expect(page.getByTestId('case-row').filter({ hasText: '环罚〔2024〕7号' })).toContainText('乙化工有限公司（原"乙化工厂"）')
  await expect(page.getByTestId('case-row').filter({ hasText: '环罚〔2024〕7号' })).toContainText('赵六、钱七')
  await shot(page, '04-cases')

  // --- sampling: lead only; a fixed seed reproduces the draw ---
  await chooseIdentity(page, id, '评查员甲')
  await page.getByTestId('campaign-tab-sampling').click()
  await expect(page.getByTestId('sampling-draw')).toBeDisabled()
  await chooseIdentity(page, id, '王组长')
  await page.getByTestId('sampling-amount').fill('1')
  await page.getByTestId('sampling-seed').fill('e2e-seed-7')
  await page.getByTestId('sampling-draw').click()
  const record = page.getByTestId('sampling-record')
  await expect(record).toHaveAttribute('data-seed', 'E2E-SEED-7')
  await expect(record).toHaveAttribute('data-selected', '3')
  await expect(page.getByTestId('sampling-drawn-by')).toContainText('王组长')
  await expect(page.getByTestId('sampling-lines')).toContainText('随机种子：E2E-SEED-7')
  await expect(page.getByTestId('sampling-agency-row').filter({ hasText: MARKET })).toHaveAttribute('data-available', '2')
  await expect(page.getByTestId('sampling-agency-row').filter({ hasText: MARKET })).toHaveAttribute('data-drawn', '1')
  await expect(page.getByTestId('sampling-agency-row').filter({ hasText: TRANSPORT })).toHaveAttribute('data-drawn', '1')
  const first = (await state(page, id)).sampling!
  expect(first).toMatchObject({ seed: 'E2E-SEED-7', mode: 'count', amount: 1 })

  // Redraw with another seed (asks first), then with the recorded seed again: the same files.
  await page.getByTestId('sampling-seed').fill('ANOTHER')
  await page.getByTestId('sampling-draw').click()
  await expect(page.getByTestId('sampling-confirm')).toBeVisible()
  await page.getByTestId('sampling-draw').click()
  await expect(record).toHaveAttribute('data-seed', 'AN0THER')
  await page.getByTestId('sampling-seed').fill('E2E-SEED-7')
  await page.getByTestId('sampling-draw').click()
  await page.getByTestId('sampling-draw').click()
  await expect(record).toHaveAttribute('data-seed', 'E2E-SEED-7')
  expect((await state(page, id)).sampling!.selected).toEqual(first.selected)
  await shot(page, '05-sampling')

  // --- auto-assignment: nobody gets a file of their own agency ---
  await page.getByTestId('campaign-tab-assignment').click()
  await page.getByTestId('assign-auto').click()
  await expect(page.getByTestId('assign-summary')).toContainText('已自动分配 3 人次')
  let s = await state(page, id)
  expect(s.assignments).toHaveLength(3)
  for (const a of s.assignments) {
    const member = s.members.find((m) => m.id === a.reviewerId)!
    const c = s.cases.find((x) => x.id === a.caseId)!
    expect(member.agencyId).not.toBe(c.agencyId)
    expect(member.role).toBe('reviewer')
  }
  expect(s.reviews.map((r) => r.state)).toEqual(['not-started', 'not-started', 'not-started'])
  const pages = await Promise.all(s.members.map(async (m) => Number(await page.getByTestId('workload-row').filter({ hasText: m.name }).getAttribute('data-pages'))))
  expect(pages.reduce((x, y) => x + y, 0)).toBe(s.cases.filter((c) => c.sampled).reduce((x, c) => x + c.pageCount, 0))

  // --- a manual own-agency assignment is refused; the lead overrides it with a reason ---
  const marketCase = s.cases.find((c) => c.sampled && c.agencyName === MARKET)!
  const row = page.locator(`[data-testid=assign-row][data-case-id="${marketCase.id}"]`)
  await row.getByTestId('unassign').click()
  await expect(row.getByTestId('assignee')).toHaveCount(0)
  await row.getByTestId('assign-member').selectOption({ label: `评查员甲（${MARKET}） · 本单位` })
  await row.getByTestId('assign-manual').click()
  await expect(row.getByTestId('assign-error')).toContainText('评查员甲来自被评查单位，按交叉评查规则不得评查本单位案卷；如确需指派，须由评查组长填写理由。')
  await shot(page, '06-refused')
  await row.getByTestId('override-open').click()
  await page.getByTestId('override-confirm').click()
  await expect(page.getByTestId('override-error')).toContainText('请填写例外指派的理由')
  await page.getByTestId('override-reason').fill('该领域仅评查员甲具备资格')
  await page.getByTestId('override-confirm').click()
  await expect(page.getByTestId('override-dialog')).toHaveCount(0)
  await expect(row.getByTestId('override-tag')).toHaveText('例外指派：该领域仅评查员甲具备资格')
  s = await state(page, id)
  expect(s.assignments.find((a) => a.caseId === marketCase.id)).toMatchObject({ reviewerId: s.members.find((m) => m.name === '评查员甲')!.id, overrideReason: '该领域仅评查员甲具备资格' })
  await shot(page, '07-assignment')

  // A reviewer sees the controls but cannot use them, and is never offered the override.
  await chooseIdentity(page, id, '评查员乙')
  await expect(page.getByTestId('assign-auto')).toBeDisabled()
  await expect(row.getByTestId('unassign')).toBeDisabled()

  // --- progress ---
  await page.getByTestId('campaign-tab-progress').click()
  await expect(page.getByTestId('progress-summary')).toContainText('共 3 份评查记录，初评完成 0 份')
  const byReviewer = page.getByTestId('progress-by-reviewer').getByTestId('progress-row')
  const jia = s.members.find((m) => m.name === '评查员甲')!
  const jiasReviews = s.reviews.filter((r) => r.reviewerId === jia.id)
  expect(jiasReviews.length).toBeGreaterThanOrEqual(1)
  await expect(byReviewer.filter({ hasText: '评查员甲' })).toHaveAttribute('data-not-started', String(jiasReviews.length))
  await expect(byReviewer.filter({ hasText: '王组长' })).toHaveAttribute('data-total', '0')
  await expect(page.getByTestId('progress-by-agency').getByTestId('progress-row').filter({ hasText: MARKET })).toHaveAttribute('data-total', '1')
  await expect(page.getByTestId('review-row')).toHaveCount(3)
  await shot(page, '08-progress')
  await chooseIdentity(page, id, '评查员甲')
  await expect(page.getByTestId('next-review')).toBeEnabled()
  await page.getByTestId('next-review').click()
  await expect(page).toHaveURL(new RegExp(`#/campaigns/${id}/reviews/[0-9a-f-]{36}$`))
  const openedId = /reviews\/([0-9a-f-]{36})$/.exec(page.url())![1]
  expect(jiasReviews.map((r) => r.id)).toContain(openedId)
  await page.evaluate((cid) => window.__caseReviewDesk.campaigns.open(cid), id)
  await expect(page.getByTestId('campaign-panel-progress')).toBeVisible()

  // --- audit: verifies; export; a tampered row is found ---
  await page.getByTestId('campaign-tab-audit').click()
  await expect(page.getByTestId('audit-row').first()).toBeVisible()
  await expect(page.getByTestId('audit-row').filter({ hasText: '例外指派（本单位案卷）' })).toContainText('该领域仅评查员甲具备资格')
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('audit-result')).toContainText('审计日志完整')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()])
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { audit: Record<string, unknown>[] }
  const count = await page.getByTestId('audit-table').getAttribute('data-count')
  expect(exported.audit).toHaveLength(Number(count))
  expect(exported.audit.every((e) => !('campaignId' in e) && typeof e.hash === 'string')).toBe(true)
  await shot(page, '09-audit-ok')

  // Change one stored field behind the app's back, with raw IndexedDB.
  await page.evaluate(
    (cid) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('case-review-desk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('auditLog', 'readwrite')
          const store = tx.objectStore('auditLog')
          const all = store.getAll()
          all.onsuccess = () => {
            const row = (all.result as { campaignId: string; seq: number; actor: string }[]).find((r) => r.campaignId === cid && r.seq === 3)!
            store.put({ ...row, actor: '篡改者' })
          }
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    id,
  )
  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-ok', 'false')
  await expect(page.getByTestId('audit-problem')).toHaveCount(1)
  await expect(page.getByTestId('audit-problem')).toContainText('第 3 条记录的内容被修改')
  await expect(page.locator('[data-testid=audit-row][data-problem=true]')).toHaveAttribute('data-seq', '3')
  await expect(page.locator('[data-testid=audit-row][data-problem=true]')).toContainText('篡改者')
  expect(await api(page, (cid) => window.__caseReviewDesk.campaigns.verifyAudit(cid), id)).toMatchObject({ ok: false, problems: [expect.stringContaining('第 3 条记录的内容被修改')] })
  await shot(page, '10-audit-tampered')

  expect(foreignRequests).toEqual([])
})

/** Rewrites stored reviews with raw IndexedDB, standing in for two reviewers who scored and submitted on the scoring screen. */
async function submitReviews(page: Page, changes: { id: string; decisions: unknown[] }[]) {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('case-review-desk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('reviews', 'readwrite')
          const store = tx.objectStore('reviews')
          for (const c of list) {
            const get = store.get(c.id)
            get.onsuccess = () => store.put({ ...get.result, decisions: c.decisions, state: 'submitted', submittedAt: new Date().toISOString() })
          }
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    changes,
  )
}

test('double review: totals further apart than the tolerance go to the lead, who adopts one; leniency per reviewer', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('sizes.pdf')])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-name').fill('双人评查试点')
  await page.getByTestId('campaign-organiser').fill('某市司法局')
  await page.getByTestId('campaign-rubric-penalty').selectOption(PENALTY_RUBRIC)
  await page.getByTestId('campaign-mode-double').check()
  await page.getByTestId('campaign-tolerance').fill('5')
  await page.getByTestId('campaign-create').click()
  const id = (await page.getByTestId('campaign-page').getAttribute('data-campaign-id'))!
  expect((await page.evaluate(() => window.__caseReviewDesk.campaigns.list()))[0]).toMatchObject({ mode: 'double', toleranceCents: 500 })
  await addAgencies(page, [MARKET, ECO])
  await addMembers(page, [
    ['评查员乙', ECO, 'reviewer'],
    ['评查员丁', ECO, 'reviewer'],
    ['王组长', ECO, 'lead'],
  ])
  await chooseIdentity(page, id, '王组长')
  await page.getByTestId('campaign-tab-cases').click()
  await page.getByTestId('case-file').selectOption({ label: 'sizes（3 页）' })
  await page.getByTestId('case-agency').selectOption({ label: MARKET })
  await page.getByTestId('case-number').fill('市监罚〔2024〕1号')
  await page.getByTestId('case-register').click()
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await page.getByTestId('campaign-tab-sampling').click()
  await page.getByTestId('sampling-amount').fill('1')
  await page.getByTestId('sampling-draw').click()
  await expect(page.getByTestId('sampling-record')).toHaveAttribute('data-selected', '1')
  await page.getByTestId('campaign-tab-assignment').click()
  await page.getByTestId('assign-auto').click()
  await expect(page.getByTestId('assignee')).toHaveCount(2)

  const s = await state(page, id)
  const byName = (n: string) => s.reviews.find((r) => r.reviewerId === s.members.find((m) => m.name === n)!.id)!
  // 乙 finds 6 points of problems in the filing stage, 丁 none: 94 against 100, more than 5 apart.
  const strict = [
    { itemId: 'B-1-1', kind: 'deducted', deductions: [{ ruleId: 'B-1-1-a', reason: '无案件来源记录', evidence: [{ page: 1 }] }] },
    { itemId: 'B-1-2', kind: 'deducted', deductions: [{ ruleId: 'B-1-2-b', reason: '案由表述不规范' }, { ruleId: 'B-1-2-c', reason: '未载明涉嫌违反的法律条款' }] },
    { itemId: 'B-1-3', kind: 'deducted', deductions: [{ ruleId: 'B-1-3-a', reason: '先调查后立案' }] },
  ]
  await submitReviews(page, [
    { id: byName('评查员乙').id, decisions: strict },
    { id: byName('评查员丁').id, decisions: [] },
  ])
  // The live queries did not see the raw write; a reload reads the store afresh.
  await page.reload()
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await page.getByTestId('campaign-tab-double').click()
  const row = page.getByTestId('double-row')
  await expect(row).toHaveAttribute('data-needs-arbitration', 'true')
  await expect(page.getByTestId('arbitration-count')).toHaveText('1')
  await expect(row).toContainText('94')
  await expect(row).toContainText('100')
  await expect(row).toContainText('两名评查人员评分相差 6 分（允许差 5 分）')
  await expect(page.getByTestId('leniency-row').filter({ hasText: '评查员乙' })).toContainText('+3')
  await expect(page.getByTestId('leniency-row').filter({ hasText: '评查员丁' })).toContainText('-3')
  await shot(page, '11-double-review')

  await row.getByTestId('choose-final').filter({ hasText: '评查员乙' }).click()
  await page.getByTestId('arbitrate-confirm').click()
  await expect(page.getByTestId('arbitrate-dialog')).toContainText('请填写裁定意见')
  await page.getByTestId('arbitrate-note').fill('经合议，采纳评查员乙的意见')
  await page.getByTestId('arbitrate-confirm').click()
  await expect(page.getByTestId('arbitrate-dialog')).toHaveCount(0)
  await expect.poll(async () => (await state(page, id)).reviews.filter((r) => r.final).map((r) => r.id)).toEqual([byName('评查员乙').id])

  // A reviewer cannot arbitrate.
  await chooseIdentity(page, id, '评查员丁')
  await expect(row.getByTestId('choose-final').first()).toBeDisabled()
})
