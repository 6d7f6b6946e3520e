import { test } from '@playwright/test'
import { canvasIsBlank, expect, importFiles, openApp, reloadApp } from '../support/app'
import { corpusPath } from '../support/corpus'

test('import a scanned PDF, survive a reload, open it and see page 1', async ({ page }) => {
  const { foreignRequests } = await openApp(page)
  await expect(page.getByTestId('library-empty')).toBeVisible()

  await importFiles(page, [corpusPath('issue7229.pdf')])
  await expect(page.getByTestId('import-info')).toContainText('已导入「issue7229」，共 2 页')
  await expect(page.getByTestId('library-row')).toHaveCount(1)

  await reloadApp(page)
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  const row = page.getByTestId('library-row').first()
  await expect(row).toHaveAttribute('data-name', 'issue7229')
  await expect(row.getByTestId('library-pages')).toHaveText('2')
  await expect(row).toContainText('1.1 MB')

  await row.getByTestId('open-case').click()
  await expect(page.locator('[data-testid=page-canvas][data-page="1"][data-rendered=true]')).toBeVisible()
  expect(await canvasIsBlank(page, '[data-testid=page-canvas][data-page="1"]')).toBe(false)
  await page.screenshot({ path: 'test-results/shots/library-open-page1.png' })

  // Reloading on the open file comes back to it.
  await reloadApp(page)
  await expect(page.locator('[data-testid=page-canvas][data-page="1"][data-rendered=true]')).toBeVisible()
  expect(foreignRequests).toEqual([])
})

test('a Chinese PDF whose font is not embedded renders from the bundled CMaps', async ({ page }) => {
  const { foreignRequests } = await openApp(page)
  const cmapRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/pdfjs/cmaps/')) cmapRequests.push(new URL(r.url()).pathname)
  })
  await importFiles(page, [corpusPath('issue8372.pdf')])
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await page.getByTestId('open-case').click()
  await expect(page.locator('[data-testid=page-canvas][data-page="1"][data-rendered=true]')).toBeVisible()
  expect(cmapRequests.some((p) => p.endsWith('UniGB-UTF16-H.bcmap'))).toBe(true)
  expect(await canvasIsBlank(page, '[data-testid=page-canvas][data-page="1"]')).toBe(false)
  await page.screenshot({ path: 'test-results/shots/cjk-nonembedded.png' })
  expect(foreignRequests).toEqual([])
})

test('import by drag and drop shows progress and lists the file', async ({ page }) => {
  await openApp(page)
  const { readFileSync } = await import('node:fs')
  const bytes = readFileSync(corpusPath('issue12963.pdf')).toString('base64')
  const dataTransfer = await page.evaluateHandle((b64) => {
    const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const dt = new DataTransfer()
    dt.items.add(new File([bin], '某局行政处罚案卷.pdf', { type: 'application/pdf' }))
    return dt
  }, bytes)
  await page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer })
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await expect(page.getByTestId('library-row').first()).toHaveAttribute('data-name', '某局行政处罚案卷')
  await expect(page.getByTestId('library-row').first().getByTestId('library-pages')).toHaveText('8')
})

for (const [file, label] of [
  ['zero-bytes.pdf', '空文件'],
  ['bug1020226.pdf', '已损坏'],
  ['issue12963_truncated_50pct.pdf', '已损坏'],
] as const) {
  test(`refuses ${file} with a Chinese message and stores nothing`, async ({ page }) => {
    await openApp(page)
    await importFiles(page, [corpusPath(file)])
    await expect(page.getByTestId('import-error')).toContainText(label)
    await expect(page.getByTestId('library-empty')).toBeVisible()
    const stored = await page.evaluate(async () => (await window.__caseReviewDesk.listCaseFiles()).length)
    expect(stored).toBe(0)
  })
}

test('refuses a file that is not a PDF and keeps what is already stored', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('issue7229.pdf')])
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await page.getByTestId('import-input').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这不是扫描件') })
  await expect(page.getByTestId('import-error')).toContainText('不是 PDF')
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await page.screenshot({ path: 'test-results/shots/import-error.png' })
})

test('a password-protected PDF asks for its password, says when it is wrong, and opens with the right one', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('pr6531_1.pdf')])
  await page.getByTestId('password-input').fill('qwerty')
  await page.getByTestId('password-submit').click()
  await expect(page.getByTestId('password-error')).toContainText('密码不正确')
  await page.getByTestId('password-input').fill('asdfasdf')
  await page.getByTestId('password-submit').click()
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await page.getByTestId('open-case').click()
  await expect(page.locator('[data-testid=page-canvas][data-page="1"][data-rendered=true]')).toBeVisible()
})
