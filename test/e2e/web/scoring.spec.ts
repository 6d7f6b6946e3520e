import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp, finishSheetByKeyboard, reloadApp } from '../support/app'
import { corpusPath } from '../support/corpus'

async function seed(page: Page) {
  await openApp(page)
  await importFiles(page, [corpusPath('issue12963.pdf')])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))
  const ids = await page.evaluate(() => window.__caseReviewDesk.review.seedSingleReview('issue12963'))
  await page.goto(`/?e2e=1#/campaigns/${ids.campaignId}/reviews/${ids.reviewId}`)
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await expect(page.getByTestId('score-sheet')).toBeVisible()
  return ids
}

const shownTotal = (page: Page) => page.getByTestId('sheet-total').getAttribute('data-total')

test('scoring screen: deduction with reason and evidence, totals from the engine, reload loses nothing', async ({ page }) => {
  const { reviewId } = await seed(page)
  const engine = () => page.evaluate((id) => window.__caseReviewDesk.review.engineTotal(id), reviewId)
  expect(await shownTotal(page)).toBe('100')

  // A deduction needs a reason.
  const row = page.locator('[data-testid=sheet-row]').filter({ has: page.getByTestId('act-deduct') }).first()
  const itemId = await row.getAttribute('data-item-id')
  await row.getByTestId('act-deduct').click()
  await page.getByTestId('decision-save').click()
  await expect(page.getByTestId('editor-errors')).toContainText('理由')

  // Evidence: the current page, and a region mark clicked on the page.
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(3))
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())).toBe(3)
  await page.getByTestId('reason-input').fill('询问笔录未载明执法人员出示证件情况')
  await page.getByTestId('cite-page').click()
  await expect(page.getByTestId('decision-editor').getByTestId('evidence-chip')).toHaveText(/第 3 页/)
  await page.getByTestId('decision-save').click()
  await expect(row).toHaveAttribute('data-status', 'deducted')
  const afterOne = await engine()
  expect('total' in afterOne && afterOne.total).not.toBe('100')
  expect(await shownTotal(page)).toBe((afterOne as { total: string }).total)

  // Clicking the cited evidence jumps the viewer there.
  await page.keyboard.press('Home')
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())).toBe(1)
  await row.getByTestId('evidence-open').first().click()
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())).toBe(3)

  // Reload in the middle of scoring: the decision is still there, the total unchanged.
  await reloadApp(page)
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await expect(page.locator(`[data-testid=sheet-row][data-item-id="${itemId}"]`)).toHaveAttribute('data-status', 'deducted')
  expect(await shownTotal(page)).toBe((afterOne as { total: string }).total)
  await page.screenshot({ path: 'test-results/shots/scoring-screen.png' })
})

test('keyboard-only path through a whole file, then submit', async ({ page }) => {
  const { reviewId } = await seed(page)
  await finishSheetByKeyboard(page)
  await expect(page.getByTestId('sheet-total')).toHaveAttribute('data-complete', 'true')
  const engine = await page.evaluate((id) => window.__caseReviewDesk.review.engineTotal(id), reviewId)
  expect(engine).toMatchObject({ complete: true })
  expect(await shownTotal(page)).toBe((engine as { total: string }).total)
  await page.getByTestId('action-submit').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'submitted')
  // Submitted: the reviewer can no longer change decisions.
  await expect(page.getByTestId('act-conforming')).toHaveCount(0)
})
