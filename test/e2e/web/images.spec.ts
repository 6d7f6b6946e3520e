import { test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { canvasIsBlank, expect, importFiles, openApp } from '../support/app'
import { corpusPath } from '../support/corpus'
import { enlargedJpeg, recordScaledDecodes, reducedSizes, scaledDecodes } from '../support/scaledDecode'

const images = (name: string) => resolve(import.meta.dirname, '../../fixtures/images', name)
const page1 = '[data-testid=page-canvas][data-page="1"]'

/** What the library stored for a case file, read straight from IndexedDB (the test API lists no sources). */
async function storedCase(page: Page, name: string) {
  return page.evaluate(async (caseName) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('case-review-desk')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const all = <T,>(store: string) =>
      new Promise<T[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll()
        req.onsuccess = () => ok(req.result as T[])
        req.onerror = () => fail(req.error)
      })
    const cases = await all<{ name: string; sources: { name: string; mime: string }[]; pages?: { source: number; frame: number; width: number; height: number }[] }>('caseFiles')
    const blobs = await all<unknown>('blobs')
    db.close()
    const hit = cases.find((c) => c.name === caseName)
    return { caseCount: cases.length, blobCount: blobs.length, sources: hit?.sources.map((s) => s.name), mimes: hit?.sources.map((s) => s.mime), pages: hit?.pages }
  }, name)
}

/** The colour of the page-1 canvas at a point given as fractions of its width and height. */
function colourAt(page: Page, fx: number, fy: number) {
  return page.locator(page1).evaluate(
    (el, [x, y]) => {
      const c = el as HTMLCanvasElement
      const d = c.getContext('2d')!.getImageData(Math.floor(c.width * x!), Math.floor(c.height * y!), 1, 1).data
      return [d[0], d[1], d[2]]
    },
    [fx, fy],
  )
}

const canvasSize = (page: Page) => page.locator(page1).evaluate((el) => [(el as HTMLCanvasElement).width, (el as HTMLCanvasElement).height])

test('JPEG and PNG pages chosen together become one case file, pages in natural order', async ({ page }) => {
  const { foreignRequests } = await openApp(page)
  // Chosen out of order on purpose: 第10页 must end up last, not second.
  await importFiles(page, ['某局处罚案卷-第10页.jpg', '某局处罚案卷-第2页.jpg', '某局处罚案卷-第3页.png', '某局处罚案卷-第1页.jpg'].map(images))
  await expect(page.getByTestId('import-info')).toHaveText(/已导入「某局处罚案卷」，共 4 页。/)
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  const row = page.getByTestId('library-row').first()
  await expect(row).toHaveAttribute('data-name', '某局处罚案卷')
  await expect(row.getByTestId('library-pages')).toHaveText('4')

  const stored = await storedCase(page, '某局处罚案卷')
  expect(stored.sources).toEqual(['某局处罚案卷-第1页.jpg', '某局处罚案卷-第2页.jpg', '某局处罚案卷-第3页.png', '某局处罚案卷-第10页.jpg'])
  expect(stored.mimes).toEqual(['image/jpeg', 'image/jpeg', 'image/png', 'image/jpeg'])
  expect(stored.pages).toEqual([0, 1, 2, 3].map((source) => ({ source, frame: 0, width: 600, height: 848 })))

  await row.getByTestId('open-case').click()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await expect(page.locator(`${page1}[data-rendered=true]`)).toBeVisible()
  expect(await canvasIsBlank(page, page1)).toBe(false)
  // The page's thick black border sits 20–26 px in from the edge of a 600 px page.
  expect((await colourAt(page, 23 / 600, 0.5)).every((c) => c! < 100)).toBe(true)
  expect((await colourAt(page, 0.5, 0.95)).every((c) => c! > 200)).toBe(true)
  await page.screenshot({ path: 'test-results/shots/images-jpeg-set.png' })
  expect(foreignRequests).toEqual([])
})

/** Page 1's canvas and the same JPEG decoded whole and drawn at the canvas's size, each as a 24 × 24 grid of grey levels. */
function page1AgainstFullDecode(page: Page, jpeg: Uint8Array) {
  return page.locator(page1).evaluate(async (el, bytes) => {
    const c = el as HTMLCanvasElement
    const full = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }))
    const reference = new OffscreenCanvas(c.width, c.height)
    const rctx = reference.getContext('2d')!
    rctx.imageSmoothingQuality = 'high'
    rctx.drawImage(full, 0, 0, c.width, c.height)
    const grid = (source: CanvasImageSource) => {
      const small = new OffscreenCanvas(24, 24)
      const ctx = small.getContext('2d')!
      ctx.imageSmoothingQuality = 'high'
      ctx.drawImage(source, 0, 0, 24, 24)
      const d = ctx.getImageData(0, 0, 24, 24).data
      const out: number[] = []
      for (let i = 0; i < d.length; i += 4) out.push((d[i]! + d[i + 1]! + d[i + 2]!) / 3)
      return out
    }
    const ours = grid(c)
    const theirs = grid(reference)
    return { width: c.width, minGrey: Math.min(...ours), meanDiff: ours.reduce((sum, v, k) => sum + Math.abs(v - theirs[k]!), 0) / ours.length }
  }, Array.from(jpeg))
}

test('a large JPEG page is decoded at a reduced scale for reading, and again larger after zooming in', async ({ page }) => {
  await recordScaledDecodes(page)
  await openApp(page)
  const big = await enlargedJpeg(page, new Uint8Array(readFileSync(images('某局处罚案卷-第1页.jpg'))), 4)
  const path = join(mkdtempSync(join(tmpdir(), 'images-')), '高清扫描-第1页.jpg')
  writeFileSync(path, big)
  await importFiles(page, [path])
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await page.getByTestId('open-case').click()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  await page.evaluate(() => window.__caseReviewDesk.viewer.setZoom('fit-width'))
  const reduced = reducedSizes(2400, 3392)
  const readingSize = async () => {
    const [w] = await canvasSize(page)
    const decodes = await scaledDecodes(page)
    for (const size of decodes) expect(reduced, `decode size ${size}`).toContain(size)
    return { width: w!, decodes, reading: decodes.filter((size) => Number(size.split('x')[0]) >= w! && Number(size.split('x')[0]) < 2400) }
  }
  // Fit-width on a 1400-pixel window is well under the scan's 2400 pixels.
  await expect.poll(async () => (await readingSize()).reading.length, { timeout: 10_000 }).toBeGreaterThan(0)
  const atFit = await readingSize()
  const fit = await page1AgainstFullDecode(page, big)
  expect(fit.width).toBeLessThan(1400)
  expect(fit.minGrey, 'the page has ink').toBeLessThan(200)
  expect(fit.meanDiff, 'mean grey difference from the full decode').toBeLessThan(2)

  // Zoomed in past what the first decode holds: decoded again, larger, never drawn up from the small one.
  await page.evaluate(() => window.__caseReviewDesk.viewer.setZoom(0.75))
  await expect.poll(async () => (await canvasSize(page))[0]).toBe(1800)
  await expect.poll(async () => (await scaledDecodes(page)).includes('1800x2544'), { timeout: 10_000 }).toBe(true)
  expect(atFit.decodes).not.toContain('1800x2544')
  const zoomed = await page1AgainstFullDecode(page, big)
  expect(zoomed.meanDiff).toBeLessThan(2)
})

test('a JPEG with EXIF orientation 6 is stored and shown upright', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [images('横拍-第1页.jpg')])
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  // Stored 848×600 (landscape); upright it is a 600×848 portrait page.
  expect((await storedCase(page, '横拍-第1页')).pages).toEqual([{ source: 0, frame: 0, width: 600, height: 848 }])
  await page.getByTestId('open-case').click()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  const [w, h] = await canvasSize(page)
  expect(w!).toBeLessThan(h!)
  // Upright, the heading is at the top left: dark ink there, paper at the bottom right.
  expect(await canvasIsBlank(page, page1)).toBe(false)
  await page.screenshot({ path: 'test-results/shots/images-exif-upright.png' })
})

test('a CCITT G4 multi-page TIFF becomes one case file with a page per frame, drawn and rotated', async ({ page }) => {
  const { foreignRequests } = await openApp(page)
  await importFiles(page, [images('扫描件-G4.tif')])
  await expect(page.getByTestId('import-info')).toHaveText(/已导入「扫描件-G4」，共 3 页。/)
  const row = page.getByTestId('library-row').first()
  await expect(row.getByTestId('library-pages')).toHaveText('3')
  expect((await storedCase(page, '扫描件-G4')).pages).toEqual([
    { source: 0, frame: 0, width: 1240, height: 1754 },
    { source: 0, frame: 1, width: 1240, height: 1754 },
    { source: 0, frame: 2, width: 1754, height: 1240 },
  ])

  await row.getByTestId('open-case').click()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  expect(await canvasIsBlank(page, page1)).toBe(false)
  const [w, h] = await canvasSize(page)
  expect(Math.abs(w! / h! - 1240 / 1754)).toBeLessThan(0.01)
  // The frame's black square covers pixels 100–299 of 1240 × 1754; its centre is black, the top middle is paper.
  expect(await colourAt(page, 200 / 1240, 200 / 1754)).toEqual([0, 0, 0])
  expect(await colourAt(page, 0.6, 0.03)).toEqual([255, 255, 255])
  // Decoded off the main thread, so a long scan does not stall scrolling.
  expect(page.workers().some((w) => w.url().includes('tiffWorker'))).toBe(true)
  await page.screenshot({ path: 'test-results/shots/images-g4-page1.png' })

  // A quarter turn clockwise: the page lies on its side and the square moves to the top right.
  await page.getByTestId('rotate-cw').click()
  await expect.poll(async () => {
    const [rw, rh] = await canvasSize(page)
    return rw! > rh!
  }).toBe(true)
  await expect.poll(() => colourAt(page, 1 - 200 / 1754, 200 / 1240)).toEqual([0, 0, 0])
  expect(await colourAt(page, 200 / 1754, 200 / 1240)).toEqual([255, 255, 255])
  await page.screenshot({ path: 'test-results/shots/images-g4-rotated.png' })
  expect(foreignRequests).toEqual([])
})

test('a colour LZW TIFF shows its colours', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [images('彩色-LZW.tif')])
  await expect(page.getByTestId('library-pages')).toHaveText('2')
  await page.getByTestId('open-case').click()
  await page.evaluate(() => window.__caseReviewDesk.waitForPageRendered(1))
  const [r, g, b] = await colourAt(page, 120 / 480, 120 / 360)
  expect(r!).toBeGreaterThan(200)
  expect(g!).toBeLessThan(30)
  expect(b!).toBeLessThan(30)
})

test('a corrupt JPEG is refused in Chinese and nothing is stored, even with good pages beside it', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [images('损坏.jpg')])
  await expect(page.getByTestId('import-error')).toContainText('「损坏.jpg」已损坏或不完整')
  await expect(page.getByTestId('library-empty')).toBeVisible()

  await importFiles(page, [images('某局处罚案卷-第1页.jpg'), images('损坏.jpg'), images('某局处罚案卷-第2页.jpg')])
  await expect(page.getByTestId('import-error')).toContainText('同一批选择的 3 个图片文件均未导入')
  await expect(page.getByTestId('library-empty')).toBeVisible()
  const stored = await storedCase(page, '某局处罚案卷')
  expect([stored.caseCount, stored.blobCount]).toEqual([0, 0])
  await page.screenshot({ path: 'test-results/shots/images-corrupt-refused.png' })
})

test('a folder imported through the folder input is one case file named after the folder', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('import-folder-input').setInputFiles(images('张三违法建设案'))
  await expect(page.getByTestId('library-row')).toHaveCount(1)
  await expect(page.getByTestId('library-row').first()).toHaveAttribute('data-name', '张三违法建设案')
  await expect(page.getByTestId('library-pages')).toHaveText('2')
  expect((await storedCase(page, '张三违法建设案')).sources).toEqual(['001.png', '002.png'])
})

test('PDFs in the same selection as images are still imported one by one', async ({ page }) => {
  await openApp(page)
  await importFiles(page, [corpusPath('issue7229.pdf'), images('扫描件-G4.tif'), images('彩色-LZW.tif')])
  await expect(page.getByTestId('library-row')).toHaveCount(2)
  const names = (await page.evaluate(() => window.__caseReviewDesk.listCaseFiles())).map((c) => [c.name, c.pageCount]).sort()
  expect(names).toEqual([
    ['issue7229', 2],
    ['彩色-LZW', 5],
  ])
  await page.screenshot({ path: 'test-results/shots/images-library.png' })
})
