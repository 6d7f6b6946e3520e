import { test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, importFiles, openApp } from '../support/app'
import { writeScanPdf, type ScanPdfPage } from '../support/scanPdf'
import { enlargedJpeg, recordScaledDecodes, reducedSizes, scaledDecodes } from '../support/scaledDecode'

const jpeg = (name: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../fixtures/images', name)))
const grey = (name: string): Omit<ScanPdfPage, 'mediaBox'> => ({ jpeg: jpeg(name), width: 600, height: 848, colorSpace: 'DeviceGray' })

/** Three pages: a plain full-page scan, a rotated page with an offset box and a placed image plus an invisible OCR layer, and a page that also draws a path. */
const layout: ScanPdfPage[] = [
  { ...grey('某局处罚案卷-第1页.jpg') },
  { ...grey('某局处罚案卷-第2页.jpg'), mediaBox: [10, 20, 430, 620], rotate: 90, matrix: [300, 0, 0, 424, 60, 110], extraContent: 'BT 3 Tr /F1 12 Tf 100 300 Td (OCR text) Tj ET' },
  { ...grey('某局处罚案卷-第10页.jpg'), extraContent: '0 0 m 595 842 l S' },
]

/** Page `n`'s canvas reduced to a 24 × 24 grid of grey levels, plus its pixel size and who drew it. */
async function pageSummary(page: Page, n: number) {
  await page.evaluate((k) => window.__caseReviewDesk.viewer.goToPage(k), n)
  await page.evaluate((k) => window.__caseReviewDesk.waitForPageRendered(k, 20_000), n)
  const canvas = page.locator(`canvas[data-testid=page-canvas][data-page="${n}"]`)
  // Drawn at the current zoom, not still showing the previous one: backing store matches the slot.
  await expect.poll(() => canvas.evaluate((el) => Math.abs((el as HTMLCanvasElement).width - parseFloat((el as HTMLCanvasElement).style.width) * devicePixelRatio) <= 1)).toBe(true)
  return page.locator(`canvas[data-testid=page-canvas][data-page="${n}"]`).evaluate((el) => {
    const c = el as HTMLCanvasElement
    const small = document.createElement('canvas')
    small.width = small.height = 24
    const ctx = small.getContext('2d')!
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(c, 0, 0, 24, 24)
    const d = ctx.getImageData(0, 0, 24, 24).data
    const grid: number[] = []
    for (let i = 0; i < d.length; i += 4) grid.push(Math.round((d[i]! + d[i + 1]! + d[i + 2]!) / 3))
    return { size: [c.width, c.height], drawnBy: c.dataset.drawnBy, grid }
  })
}

/** Every page at each zoom: 1 draws the 600-pixel-wide scans at about their own size, 0.5 decodes them at a reduced scale. */
const zooms = [1, 0.5]

async function openAndSummarise(page: Page, name: string) {
  await page.evaluate((n) => window.__caseReviewDesk.openCaseFile(n), name)
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  const out = []
  for (const zoom of zooms) {
    await page.evaluate((z) => window.__caseReviewDesk.viewer.setZoom(z), zoom)
    for (let n = 1; n <= layout.length; n++) out.push({ zoom, n, ...(await pageSummary(page, n)) })
  }
  await page.evaluate(() => window.__caseReviewDesk.goToLibrary())
  return out
}

test('single-JPEG scan pages are drawn without pdf.js, on the same pixels pdf.js would give', async ({ page }) => {
  await recordScaledDecodes(page)
  const { foreignRequests } = await openApp(page)
  // Page 1 as large as a real scan (decoded at a reduced scale); page 2 small enough that zoom 1 decodes it whole.
  const big = await enlargedJpeg(page, jpeg('某局处罚案卷-第1页.jpg'), 4)
  const pages: ScanPdfPage[] = [{ ...layout[0]!, jpeg: big, width: 2400, height: 3392, colorSpace: 'DeviceRGB' }, ...layout.slice(1)]
  // The same pages twice; in the reference every page also ends an empty path, which keeps all of them with pdf.js.
  const fast = writeScanPdf('扫描件.pdf', pages)
  const reference = writeScanPdf('对照件.pdf', pages.map((p) => ({ ...p, extraContent: `${p.extraContent ?? ''}\n0 0 1 1 re n` })))
  await importFiles(page, [fast, reference])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(2, 30_000))

  const ours = await openAndSummarise(page, '扫描件')
  const decodes = await scaledDecodes(page)
  const theirs = await openAndSummarise(page, '对照件')
  expect(ours.map((p) => p.drawnBy)).toEqual(zooms.flatMap(() => ['jpeg', 'jpeg', 'pdfjs']))
  expect(theirs.map((p) => p.drawnBy)).toEqual(zooms.flatMap(() => ['pdfjs', 'pdfjs', 'pdfjs']))
  for (const [i, p] of ours.entries()) {
    if (p.drawnBy !== 'jpeg') continue
    const label = `page ${p.n} at zoom ${p.zoom}`
    expect(p.size, `${label} canvas size`).toEqual(theirs[i]!.size)
    const diff = p.grid.reduce((sum, v, k) => sum + Math.abs(v - theirs[i]!.grid[k]!), 0) / p.grid.length
    // The page has content (not a blank white canvas), and both renderers agree on where it is.
    expect(Math.min(...p.grid), `${label} has dark pixels`).toBeLessThan(200)
    expect(diff, `${label} mean grey difference`).toBeLessThan(2)
  }
  // What was asked of ImageDecoder is n/8 of a scan (n < 8), and page 1 was decoded that way at reading size.
  const reduced = [...reducedSizes(2400, 3392), ...reducedSizes(600, 848)]
  expect(decodes.length).toBeGreaterThan(0)
  for (const size of decodes) expect(reduced, `decode size ${size}`).toContain(size)
  expect(decodes.filter((size) => Number(size.split('x')[0]) >= 595), `reading-size decodes among ${decodes.join(', ')}`).not.toEqual([])
  // Page 2 is turned by its /Rotate: wider than tall.
  expect(ours[1]!.size[0]).toBeGreaterThan(ours[1]!.size[1]!)

  // The reviewer's rotation goes through the same path.
  await page.evaluate((n) => window.__caseReviewDesk.openCaseFile(n), '扫描件')
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  await page.getByTestId('page-scroller').focus()
  await page.keyboard.press('r')
  await expect.poll(() => page.evaluate(() => window.__caseReviewDesk.viewer.rotation(1))).toBe(90)
  await expect
    .poll(() => page.locator('canvas[data-testid=page-canvas][data-page="1"]').evaluate((el) => [(el as HTMLCanvasElement).width > (el as HTMLCanvasElement).height, (el as HTMLCanvasElement).dataset.drawnBy]))
    .toEqual([true, 'jpeg'])
  expect(foreignRequests).toEqual([])
})

test('a long file drawn by pdf.js opens through its page-tree appendix and shows first and last pages', async ({ page }) => {
  await openApp(page)
  // 40 pages whose dictionaries sit 150 KB apart (as between 300 dpi images); each page also ends an empty path, so pdf.js draws it.
  const padded = new Uint8Array(jpeg('某局处罚案卷-第1页.jpg').length + 100_000)
  padded.set(jpeg('某局处罚案卷-第1页.jpg'))
  const path = writeScanPdf('长卷.pdf', Array.from({ length: 40 }, () => ({ jpeg: padded, width: 600, height: 848, colorSpace: 'DeviceGray', extraContent: '0 0 1 1 re n' })))
  await importFiles(page, [path])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1, 30_000))
  const stored = await page.evaluate(
    () =>
      new Promise<{ appendix: string | undefined; scanPages: number }>((ok, fail) => {
        const req = indexedDB.open('case-review-desk')
        req.onerror = () => fail(req.error)
        req.onsuccess = () => {
          const get = req.result.transaction('caseFiles').objectStore('caseFiles').getAll()
          get.onsuccess = () => {
            const c = (get.result as { pageTreeAppendix?: string; scanIndex?: { pages: unknown[] } }[])[0]!
            req.result.close()
            ok({ appendix: c.pageTreeAppendix, scanPages: c.scanIndex?.pages.filter(Boolean).length ?? -1 })
          }
        }
      }),
  )
  expect(stored.scanPages).toBe(0)
  expect(stored.appendix).toMatch(/%%EOF\n$/)
  await page.evaluate(() => window.__caseReviewDesk.openCaseFile('长卷'))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  for (const n of [1, 40]) {
    const s = await pageSummary(page, n)
    expect(s.drawnBy).toBe('pdfjs')
    expect(Math.min(...s.grid)).toBeLessThan(200)
  }
})

test('a PDF imported before scan indexing gets its index in the background on first open, and the next open uses it', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [writeScanPdf('旧卷.pdf', layout)])
  await page.evaluate(() => window.__caseReviewDesk.waitForLibraryCount(1, 30_000))
  // As stored by an earlier version: no scan index, no appendix.
  const editRecord = (drop: boolean) =>
    page.evaluate(
      (dropIt) =>
        new Promise<number>((ok, fail) => {
          const req = indexedDB.open('case-review-desk')
          req.onerror = () => fail(req.error)
          req.onsuccess = () => {
            const store = req.result.transaction('caseFiles', 'readwrite').objectStore('caseFiles')
            const get = store.getAll()
            get.onsuccess = () => {
              const c = (get.result as { scanIndex?: { pages: unknown[] } }[])[0]!
              const taken = c.scanIndex?.pages.filter(Boolean).length ?? -1
              if (dropIt) {
                delete c.scanIndex
                store.put(c)
              }
              store.transaction.oncomplete = () => {
                req.result.close()
                ok(taken)
              }
            }
          }
        }),
      drop,
    )
  expect(await editRecord(true)).toBe(2)
  await page.reload()
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  await page.evaluate(() => window.__caseReviewDesk.openCaseFile('旧卷'))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  await expect(page.locator('canvas[data-testid=page-canvas][data-page="1"]')).toHaveAttribute('data-drawn-by', 'pdfjs')
  await expect.poll(() => editRecord(false), { timeout: 20_000 }).toBe(2)
  await page.evaluate(() => window.__caseReviewDesk.goToLibrary())
  await page.evaluate(() => window.__caseReviewDesk.openCaseFile('旧卷'))
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1, 20_000))
  await expect(page.locator('canvas[data-testid=page-canvas][data-page="1"]')).toHaveAttribute('data-drawn-by', 'jpeg')
})
