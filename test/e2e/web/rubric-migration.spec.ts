import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp } from '../support/app'
import { addAgencies, addMembers, asMember, createCampaign, registerCase, sampleAndAssign } from '../support/campaign'
import { corpusPath } from '../support/corpus'

// Issue 7's end-to-end path: duplicate a built-in → edit → publish → use in a campaign → publish a
// new version → migrate the campaign's reviews, with a report before anything changes.

const setField = (page: Page, path: string, value: string) => page.locator(`:is(input, select, textarea)[data-path="${path}"]`).fill(value)

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
  const id = await createCampaign(page, { name: '标准改版迁移演练', year: '2026', organiser: '某市司法局', penaltyRubric: `${rubricId}@1` })
  await addAgencies(page, ['市交通运输局', '市司法局'])
  await addMembers(page, [
    ['评查员甲', '市司法局', 'reviewer'],
    ['刘组长', '市司法局', 'lead'],
  ])
  await asMember(page, id, '刘组长')
  await registerCase(page, { file: 'issue7229（2 页）', agency: '市交通运输局', number: '交罚〔2026〕8号', party: '某物流有限公司', cause: '超限运输', handlers: '郑九' })
  await sampleAndAssign(page, 'SEED-2027', 1)

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
