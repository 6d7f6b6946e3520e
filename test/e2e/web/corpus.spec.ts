import { test, type Page } from '@playwright/test'
import { expect, importFiles, openApp } from '../support/app'
import { corpusManifest, corpusPath, type CorpusEntry } from '../support/corpus'

// Walks ../shared/corpus/manifest.json: every real-world file must behave as its `expect` says,
// with no crash, no hang beyond the viewer's 10 s page limit, and nothing half-stored.

async function libraryCount(page: Page) {
  return page.evaluate(async () => (await window.__caseReviewDesk.listCaseFiles()).length)
}

/** Opens the only case file and waits until page 1 has either drawn or been declared broken. */
async function openAndSettlePage1(page: Page, entry: CorpusEntry) {
  const [only] = await page.evaluate(() => window.__caseReviewDesk.listCaseFiles())
  await page.evaluate((name) => window.__caseReviewDesk.openCaseFile(name), only!.name)
  const started = Date.now()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  const settledMs = Date.now() - started
  expect(settledMs, `${entry.file}: page 1 settled in ${settledMs} ms`).toBeLessThan(12_500)
  await expect(page.getByTestId('viewer-title')).toContainText(`共 ${only!.pageCount} 页`)
  // Still responsive afterwards.
  await page.getByTestId('back-to-library').click()
  await expect(page.getByTestId('library-row')).toHaveCount(1)
}

for (const entry of corpusManifest()) {
  test(`${entry.expect}: ${entry.file}`, async ({ page }) => {
    const crashes: string[] = []
    page.on('crash', () => crashes.push('page crashed'))
    page.on('pageerror', (e) => crashes.push(e.message))
    await openApp(page)
    await importFiles(page, [corpusPath(entry.file)])

    switch (entry.expect) {
      case 'error': {
        await expect(page.getByTestId('import-error')).toBeVisible({ timeout: 10_000 })
        await expect(page.getByTestId('import-error')).toContainText(/空文件|已损坏/)
        expect(await libraryCount(page)).toBe(0)
        expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBeGreaterThan(0)
        break
      }
      case 'password': {
        await expect(page.getByTestId('password-dialog')).toBeVisible()
        await page.getByTestId('password-input').fill('wrong-password-不对')
        await page.getByTestId('password-submit').click()
        await expect(page.getByTestId('password-error')).toContainText('密码不正确')
        expect(await libraryCount(page)).toBe(0)
        await page.getByTestId('password-input').fill(entry.password!)
        await page.getByTestId('password-submit').click()
        await expect(page.getByTestId('library-row')).toHaveCount(1)
        await openAndSettlePage1(page, entry)
        break
      }
      case 'open':
      case 'open-recovered': {
        await expect(page.getByTestId('library-row')).toHaveCount(1, { timeout: 20_000 })
        await expect(page.getByTestId('password-dialog')).toHaveCount(0)
        if (entry.pages !== null) await expect(page.getByTestId('library-pages')).toHaveText(String(entry.pages))
        await openAndSettlePage1(page, entry)
        break
      }
    }
    expect(crashes).toEqual([])
  })
}

test('a password prompt can be cancelled and nothing is stored', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('issue3371.pdf')])
  await page.getByTestId('password-cancel').click()
  await expect(page.getByTestId('import-error')).toContainText('已取消导入')
  expect(await libraryCount(page)).toBe(0)
})

test('a page that makes pdf.js loop is reported as broken, and the rest of the viewer keeps working', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('operator_list_cycle.pdf'), corpusPath('Pages-tree-refs.pdf')])
  await expect(page.getByTestId('library-row')).toHaveCount(2)
  await page.evaluate(() => window.__caseReviewDesk.openCaseFile('operator_list_cycle'))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  await expect(page.getByTestId('page-error')).toContainText('第 1 页')
  await page.getByTestId('back-to-library').click()
  // Pages-tree-refs: page 1 is fine, page 2 sits in a cyclic page tree.
  await page.evaluate(() => window.__caseReviewDesk.openCaseFile('Pages-tree-refs'))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await page.evaluate(() => window.__caseReviewDesk.viewer.goToPage(2))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(2))
  await expect(page.locator('[data-testid=page-error]')).toContainText('第 2 页')
  await page.screenshot({ path: 'test-results/shots/corpus-broken-page.png' })
})
