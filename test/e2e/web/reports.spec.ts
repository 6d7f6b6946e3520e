import { chromium, test, type Page } from '@playwright/test'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { validateCampaignExport } from '../../../scoring/report/index'
import { expect, finishSheetByKeyboard, importFiles, openApp } from '../support/app'
import { corpusPath } from '../support/corpus'

// 报告、整改、统计 through the screens: a finalised review → narrative edited and saved as a template →
// circular DOCX (read back through LibreOffice), ledger XLSX, campaign JSON, score sheet with a verifiable
// QR string; rectification status and overdue highlighting; the statistics charts; the printable PDF path.

const shots = 'test-results/shots'
const has = (cmd: string) => spawnSync('which', [cmd]).status === 0

async function download(page: Page, testId: string, dir: string, scope = page.locator('body')): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), scope.getByTestId(testId).first().click()])
  const path = join(dir, dl.suggestedFilename())
  await dl.saveAs(path)
  return path
}

function pdfText(docx: string, dir: string): string {
  // A private profile: a shared one would collide with another soffice and make it exit silently.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 60_000, stdio: 'pipe' })
  return execFileSync('pdftotext', ['-layout', docx.replace(/\.docx$/, '.pdf'), '-'], { encoding: 'utf8' })
}

test('reports, rectification tracking and statistics', async ({ page }) => {
  test.setTimeout(120_000)
  mkdirSync(shots, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'crd-reports-'))
  const { foreignRequests } = await openApp(page)
  await importFiles(page, [corpusPath('issue12963.pdf')])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1))
  const seeded = await page.evaluate(() => window.__caseReviewDesk.review.seedSingleReview('issue12963'))
  const { campaignId, reviewId } = seeded

  // --- score and finalise on the scoring screen ---
  await page.evaluate(([c, r]) => (location.hash = `#/campaigns/${c}/reviews/${r}`), [campaignId, reviewId])
  await expect(page.getByTestId('score-sheet')).toBeVisible()
  const deductRow = page.locator('[data-testid=sheet-row]').filter({ has: page.getByTestId('act-deduct') }).first()
  await deductRow.getByTestId('act-deduct').click()
  await page.getByTestId('reason-input').fill('现场检查笔录未载明检查时间')
  await page.getByTestId('cite-page').click()
  await page.getByTestId('decision-save').click()
  await expect(deductRow).toHaveAttribute('data-status', 'deducted')
  await finishSheetByKeyboard(page)
  await expect(page.getByTestId('sheet-exports')).toHaveCount(0)
  await page.getByTestId('action-submit').click()
  await page.getByTestId('identity-select').selectOption({ label: '李组长（组长）' })
  await page.getByTestId('action-begin-second-review').click()
  await page.getByTestId('action-finalise').click()
  await page.getByTestId('action-text').fill('同意评查结论')
  await page.getByTestId('action-confirm').click()
  await expect(page.getByTestId('review-state')).toHaveAttribute('data-state', 'finalised')

  // Score sheet DOCX from the scoring screen: its 核验码 must match the review.
  await expect(page.getByTestId('sheet-exports')).toBeVisible()
  const sheetDocx = await download(page, 'sheet-export-docx', dir)
  const xml = execFileSync('unzip', ['-p', sheetDocx, 'word/document.xml'], { encoding: 'utf8' })
  const code = /CRD1\|[^<]+/.exec(xml)?.[0]
  expect(code).toBeTruthy()
  const caseId = (await page.getByTestId('sheet-export-docx').getAttribute('data-case-id'))!
  expect(code).toBe(await page.evaluate(([c, k]) => window.__caseReviewDesk.reports.verification(c, k), [campaignId, caseId] as const))
  await page.getByTestId('sheet-export-xlsx').click()
  await expect(page.getByTestId('sheet-export-xlsx-message')).toContainText('已保存')

  // --- 报告: fields, narrative, template, exports ---
  await page.getByTestId('back-to-campaign').click()
  await page.getByTestId('campaign-tab-report').click()
  await page.getByTestId('report-field-documentNumber').fill('某司通〔2026〕12号')
  await page.getByTestId('report-field-rectificationDeadline').fill('2020-01-31')
  await page.getByTestId('report-fields-save').click()
  await expect(page.getByTestId('report-fields-note')).toHaveText('已保存')
  const edited = '本次评查由评查组集中阅卷，测试修改的基本情况段落。'
  await expect(page.getByTestId('narrative-basicFacts')).toHaveValue(/测试评查活动/)
  await page.getByTestId('narrative-basicFacts').fill(`${edited}\n测试评查活动共评查{案卷数}件。`)
  await page.getByTestId('template-name').fill('年度通报模板')
  await page.getByTestId('template-save').click()
  await expect(page.getByTestId('template-note')).toContainText('已保存模板「年度通报模板」')
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('template-apply').click()
  await expect(page.getByTestId('narrative-basicFacts')).toHaveValue(`${edited}\n测试评查活动共评查1件。`)
  await page.screenshot({ path: `${shots}/reports-report-tab.png`, fullPage: true })

  const circular = await download(page, 'export-circular-docx', dir)
  if (has('soffice')) {
    const text = pdfText(circular, dir).replace(/\s+/g, '')
    expect(text).toContain(edited)
    expect(text).toContain('关于测试评查活动情况的通报')
    expect(text).toContain('某司通〔2026〕12号')
  } else console.log('soffice 不存在：跳过通报 DOCX 经 LibreOffice 转 PDF 的检查')

  const jsonPath = await download(page, 'export-campaign-json', dir)
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'))
  const validated = validateCampaignExport(json)
  expect(validated.ok, JSON.stringify(validated.ok ? [] : validated.errors.slice(0, 3))).toBe(true)
  expect(json.narrative.basicFacts).toContain(edited)
  const verify = spawnSync('npx', ['tsx', 'electron/cli/index.ts', 'verify', code!, '--export', jsonPath], { encoding: 'utf8', timeout: 60_000 })
  expect(verify.stdout).toContain('核验通过')
  expect(verify.status).toBe(0)

  // --- 整改: generate, overdue, change a status ---
  await page.getByTestId('campaign-tab-rectification').click()
  await page.getByTestId('rect-generate').click()
  await expect(page.getByTestId('rect-note')).toContainText('新增整改事项 1 条')
  await page.getByTestId('rect-generate').click()
  await expect(page.getByTestId('rect-note')).toContainText('新增整改事项 0 条，已有 1 条')
  const row = page.getByTestId('rect-row').first()
  await expect(page.getByTestId('rect-row')).toHaveCount(1)
  await expect(row).toHaveAttribute('data-overdue', 'overdue')
  await expect(row).toHaveClass(/rp-overdue/)
  await expect(row.getByTestId('rect-overdue')).toHaveText('逾期未整改')
  await page.screenshot({ path: `${shots}/reports-rectification-overdue.png`, fullPage: true })
  await row.getByTestId('rect-status').selectOption({ label: '不予整改' })
  await row.getByTestId('rect-save').click()
  await expect(row.getByTestId('rect-error')).toContainText('理由')
  await row.getByTestId('rect-status').selectOption({ label: '已整改' })
  await row.getByTestId('rect-feedback').fill('已补正现场检查笔录的检查时间')
  await row.getByTestId('rect-feedback-on').fill('2020-02-10')
  await row.getByTestId('rect-save').click()
  await expect(row).toHaveAttribute('data-status', 'done')
  await expect(row).toHaveAttribute('data-overdue', 'lateDone')
  const rects = await page.evaluate((c) => window.__caseReviewDesk.reports.rectifications(c), campaignId)
  expect(rects).toMatchObject([{ status: 'done', feedback: '已补正现场检查笔录的检查时间', deadline: '2020-01-31', overdue: 'lateDone' }])
  const audit = await page.evaluate((c) => window.__caseReviewDesk.reports.rectificationAudit(c), campaignId)
  expect(audit.map((a) => a.action)).toEqual(['rectification.generate', 'rectification.status'])
  expect(await page.evaluate((c) => window.__caseReviewDesk.campaigns.verifyAudit(c), campaignId)).toMatchObject({ ok: true })

  const ledger = await download(page, 'export-ledger-xlsx', dir)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(ledger) as unknown as ArrayBuffer)
  const cells: string[] = []
  wb.getWorksheet('整改台账')!.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value))))
  expect(cells).toContain('已整改')
  expect(cells).toContain('已补正现场检查笔录的检查时间')
  const notice = await download(page, 'export-notice-docx', dir)
  expect(readFileSync(notice).subarray(0, 2).toString()).toBe('PK')

  // --- 统计 ---
  await page.getByTestId('campaign-tab-stats').click()
  for (const id of ['stats-grades', 'stats-agencies', 'stats-items', 'stats-reviewers']) await expect(page.getByTestId(id)).toBeVisible()
  await expect(page.getByTestId('stats-items-bar')).toHaveCount(1)
  const summary = await page.evaluate((c) => window.__caseReviewDesk.reports.summary(c), campaignId)
  await expect(page.getByTestId('stats-totals')).toHaveAttribute('data-mean', summary.meanText)
  await page.screenshot({ path: `${shots}/reports-stats.png`, fullPage: true })

  // --- printable PDF path, in a Chromium that sees no CJK system font ---
  const html = await page.evaluate((c) => window.__caseReviewDesk.reports.printableHtml(c, 'circular'), campaignId)
  const sheetHtml = await page.evaluate(([c, k]) => window.__caseReviewDesk.reports.printableHtml(c, 'sheet', k), [campaignId, caseId] as const)
  const conf = join(dir, 'fonts.conf')
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/fc-cache</cachedir></fontconfig>`)
  const bare = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], env: { ...process.env, FONTCONFIG_FILE: conf } })
  try {
    const p = await bare.newPage()
    for (const [name, doc, title] of [['circular', html, '关于测试评查活动情况的通报'], ['sheet', sheetHtml, '行政执法案卷评查评分表']] as const) {
      await p.setContent(doc, { waitUntil: 'load' })
      await p.evaluate(() => document.fonts.ready.then(() => undefined))
      const pdf = join(dir, `${name}.pdf`)
      writeFileSync(pdf, await p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }))
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
      expect(fonts).toContain('NotoSerifSC')
      expect(fonts).not.toMatch(/NotoSansCJK|NotoSerifCJK/)
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(title)
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${shots}/reports-pdf-${name}`])
    }
  } finally {
    await bare.close()
  }
  expect(foreignRequests).toEqual([])
})
