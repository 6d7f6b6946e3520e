import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, type Browser, type Page } from '@playwright/test'
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { appOrigin, expect, importFiles, openApp } from '../support/app'
import { corpusPath } from '../support/corpus'

// Two browser profiles stand for two laptops with no network between them: each has its own IndexedDB.
const dir = join('test-results', 'exchange')
mkdirSync(dir, { recursive: true })
mkdirSync('test-results/shots', { recursive: true })

async function laptop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: appOrigin, viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  await openApp(page)
  return page
}

async function goto(page: Page, hash: string) {
  await page.goto(`/?e2e=1${hash}`)
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
}

/** Clicks a button that saves a file and keeps the download, as the user would copy it to a USB stick. */
async function download(page: Page, testId: string, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])
  const path = join(dir, name)
  await dl.saveAs(path)
  return path
}

async function leadWithCampaign(browser: Browser) {
  const lead = await laptop(browser)
  await importFiles(lead, [corpusPath('issue12963.pdf')])
  await lead.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))
  const ids = await lead.evaluate(() => window.__caseReviewDesk.review.seedSingleReview('issue12963'))
  await lead.evaluate(({ campaignId, leadId }) => window.__caseReviewDesk.review.setIdentity(campaignId, leadId), ids)
  return { lead, ids }
}

async function openReview(page: Page, ids: { campaignId: string; reviewId: string }) {
  await goto(page, `#/campaigns/${ids.campaignId}/reviews/${ids.reviewId}`)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await expect(page.getByTestId('score-sheet')).toBeVisible()
}

const firstRow = (page: Page) => page.locator('[data-testid=sheet-row]').filter({ has: page.getByTestId('act-deduct') }).first()

async function deduct(page: Page, itemId: string, reason: string) {
  const row = page.locator(`[data-testid=sheet-row][data-item-id="${itemId}"]`)
  await row.getByTestId('act-deduct').click()
  await page.getByTestId('reason-input').fill(reason)
  await page.getByTestId('cite-page').click()
  await page.getByTestId('decision-save').click()
  await expect(row).toHaveAttribute('data-status', 'deducted')
}

const digest = (page: Page) => page.evaluate(() => window.__caseReviewDesk.exchange.storeDigest())

test('two laptops: assign → score → return → merge → conflict → resolve', async ({ browser }) => {
  test.setTimeout(180_000)
  const { lead, ids } = await leadWithCampaign(browser)

  // The lead exports the reviewer's assignment package.
  await goto(lead, '#/exchange')
  await lead.getByTestId('exchange-reviewer').selectOption(ids.reviewerId)
  const assignment = await download(lead, 'export-assignment', 'assignment.zip')
  await expect(lead.getByTestId('export-assignment-message')).toHaveAttribute('data-kind', 'ok')

  // The reviewer's laptop: import, and everything is set up; the scan is byte-identical.
  const reviewer = await laptop(browser)
  await goto(reviewer, '#/exchange')
  await reviewer.getByTestId('import-assignment-input').setInputFiles(assignment)
  await expect(reviewer.getByTestId('import-assignment-message')).toHaveAttribute('data-kind', 'ok')
  await expect(reviewer.getByTestId('import-assignment-message')).toContainText('已导入')
  await expect(reviewer.getByTestId('exchange-identity')).toHaveText('王评查')
  expect(await reviewer.evaluate(() => window.__caseReviewDesk.exchange.blobDigests())).toEqual(await lead.evaluate(() => window.__caseReviewDesk.exchange.blobDigests()))
  await reviewer.screenshot({ path: 'test-results/shots/exchange-reviewer-imported.png', fullPage: true })

  // The reviewer scores an item and returns the results.
  await openReview(reviewer, ids)
  const itemId = (await firstRow(reviewer).getAttribute('data-item-id'))!
  await firstRow(reviewer).getByTestId('act-conforming').click()
  await expect(firstRow(reviewer)).toHaveAttribute('data-status', 'conforming')
  await goto(reviewer, '#/exchange')
  const result1 = await download(reviewer, 'export-result', 'result-1.zip')

  // The lead merges them and sees the decision.
  await goto(lead, '#/exchange')
  await lead.getByTestId('import-result-input').setInputFiles(result1)
  await expect(lead.getByTestId('merge-report')).toBeVisible()
  expect(Number(await lead.getByTestId('merge-report').getAttribute('data-updated'))).toBeGreaterThanOrEqual(1)
  await expect(lead.getByTestId('merge-report')).toHaveAttribute('data-conflicts', '0')
  expect(await lead.evaluate((id) => window.__caseReviewDesk.review.decisions(id), ids.reviewId)).toEqual([{ itemId, kind: 'conforming' }])
  await lead.screenshot({ path: 'test-results/shots/exchange-merge-report.png', fullPage: true })

  // The same package again changes nothing.
  const settled = await digest(lead)
  await lead.getByTestId('import-result-input').setInputFiles(result1)
  await expect(lead.getByTestId('import-result-message')).toContainText('已导入过')
  await expect(lead.getByTestId('merge-report')).toHaveAttribute('data-changed', 'false')
  expect(await digest(lead)).toBe(settled)

  // Both laptops change the same item (the reviewer also worked at the lead's desk for a while).
  await lead.evaluate(({ campaignId, reviewerId }) => window.__caseReviewDesk.review.setIdentity(campaignId, reviewerId), ids)
  await openReview(lead, ids)
  await deduct(lead, itemId, '组长电脑上：立案审批表未签署意见')
  await lead.evaluate(({ campaignId, leadId }) => window.__caseReviewDesk.review.setIdentity(campaignId, leadId), ids)
  await openReview(reviewer, ids)
  await deduct(reviewer, itemId, '评查人员：询问笔录未载明出示证件')
  await goto(reviewer, '#/exchange')
  const result2 = await download(reviewer, 'export-result', 'result-2.zip')

  await goto(lead, '#/exchange')
  await lead.getByTestId('import-result-input').setInputFiles(result2)
  await expect(lead.getByTestId('merge-report')).toHaveAttribute('data-conflicts', '1')
  const row = lead.getByTestId('conflict-row')
  await expect(row).toHaveCount(1)
  await expect(row).toHaveAttribute('data-item-id', itemId)
  await expect(row.getByTestId('conflict-local')).toContainText('组长电脑上')
  await expect(row.getByTestId('conflict-incoming')).toContainText('询问笔录未载明出示证件')
  // Nothing was overwritten before the lead chose.
  expect(JSON.stringify(await lead.evaluate((id) => window.__caseReviewDesk.review.decisions(id), ids.reviewId))).toContain('组长电脑上')
  await lead.screenshot({ path: 'test-results/shots/exchange-conflict.png', fullPage: true })

  await row.getByTestId('take-incoming').click()
  await expect(lead.getByTestId('conflict-row')).toHaveCount(0)
  await expect(lead.getByTestId('conflict-message')).toContainText('已采用导入的内容')
  expect(JSON.stringify(await lead.evaluate((id) => window.__caseReviewDesk.review.decisions(id), ids.reviewId))).toContain('询问笔录未载明出示证件')
  const actions = await lead.evaluate((id) => window.__caseReviewDesk.exchange.auditActions(id), ids.campaignId)
  expect(actions).toContain('exchange.resolve')
  expect(actions).toContain('exchange.import')
  expect(await lead.evaluate((id) => window.__caseReviewDesk.exchange.auditOk(id), ids.campaignId)).toBe(true)

  // After the choice, the same package still changes nothing and lists nothing.
  const resolved = await digest(lead)
  await lead.getByTestId('import-result-input').setInputFiles(result2)
  await expect(lead.getByTestId('import-result-message')).toContainText('已导入过')
  await expect(lead.getByTestId('conflict-row')).toHaveCount(0)
  expect(await digest(lead)).toBe(resolved)
  await lead.screenshot({ path: 'test-results/shots/exchange-page.png', fullPage: true })
})

/** Rebuilds a package: scans stored, JSON deflated. */
const rezip = (files: Record<string, Uint8Array>) => {
  const z: Zippable = {}
  for (const [p, data] of Object.entries(files)) z[p] = [data, { level: p.startsWith('blobs/') ? 0 : 6 }]
  return Buffer.from(zipSync(z))
}

test('malicious and broken packages are refused in the UI with a Chinese message; the store is unchanged', async ({ browser }) => {
  test.setTimeout(120_000)
  const { lead, ids } = await leadWithCampaign(browser)
  await goto(lead, '#/exchange')
  await lead.getByTestId('exchange-reviewer').selectOption(ids.reviewerId)
  const good = readFileSync(await download(lead, 'export-assignment', 'good.zip'))
  const files = unzipSync(new Uint8Array(good))
  const pdfAt = good.indexOf(Buffer.from('%PDF'))
  const flipped = Buffer.from(good)
  flipped[pdfAt + 5000]! ^= 0x01
  const bad: [string, Buffer, RegExp][] = [
    ['empty.zip', Buffer.alloc(0), /文件为空/],
    ['truncated.zip', good.subarray(0, good.length - 500), /不完整/],
    ['flipped.zip', flipped, /校验值与清单不符/],
    ['evil.zip', rezip({ ...files, '../evil.json': strToU8('{"x":1}') }), /不安全的路径「\.\.\/evil\.json」/],
    ['absolute.zip', rezip({ ...files, '/tmp/evil.json': strToU8('{}') }), /不安全的路径/],
    ['bomb.zip', rezip({ ...files, 'data/bomb.json': new Uint8Array(30 * 1024 * 1024) }), /压缩炸弹/],
    ['foreign.zip', rezip({ 'readme.txt': strToU8('你好'), 'a/b.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) }), /不是案卷评查台的数据包/],
  ]
  const reviewer = await laptop(browser)
  await goto(reviewer, '#/exchange')
  const before = await digest(reviewer)
  for (const [name, buffer, message] of bad) {
    writeFileSync(join(dir, name), buffer)
    await reviewer.getByTestId('import-assignment-input').setInputFiles({ name, mimeType: 'application/zip', buffer })
    const msg = reviewer.getByTestId('import-assignment-message')
    await expect(msg, name).toHaveAttribute('data-kind', 'error')
    await expect(msg, name).toHaveText(message)
    expect(await digest(reviewer), name).toBe(before)
  }
  await reviewer.screenshot({ path: 'test-results/shots/exchange-refused.png', fullPage: true })

  // On the lead's laptop too, through the result import: refused and nothing changed.
  const leadBefore = await digest(lead)
  for (const [name, buffer, message] of bad.slice(2, 5)) {
    await lead.getByTestId('import-result-input').setInputFiles({ name, mimeType: 'application/zip', buffer })
    await expect(lead.getByTestId('import-result-message'), name).toHaveText(message)
  }
  // Its own assignment package is not a result package.
  await lead.getByTestId('import-result-input').setInputFiles({ name: 'good.zip', mimeType: 'application/zip', buffer: good })
  await expect(lead.getByTestId('import-result-message')).toHaveText(/这是分配包，不是结果包/)
  expect(await digest(lead)).toBe(leadBefore)
})

test('backup → wipe (another laptop) → restore: byte-identical files and identical scores; reminder when old', async ({ browser }) => {
  test.setTimeout(120_000)
  const { lead, ids } = await leadWithCampaign(browser)
  await lead.evaluate(({ campaignId, reviewerId }) => window.__caseReviewDesk.review.setIdentity(campaignId, reviewerId), ids)
  await openReview(lead, ids)
  await deduct(lead, (await firstRow(lead).getAttribute('data-item-id'))!, '送达回证缺少受送达人签名')

  // Data but never backed up: the library reminds.
  await goto(lead, '#/')
  await expect(lead.getByTestId('backup-reminder')).toBeVisible()
  await lead.getByTestId('backup-reminder-go').click()
  await expect(lead.getByTestId('exchange-page')).toBeVisible()
  const backup = await download(lead, 'export-backup', 'backup.zip')
  await expect(lead.getByTestId('backup-message')).toHaveAttribute('data-kind', 'ok')
  await expect(lead.getByTestId('last-backup')).not.toContainText('从未备份')
  await goto(lead, '#/')
  await expect(lead.getByTestId('library-table')).toBeVisible()
  await expect(lead.getByTestId('backup-reminder')).toHaveCount(0)

  const want = {
    blobs: await lead.evaluate(() => window.__caseReviewDesk.exchange.blobDigests()),
    totals: await lead.evaluate(() => window.__caseReviewDesk.exchange.engineTotals()),
    digest: await digest(lead),
  }
  expect(Object.values(want.totals)[0]).not.toBe('100')

  // A fresh profile is a wiped (or new) laptop.
  const other = await laptop(browser)
  await goto(other, '#/exchange')
  await other.getByTestId('restore-input').setInputFiles(backup)
  await expect(other.getByTestId('restore-message')).toHaveAttribute('data-kind', 'ok')
  expect(await other.evaluate(() => window.__caseReviewDesk.exchange.blobDigests())).toEqual(want.blobs)
  expect(await other.evaluate(() => window.__caseReviewDesk.exchange.engineTotals())).toEqual(want.totals)
  expect(await digest(other)).toBe(want.digest)
  expect(await other.evaluate((id) => window.__caseReviewDesk.exchange.auditOk(id), ids.campaignId)).toBe(true)

  // Restoring over data needs the explicit replace.
  await other.getByTestId('restore-input').setInputFiles(backup)
  await expect(other.getByTestId('restore-message')).toHaveText(/本机已有数据/)
  await other.getByTestId('restore-replace').check()
  await other.getByTestId('restore-input').setInputFiles(backup)
  await expect(other.getByTestId('restore-message')).toHaveAttribute('data-kind', 'ok')
  expect(await digest(other)).toBe(want.digest)
  await other.screenshot({ path: 'test-results/shots/exchange-backup.png', fullPage: true })

  // The restored case file opens and scores the same on screen.
  await openReview(other, ids)
  await expect(other.getByTestId('sheet-total')).toHaveAttribute('data-total', Object.values(want.totals)[0]!)

  // Ten days later the library reminds again.
  await other.evaluate(() => window.__caseReviewDesk.exchange.setLastBackupAt(new Date(Date.now() - 10 * 86_400_000).toISOString()))
  await goto(other, '#/')
  await expect(other.getByTestId('backup-reminder')).toHaveAttribute('data-days', '10')
  await other.screenshot({ path: 'test-results/shots/exchange-backup-reminder.png' })
})
