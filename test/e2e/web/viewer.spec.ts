import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp, reloadApp } from '../support/app'
import { corpusPath } from '../support/corpus'

async function openCase(page: Page, file: string, name: string) {
  await openApp(page)
  await importFiles(page, [corpusPath(file)])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))
  await page.evaluate((n) => window.__caseReviewDesk.openCaseFile(n), name)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
}

const current = (page: Page) => page.evaluate(() => window.__caseReviewDesk.viewer.currentPage())
const slotBox = (page: Page, n: number) => page.locator(`[data-testid=page-slot][data-page="${n}"]`).boundingBox()

test('keyboard paging, Ctrl+G, and page numbers under every thumbnail', async ({ page }) => {
  await openCase(page, 'freeculture.pdf', 'freeculture')
  await expect(page.getByTestId('page-indicator')).toHaveAttribute('data-count', '352')
  await page.keyboard.press('j')
  await expect.poll(() => current(page)).toBe(2)
  await page.keyboard.press('PageDown')
  await expect.poll(() => current(page)).toBe(3)
  await page.keyboard.press('k')
  await expect.poll(() => current(page)).toBe(2)
  await page.keyboard.press('End')
  await expect.poll(() => current(page)).toBe(352)
  await page.keyboard.press('Home')
  await expect.poll(() => current(page)).toBe(1)
  await page.keyboard.press('Control+g')
  await page.getByTestId('goto-input').fill('120')
  await page.keyboard.press('Enter')
  await expect.poll(() => current(page)).toBe(120)
  await expect(page.getByTestId('page-number-input')).toHaveValue('120')
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(120))
  // The strip follows the main view and labels each thumbnail with its number.
  await expect(page.locator('[data-testid=thumb][data-page="120"]')).toBeVisible()
  await expect(page.locator('[data-testid=thumb][data-page="120"] .thumb-label')).toHaveText('120')
  await page.screenshot({ path: 'test-results/shots/viewer-page120.png' })
})

test('only pages near the viewport keep a canvas, however far one scrolls', async ({ page }) => {
  await openCase(page, 'freeculture.pdf', 'freeculture')
  let most = 0
  for (let n = 1; n <= 352; n += 7) {
    await page.evaluate((k) => window.__caseReviewDesk.viewer.goToPage(k), n)
    await page.evaluate((k) => window.__caseReviewDesk.waitForPageRendered(k), n)
    most = Math.max(most, await page.evaluate(() => window.__caseReviewDesk.viewer.liveCanvasCount()))
  }
  expect(most).toBeGreaterThan(1)
  expect(most).toBeLessThanOrEqual(24)
})

test('zoom steps, fit width and fit page', async ({ page }) => {
  await openCase(page, 'issue12963.pdf', 'issue12963')
  const scale = () => page.evaluate(() => window.__caseReviewDesk.viewer.scale())
  const fitWidth = await scale()
  await page.keyboard.press('+')
  await expect.poll(scale).toBeGreaterThan(fitWidth)
  await page.keyboard.press('-')
  await page.keyboard.press('-')
  await expect.poll(scale).toBeLessThan(fitWidth)
  await page.getByTestId('fit-page').click()
  const box = (await slotBox(page, 1))!
  const viewport = (await page.getByTestId('page-scroller').boundingBox())!
  expect(box.height).toBeLessThanOrEqual(viewport.height)
  await page.getByTestId('fit-width').click()
  await expect.poll(scale).toBeCloseTo(fitWidth, 5)
})

test('per-page rotation: R, Shift+R and selected thumbnails; stored, not reloaded, survives a reload', async ({ page }) => {
  await openCase(page, 'issue12963.pdf', 'issue12963')
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(3))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(3))
  const before = (await slotBox(page, 3))!
  expect(before.height).toBeGreaterThan(before.width)
  const docsBefore = await page.evaluate(() => performance.getEntriesByType('resource').length)

  await page.keyboard.press('r')
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.rotation(3))).toBe(90)
  await expect.poll(async () => ((await slotBox(page, 3))!.width > (await slotBox(page, 3))!.height)).toBe(true)
  expect(await current(page)).toBe(3)
  expect(await page.evaluate(() => window.__caseReviewDesk.viewer.rotation(2))).toBe(0)
  // The thumbnail follows.
  const thumb = page.locator('[data-testid=thumb][data-page="3"] canvas')
  await expect.poll(async () => { const b = (await thumb.boundingBox())!; return b.width > b.height }).toBe(true)
  // No document reload: no new network fetches were needed to rotate.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(docsBefore)

  await page.keyboard.press('Shift+R')
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.rotation(3))).toBe(0)

  // Ctrl-click two thumbnails, then rotate both.
  await page.locator('[data-testid=thumb][data-page="1"]').click()
  await page.locator('[data-testid=thumb][data-page="2"]').click({ modifiers: ['Control'] })
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.selectedPages())).toEqual([1, 2])
  await page.keyboard.press('r')
  await page.keyboard.press('r')
  await expect.poll(() => page.evaluate(() => [1, 2, 3].map((n) => window.__caseReviewDesk.viewer.rotation(n)))).toEqual([180, 180, 0])

  // Shift-click selects a range.
  await page.locator('[data-testid=thumb][data-page="4"]').click()
  await page.locator('[data-testid=thumb][data-page="6"]').click({ modifiers: ['Shift'] })
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.selectedPages())).toEqual([4, 5, 6])

  await reloadApp(page)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await expect.poll(() => page.evaluate(() => [1, 2, 3].map((n) => window.__caseReviewDesk.viewer.rotation(n)))).toEqual([180, 180, 0])
  await page.screenshot({ path: 'test-results/shots/viewer-rotated.png' })
})

test('document index: mark page ranges as typed documents, shown as a tree, jump, survive reload', async ({ page }) => {
  await openCase(page, 'issue12963.pdf', 'issue12963')
  await page.locator('[data-testid=thumb][data-page="2"]').click()
  await page.locator('[data-testid=thumb][data-page="4"]').click({ modifiers: ['Shift'] })
  await page.getByTestId('tab-index').click()
  await expect(page.getByTestId('doc-from')).toHaveValue('2')
  await expect(page.getByTestId('doc-to')).toHaveValue('4')
  await page.getByTestId('doc-type-select').selectOption({ label: '询问笔录' })
  await page.getByTestId('doc-add').click()
  await expect(page.getByTestId('doc-node')).toHaveCount(1)
  await expect(page.getByTestId('doc-node')).toContainText('询问笔录')
  await expect(page.getByTestId('doc-node')).toContainText('第 2–4 页')
  await page.getByTestId('doc-from').fill('9')
  await page.getByTestId('doc-add').click()
  await expect(page.getByRole('alert')).toContainText('页码范围')

  await reloadApp(page)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await page.getByTestId('tab-index').click()
  await expect(page.getByTestId('doc-node')).toHaveCount(1)
  await page.getByTestId('doc-jump').click()
  await expect.poll(() => current(page)).toBe(2)
  expect(await page.evaluate(() => window.__caseReviewDesk.viewer.documents())).toMatchObject([{ typeName: '询问笔录', firstPage: 2, lastPage: 4 }])
  await page.screenshot({ path: 'test-results/shots/viewer-doc-index.png' })
})

test('page flags: blank, duplicate, unreadable, missing after; shown on thumbnails; survive reload', async ({ page }) => {
  await openCase(page, 'issue12963.pdf', 'issue12963')
  await page.getByTestId('flag-blank').click()
  await expect(page.locator('[data-testid=thumb][data-page="1"] [data-testid=thumb-flags]')).toHaveText('空白页')
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(5))
  await expect.poll(() => current(page)).toBe(5)
  await page.getByTestId('flag-missingAfter').click()
  await page.getByTestId('flag-unreadable').click()
  await expect(page.getByTestId('flag-unreadable')).toHaveAttribute('aria-pressed', 'true')
  await reloadApp(page)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  expect(await page.evaluate(() => [window.__caseReviewDesk.viewer.flags(1), window.__caseReviewDesk.viewer.flags(5)])).toEqual([{ blank: true }, { missingAfter: true, unreadable: true }])
})

test('region marks: drawn on the page, stored in page space, right after zoom and rotation, listed and jumpable', async ({ page }) => {
  await openCase(page, 'issue12963.pdf', 'issue12963')
  await page.getByTestId('mark-mode').click()
  const slot = (await slotBox(page, 1))!
  await page.mouse.move(slot.x + slot.width * 0.1, slot.y + slot.height * 0.1)
  await page.mouse.down()
  await page.mouse.move(slot.x + slot.width * 0.4, slot.y + slot.height * 0.2, { steps: 5 })
  await page.mouse.up()
  await expect(page.getByTestId('mark-item')).toHaveCount(1)
  const [mark] = await page.evaluate(() => window.__caseReviewDesk.viewer.marks())
  // A4-ish page in points: the box sits in the upper-left area (PDF y axis points up).
  expect(mark!.page).toBe(1)
  expect(mark!.rect.width / mark!.rect.height).toBeGreaterThan(1.5)

  const markBox = async () => (await page.locator('[data-testid=mark]').first().boundingBox())!
  const rel = async () => {
    const s = (await slotBox(page, 1))!
    const m = await markBox()
    return { x: (m.x - s.x) / s.width, y: (m.y - s.y) / s.height, w: m.width / s.width, h: m.height / s.height }
  }
  const upright = await rel()
  expect(upright.x).toBeCloseTo(0.1, 1)
  expect(upright.y).toBeCloseTo(0.1, 1)
  await page.keyboard.press('Escape')

  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await expect.poll(async () => (await rel()).w).toBeCloseTo(upright.w, 2)

  await page.keyboard.press('r')
  // After a clockwise quarter turn the upper-left corner of the content is at the upper right.
  await expect.poll(async () => (await rel()).x).toBeCloseTo(1 - upright.y - upright.h, 1)
  const turned = await rel()
  expect(turned.y).toBeCloseTo(upright.x, 1)
  expect(turned.w).toBeCloseTo(upright.h, 1)
  expect((await page.evaluate(() => window.__caseReviewDesk.viewer.marks()))[0]!.rect).toEqual(mark!.rect)
  await page.screenshot({ path: 'test-results/shots/viewer-mark-rotated.png' })

  await page.keyboard.press('End')
  await expect.poll(() => current(page)).toBe(8)
  await page.getByTestId('tab-marks').click()
  await page.getByTestId('mark-jump').click()
  await expect.poll(() => current(page)).toBe(1)
})
