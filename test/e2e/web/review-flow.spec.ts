import { test } from '@playwright/test'
import { expect, importFiles, openApp, finishSheetByKeyboard, reloadApp } from '../support/app'
import { addAgencies, addMembers, asMember, createCampaign, registerCase, sampleAndAssign } from '../support/campaign'
import { corpusPath } from '../support/corpus'

// The whole review workflow through the screens: campaign → registration → sampling → assignment →
// scoring with evidence (and a reload mid-way) → submit → return → resubmit → finalise → locked.

const PENALTY_RUBRIC = '332a4038-d24d-4f5b-831d-f56d835e374b@1'

test('campaign to finalised review through the screens, with evidence, reload, return and resubmit', async ({ page }) => {
  test.setTimeout(180_000)
  const { foreignRequests } = await openApp(page)
  await importFiles(page, [corpusPath('issue12963.pdf')])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))

  const id = await createCampaign(page, { name: '2026 年度行政处罚案卷评查', year: '2026', organiser: '某市司法局', penaltyRubric: PENALTY_RUBRIC })
  await addAgencies(page, ['市城市管理局', '市司法局'])
  await addMembers(page, [
    ['评查员甲', '市司法局', 'reviewer'],
    ['刘组长', '市司法局', 'lead'],
  ])
  await asMember(page, id, '刘组长')
  await registerCase(page, { file: 'issue12963（8 页）', agency: '市城市管理局', number: '城管罚〔2026〕15号', party: '某某建筑工程有限公司', cause: '未按规定处置建筑垃圾', handlers: '周一、吴二', filedOn: '2026-02-03', closedOn: '2026-04-28' })
  await sampleAndAssign(page, 'SEED-2026', 1)

  // --- the reviewer scores ---
  await asMember(page, id, '评查员甲')
  await page.getByTestId('campaign-tab-progress').click()
  await page.getByTestId('next-review').click()
  await expect(page.getByTestId('score-sheet')).toBeVisible()
  const reviewId = /reviews\/([0-9a-f-]{36})$/.exec(page.url())![1]!
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))

  // Draw a region mark on page 2 to cite as evidence.
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(2))
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())).toBe(2)
  await page.getByTestId('mark-mode').click()
  const slot = (await page.locator('[data-testid=page-slot][data-page="2"]').boundingBox())!
  await page.mouse.move(slot.x + slot.width * 0.2, slot.y + 40)
  await page.mouse.down()
  await page.mouse.move(slot.x + slot.width * 0.6, slot.y + 120, { steps: 4 })
  await page.mouse.up()
  await page.keyboard.press('Escape')
  const [mark] = await page.evaluate(() => window.__caseReviewDesk.viewer.marks())

  const deductRow = page.locator('[data-testid=sheet-row]').filter({ has: page.getByTestId('act-deduct') }).first()
  const itemId = (await deductRow.getAttribute('data-item-id'))!
  await deductRow.getByTestId('act-deduct').click()
  await page.getByTestId('reason-input').fill('现场检查笔录未载明检查时间')
  await page.getByTestId('cite-page').click()
  await page.locator(`[data-testid=mark][data-mark-id="${mark!.id}"]`).click()
  await expect(page.getByTestId('decision-editor').getByTestId('evidence-chip')).toHaveCount(2)
  await page.getByTestId('decision-save').click()
  await expect(deductRow).toHaveAttribute('data-status', 'deducted')
  const stored = (await page.evaluate((rid) => window.__caseReviewDesk.review.decisions(rid), reviewId)) as { itemId: string; deductions?: { evidence?: { page: number; mark?: string }[] }[] }[]
  expect(stored.find((d) => d.itemId === itemId)!.deductions![0]!.evidence).toEqual([{ page: 2 }, { page: 2, mark: mark!.id }])

  // Reload in the middle: nothing lost.
  await reloadApp(page)
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await expect(page.locator(`[data-testid=sheet-row][data-item-id="${itemId}"]`)).toHaveAttribute('data-status', 'deducted')

  // Finish by keyboard.
  await finishSheetByKeyboard(page)
  const engine = (await page.evaluate((rid) => window.__caseReviewDesk.review.engineTotal(rid), reviewId)) as { total: string; grade: string }
  await expect(page.getByTestId('sheet-total')).toHaveAttribute('data-total', engine.total)
  await expect(page.getByTestId('sheet-total')).toHaveAttribute('data-grade', engine.grade)
  await page.getByTestId('action-submit').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'submitted')

  // --- the lead returns it ---
  await page.getByTestId('identity-select').selectOption({ label: '刘组长（组长）' })
  await page.getByTestId('action-begin-second-review').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'in-second-review')
  await page.getByTestId('action-return').click()
  await page.getByTestId('action-confirm').click()
  await expect(page.getByTestId('action-error')).toContainText('退回')
  await page.getByTestId('action-text').fill('请补充扣分依据的页码')
  await page.getByTestId('action-confirm').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'returned')
  await expect(page.getByTestId('review-comments')).toContainText('请补充扣分依据的页码')

  // --- the reviewer adjusts and resubmits ---
  await page.getByTestId('identity-select').selectOption({ label: '评查员甲（评查员）' })
  await page.locator(`[data-testid=sheet-row][data-item-id="${itemId}"]`).getByTestId('act-deduct').click()
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(4))
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())).toBe(4)
  await page.getByTestId('cite-page').click()
  await page.getByTestId('decision-save').click()
  await page.getByTestId('action-submit').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'submitted')

  // --- the lead finalises; the sheet is locked; reopening needs a reason ---
  await page.getByTestId('identity-select').selectOption({ label: '刘组长（组长）' })
  await page.getByTestId('action-begin-second-review').click()
  await page.getByTestId('action-finalise').click()
  await page.getByTestId('action-text').fill('同意评查结论')
  await page.getByTestId('action-confirm').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'finalised')
  await expect(page.getByTestId('act-conforming')).toHaveCount(0)
  await page.getByTestId('action-reopen').click()
  await page.getByTestId('action-confirm').click()
  await expect(page.getByTestId('action-error')).toBeVisible()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'finalised')
  await page.screenshot({ path: 'test-results/shots/review-flow-finalised.png' })

  expect(await page.evaluate((cid) => window.__caseReviewDesk.campaigns.verifyAudit(cid), id)).toMatchObject({ ok: true })
  expect(foreignRequests).toEqual([])
})
