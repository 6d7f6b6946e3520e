import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp } from '../support/app'
import { corpusPath } from '../support/corpus'

// Issue 7's end-to-end path: duplicate a built-in → edit → publish → use in a campaign → publish a
// new version → migrate the campaign's reviews, with a report before anything changes.

const setField = (page: Page, path: string, value: string) => page.locator(`:is(input, select, textarea)[data-path="${path}"]`).fill(value)

async function asMember(page: Page, campaignId: string, name: string) {
  const c = await page.evaluate((id) => window.__caseReviewDesk.campaigns.get(id), campaignId)
  await page.getByTestId('identity-select').selectOption(c.members.find((m) => m.name === name)!.id)
  await expect.poll(() => page.evaluate((id) => window.__caseReviewDesk.campaigns.currentMember(id), campaignId)).toMatchObject({ name })
}

test('a campaign moves to a new rubric version: carried decisions stay, changed ones go back for re-review', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page)
  await importFiles(page, [corpusPath('issue7229.pdf')])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))

  // --- the author makes and publishes their own version 1 ---
  await page.getByTestId('nav-rubrics').click()
  await page.getByTestId('rubric-search').fill('4181 处罚')
  await page.getByTestId('rubric-row').first().getByTestId('rubric-open').click()
  await page.getByTestId('rubric-copy-builtin').click()
  const editor = page.getByTestId('rubric-editor')
  await expect(editor).toHaveAttribute('data-status', 'draft')
  const rubricId = (await editor.getAttribute('data-template-id'))!
  await page.getByTestId('rubric-publish').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第1版 · 已发布')

  // --- a campaign pins it; a reviewer scores two items ---
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-name').fill('标准改版迁移演练')
  await page.getByTestId('campaign-year').fill('2026')
  await page.getByTestId('campaign-organiser').fill('某市司法局')
  await page.getByTestId('campaign-rubric-penalty').selectOption(`${rubricId}@1`)
  await page.getByTestId('campaign-create').click()
  const id = (await page.getByTestId('campaign-page').getAttribute('data-campaign-id'))!
  for (const name of ['市交通运输局', '市司法局']) {
    await page.getByTestId('agency-name').fill(name)
    await page.getByTestId('agency-add').click()
    await expect(page.getByTestId('agency-row').filter({ hasText: name })).toBeVisible()
  }
  for (const [name, role] of [
    ['评查员甲', 'reviewer'],
    ['刘组长', 'lead'],
  ] as const) {
    await page.getByTestId('member-name').fill(name)
    await page.getByTestId('member-agency').selectOption({ label: '市司法局' })
    await page.getByTestId('member-role').selectOption(role)
    await page.getByTestId('member-add').click()
    await expect(page.getByTestId('member-row').filter({ hasText: name })).toBeVisible()
  }
  await asMember(page, id, '刘组长')
  await page.getByTestId('campaign-tab-cases').click()
  await page.getByTestId('case-file').selectOption({ label: 'issue7229（2 页）' })
  await page.getByTestId('case-agency').selectOption({ label: '市交通运输局' })
  await page.getByTestId('case-number').fill('交罚〔2026〕8号')
  await page.getByTestId('case-party').fill('某物流有限公司')
  await page.getByTestId('case-cause').fill('超限运输')
  await page.getByTestId('case-handlers').fill('郑九')
  await page.getByTestId('case-register').click()
  await expect(page.getByTestId('case-row')).toHaveCount(1)
  await page.getByTestId('campaign-tab-sampling').click()
  await page.getByTestId('sampling-amount').fill('1')
  await page.getByTestId('sampling-draw').click()
  await expect(page.getByTestId('sampling-record')).toHaveAttribute('data-selected', '1')
  await page.getByTestId('campaign-tab-assignment').click()
  await page.getByTestId('assign-auto').click()
  await expect(page.getByTestId('assign-summary')).toContainText('已自动分配 1 人次')

  await asMember(page, id, '评查员甲')
  await page.getByTestId('campaign-tab-progress').click()
  await page.getByTestId('next-review').click()
  await expect(page.getByTestId('score-sheet')).toBeVisible()
  const reviewId = /reviews\/([0-9a-f-]{36})$/.exec(page.url())![1]!
  const b12 = page.locator('[data-testid=sheet-row][data-item-id="B-1-2"]')
  await b12.getByTestId('act-deduct').click()
  await page.getByTestId('rule-select').selectOption('B-1-2-b')
  await page.getByTestId('reason-input').fill('立案审批表缺少负责人审批意见')
  await page.getByTestId('decision-save').click()
  await expect(b12).toHaveAttribute('data-status', 'deducted')
  await page.locator('[data-testid=sheet-row][data-item-id="B-1-1"]').getByTestId('act-conforming').click()
  await expect(page.locator('[data-testid=sheet-row][data-item-id="B-1-1"]')).toHaveAttribute('data-status', 'conforming')

  // --- the author publishes version 2, changing that rule's amount ---
  await page.getByTestId('nav-rubrics').click()
  await page.getByTestId('rubric-search').fill('我的模板')
  await page.locator(`[data-testid=rubric-row][data-rubric-id="${rubricId}"]`).getByTestId('rubric-open').click()
  await page.locator('[data-node="item-0-1"]').click()
  await setField(page, '$.sections[0].items[1].rules[1].amount', '1.5')
  await page.getByTestId('rubric-save').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第2版 · 草稿')
  await page.getByTestId('rubric-publish').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第2版 · 已发布')

  // --- the lead previews the migration, then applies it ---
  await page.evaluate((cid) => window.__caseReviewDesk.campaigns.open(cid), id)
  await asMember(page, id, '刘组长')
  await page.getByTestId('campaign-tab-settings').click()
  await page.getByTestId('rubric-change-preview').click()
  const totals = page.getByTestId('migration-totals')
  await expect(totals).toHaveAttribute('data-re-review', '1')
  await expect(totals).toHaveAttribute('data-carried', '1')
  // Nothing changed yet.
  const pinned = async () => (await page.evaluate(() => window.__caseReviewDesk.campaigns.list())).find((c) => c.id === id)!.rubrics
  expect(await pinned()).toMatchObject([{ version: 1 }])
  await page.screenshot({ path: 'test-results/shots/rubric-migration-preview.png', fullPage: true })
  await page.getByTestId('rubric-change-apply').click()
  await expect(page.getByTestId('rubric-change-message')).toContainText('1 份退回评查中')

  expect(await pinned()).toMatchObject([{ rubricId, version: 2 }])
  const decisions = (await page.evaluate((rid) => window.__caseReviewDesk.review.decisions(rid), reviewId)) as { itemId: string }[]
  expect(decisions.map((d) => d.itemId)).toEqual(['B-1-1'])
  expect(await page.evaluate((rid) => window.__caseReviewDesk.review.state(rid), reviewId)).toBe('in-progress')
  expect(await page.evaluate((cid) => window.__caseReviewDesk.campaigns.verifyAudit(cid), id)).toMatchObject({ ok: true })
})
