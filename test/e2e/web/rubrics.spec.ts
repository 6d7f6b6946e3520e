import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test } from '@playwright/test'
import type { Review, Rubric } from '../../../scoring/index'
import { expect, openApp } from '../support/app'

const shots = 'test-results/shots'

async function setField(page: Page, path: string, value: string) {
  const input = page.locator(`:is(input, select, textarea)[data-path="${path}"]`)
  await input.fill(value)
}

async function errorCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('rubric-error-count').getAttribute('data-count'))
}

test('rubric author: duplicate a built-in, edit with live validation, publish, version, diff, migrate, export and re-import', async ({ page }, info) => {
  const { foreignRequests } = await openApp(page)
  mkdirSync(info.outputDir, { recursive: true })
  await page.getByTestId('nav-rubrics').click()
  await expect(page.getByTestId('rubric-library')).toBeVisible()
  const builtinCount = await page.getByTestId('rubric-row').count()
  expect(builtinCount).toBeGreaterThanOrEqual(5)

  // Search by standard and case type.
  await page.getByTestId('rubric-search').fill('4181 处罚')
  const rows = page.getByTestId('rubric-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-name', /附录B/)
  await page.screenshot({ path: `${shots}/rubrics-library-search.png` })

  // A built-in opens read-only.
  await rows.first().getByTestId('rubric-open').click()
  await expect(page.getByTestId('rubric-readonly-banner')).toBeVisible()
  await page.locator('[data-node="item-0-1"]').click()
  await expect(page.locator('input[data-path="$.sections[0].items[1].points"]')).toHaveAttribute('readonly', '')
  await page.getByTestId('rubric-copy-builtin').click()

  // The copy is a draft of a new lineage.
  const editor = page.getByTestId('rubric-editor')
  await expect(editor).toHaveAttribute('data-status', 'draft')
  const rubricId = (await editor.getAttribute('data-template-id'))!
  const builtinId = await page.evaluate(async () => (await window.__caseReviewDesk.rubrics.listPinnable()).find((e) => e.name.includes('附录B'))!.rubricId)
  expect(rubricId).not.toBe(builtinId)
  await expect(page.getByTestId('rubric-status')).toContainText('第1版 · 草稿')
  expect(await errorCount(page)).toBe(0)

  // Raise an item's points: the section no longer adds up and live validation says so.
  await page.locator('[data-node="item-0-1"]').click()
  await setField(page, '$.sections[0].items[1].points', '7')
  await expect(page.getByTestId('rubric-error-count')).toHaveAttribute('data-count', '1')
  await expect(page.locator('[data-node="section-0"] .err-badge')).toHaveText('1')
  // A rule amount that is not a number is flagged beside its field.
  await setField(page, '$.sections[0].items[1].rules[1].amount', '一点五')
  await expect(page.locator('[data-testid="field-error"][data-path="$.sections[0].items[1].rules[1].amount"]')).toBeVisible()
  await page.getByTestId('rubric-tab-errors').click()
  // A value of the wrong type stops the semantic checks until it is fixed, so only it is listed for now.
  await expect(page.getByTestId('rubric-error-item')).toHaveCount(1)
  await expect(page.getByTestId('rubric-error-item')).toHaveAttribute('data-path', '$.sections[0].items[1].rules[1].amount')
  await page.screenshot({ path: `${shots}/rubrics-editor-errors.png` })
  await setField(page, '$.sections[0].items[1].rules[1].amount', '1.5')
  await expect(page.getByTestId('rubric-error-item')).toHaveCount(1)
  await expect(page.getByTestId('rubric-error-item')).toContainText('本部分分值为10分，但各项分值合计为11分')
  // The list jumps to the field the error is about, where the same message stands beside it.
  await page.getByTestId('rubric-error-item').click()
  await expect(page.getByTestId('form-section')).toBeVisible()
  await expect(page.locator('input[data-path="$.sections[0].points"]')).toBeFocused()
  await expect(page.locator('[data-testid="field-error"][data-path="$.sections[0].points"]')).toContainText('各项分值合计为11分')
  await expect(page.getByTestId('rubric-publish')).toBeDisabled()
  // Fix it by taking the point from the next item.
  await page.locator('[data-node="item-0-2"]').click()
  await setField(page, '$.sections[0].items[2].points', '2')
  await expect(page.getByTestId('rubric-error-count')).toHaveAttribute('data-count', '0')

  // The score sheet preview follows the edit.
  await page.getByTestId('rubric-tab-preview').click()
  await expect(page.locator('[data-testid="preview-item"][data-item-id="B-1-2"]')).toContainText('扣1.5分')
  await page.screenshot({ path: `${shots}/rubrics-editor-preview.png` })

  // 试评: one deduction, the engine's total and trace.
  await page.getByTestId('rubric-tab-try').click()
  await page.locator('[data-testid="try-decision"][data-item-id="B-1-2"]').selectOption('rule:B-1-2-b')
  await expect(page.getByTestId('try-total')).toHaveText('98.5')
  await expect(page.getByTestId('try-trace')).toContainText('B-1-2')
  await page.screenshot({ path: `${shots}/rubrics-editor-try.png` })

  // Publish version 1: it is locked and campaigns may pin it.
  await page.getByTestId('rubric-note').fill('立案审批表分值调整')
  await page.getByTestId('rubric-publish').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第1版 · 已发布')
  const pinnable = await page.evaluate(() => window.__caseReviewDesk.rubrics.listPinnable())
  expect(pinnable.filter((e) => !e.builtIn)).toEqual([{ rubricId, version: 1, name: expect.stringContaining('我的模板'), builtIn: false }])

  // Edit again: a new draft version 2, published in turn.
  await page.locator('[data-node="item-0-1"]').click()
  await setField(page, '$.sections[0].items[1].rules[1].amount', '2')
  await expect(page.getByTestId('rubric-dirty')).toBeVisible()
  await page.getByTestId('rubric-save').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第2版 · 草稿')
  const v1 = await page.evaluate((id) => window.__caseReviewDesk.rubrics.versions(id), rubricId)
  expect(v1.map((v) => [v.version, v.status])).toEqual([
    [1, 'published'],
    [2, 'draft'],
  ])
  expect(((v1[0]!.rubric as Rubric).sections[0]!.items[1]!.rules![1] as { amount: number }).amount).toBe(1.5)
  await page.getByTestId('rubric-publish').click()
  await expect(page.getByTestId('rubric-status')).toContainText('第2版 · 已发布')
  await expect.poll(async () => (await page.evaluate(() => window.__caseReviewDesk.rubrics.listPinnable())).filter((e) => e.rubricId === rubricId).map((e) => e.version)).toEqual([1, 2])

  // Diff v1 → v2 names the rule and its amount.
  await page.getByTestId('rubric-tab-versions').click()
  await expect(page.getByTestId('version-row')).toHaveCount(2)
  await expect(page.getByTestId('diff-from')).toHaveValue('1')
  await expect(page.getByTestId('diff-to')).toHaveValue('2')
  const row = page.locator('[data-testid="diff-row"][data-id="B-1-2-b"][data-field="amount"]')
  await expect(row).toContainText('扣分值')
  await expect(row.locator('td.old')).toHaveText('1.5')
  await expect(row.locator('td.new')).toHaveText('2')
  await expect(page.getByTestId('diff-row')).toHaveCount(1)

  // Migrate a review made on v1: the decision resting on the changed rule needs re-review, the rest carry over.
  const versions = await page.evaluate((id) => window.__caseReviewDesk.rubrics.versions(id), rubricId)
  const r1 = versions[0]!.rubric as Rubric
  const decisions: Review['decisions'] = [...(r1.basic?.items ?? []).map((b) => ({ itemId: b.id, kind: 'conforming' as const }))]
  for (const s of r1.sections) for (const it of s.items) decisions.push(it.id === 'B-1-2' ? { itemId: it.id, kind: 'deducted', deductions: [{ ruleId: 'B-1-2-b', reason: '审批表未载明承办人意见' }] } : { itemId: it.id, kind: 'conforming' })
  const review: Review = { format: 'case-review-review/1', id: crypto.randomUUID(), rubricId, rubricVersion: 1, case: { number: '苏某罚〔2026〕1号' }, decisions }
  const reviewFile = join(info.outputDir, 'review-v1.json')
  writeFileSync(reviewFile, JSON.stringify(review))
  await page.getByTestId('migrate-reviews-input').setInputFiles(reviewFile)
  const report = page.getByTestId('migration-report')
  await expect(report).toBeVisible()
  await expect(page.getByTestId('migration-totals')).toHaveAttribute('data-re-review', '1')
  await expect(page.getByTestId('migration-totals')).toHaveAttribute('data-carried', String(decisions.length - 1))
  const entry = page.locator('[data-testid="migration-entry"][data-item-id="B-1-2"]')
  await expect(entry).toHaveAttribute('data-outcome', 'reReview')
  await expect(entry).toContainText('扣分规则「B-1-2-b」已修改：扣分值「1.5」→「2」')
  await report.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${shots}/rubrics-versions-diff-migration.png` })

  // Export JSON and XLSX, then import both back as templates.
  await page.getByTestId('rubric-file-menu').click()
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rubric-export-json').click()])
  const jsonPath = join(info.outputDir, 'exported.json')
  await jsonDownload.saveAs(jsonPath)
  expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toEqual(versions[1]!.rubric)
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rubric-export-xlsx').click()])
  const xlsxPath = join(info.outputDir, 'exported.xlsx')
  await xlsxDownload.saveAs(xlsxPath)
  expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK')

  await page.getByTestId('rubric-back').click()
  await page.getByTestId('rubric-import-json-input').setInputFiles(jsonPath)
  await expect(page.getByTestId('rubric-import-info')).toContainText('已从「exported.json」导入')
  await page.getByTestId('rubric-import-xlsx-input').setInputFiles(xlsxPath)
  await expect(page.getByTestId('rubric-import-info')).toContainText('已从「exported.xlsx」导入')
  const templates = await page.evaluate(() => window.__caseReviewDesk.rubrics.listTemplates())
  expect(templates).toHaveLength(3)
  for (const t of templates.filter((t) => t.id !== rubricId)) {
    const [v] = await page.evaluate((id) => window.__caseReviewDesk.rubrics.versions(id), t.id)
    const { id: _a, version: _b, ...content } = v!.rubric as Rubric
    const { id: _c, version: _d, ...expected } = versions[1]!.rubric as Rubric
    expect(content).toEqual(expected)
  }
  await page.getByTestId('rubric-search').fill('')
  await page.screenshot({ path: `${shots}/rubrics-library-after.png` })

  // A broken workbook is refused with sheet, row and column.
  const broken = join(info.outputDir, 'broken.json')
  writeFileSync(broken, JSON.stringify({ ...versions[1]!.rubric as Rubric, total: 90 }))
  await page.getByTestId('rubric-import-json-input').setInputFiles(broken)
  await expect(page.getByTestId('rubric-import-error')).toContainText('$.total')

  expect(foreignRequests).toEqual([])
})

test('drag and drop reorders items in the tree, and ↑ ↓ do the same from the keyboard', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('nav-rubrics').click()
  await page.getByTestId('rubric-search').fill('4181 处罚')
  await page.getByTestId('rubric-duplicate').click()
  await expect(page.getByTestId('rubric-editor')).toHaveAttribute('data-status', 'draft')
  const ids = () => page.locator('[data-node^="item-0-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')))
  expect(await ids()).toEqual(['B-1-1', 'B-1-2', 'B-1-3'])
  await page.locator('[data-node="item-0-2"]').dragTo(page.locator('[data-node="item-0-0"]'))
  expect(await ids()).toEqual(['B-1-3', 'B-1-1', 'B-1-2'])
  await page.locator('[data-node="item-0-0"]').click()
  await page.getByTestId('tree-move-down').click()
  expect(await ids()).toEqual(['B-1-1', 'B-1-3', 'B-1-2'])
  await expect(page.getByTestId('rubric-dirty')).toBeVisible()
  await page.screenshot({ path: `${shots}/rubrics-editor-item.png` })
})
