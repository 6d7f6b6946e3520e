import { expect, type Page, type Request } from '@playwright/test'
import type { CaseReviewTestApi } from '../../../renderer/src/testApi'

declare global {
  interface Window {
    __caseReviewDesk: CaseReviewTestApi
  }
}

/**
 * Opens the app in automation mode and records every request that leaves the app's origin.
 * Each Playwright test has its own browser context, so the library starts empty.
 */
export const appOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`

export async function openApp(page: Page) {
  const foreign: string[] = []
  const onRequest = (req: Request) => {
    const url = new URL(req.url())
    if (url.origin !== appOrigin && url.protocol !== 'blob:' && url.protocol !== 'data:') foreign.push(req.url())
  }
  page.on('request', onRequest)
  await page.goto('/?e2e=1')
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
  return { foreignRequests: foreign }
}

export async function importFiles(page: Page, paths: string[]) {
  await page.getByTestId('import-input').setInputFiles(paths)
}

export async function canvasIsBlank(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const canvas = el as HTMLCanvasElement
    const ctx = canvas.getContext('2d')
    if (!ctx || canvas.width === 0 || canvas.height === 0) return true
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    for (let i = 0; i < data.length; i += 4 * 7) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) dark++
    return dark < 20
  })
}

export { expect }

/** Reloads and waits until the app has started again (the test API appears once the store is open). */
export async function reloadApp(page: Page) {
  await page.reload()
  await page.waitForFunction(() => window.__caseReviewDesk !== undefined)
}

/**
 * The keyboard-only path through a score sheet: N to the next unscored item, 1 for 符合
 * (bonus items get 5, 0 points and a reason), each step waiting until the item is saved.
 */
export async function finishSheetByKeyboard(page: Page) {
  await page.getByTestId('score-sheet').focus()
  for (let i = 0; i < 200; i++) {
    if ((await page.getByTestId('sheet-total').getAttribute('data-complete')) === 'true') return
    await page.keyboard.press('n')
    const selected = page.locator('[data-testid=sheet-row].selected')
    const itemId = await selected.getAttribute('data-item-id')
    if ((await selected.getByTestId('act-conforming').count()) > 0) await page.keyboard.press('1')
    else {
      await page.keyboard.press('5')
      await page.getByTestId('bonus-amount').fill('0')
      await page.getByTestId('reason-input').fill('无加分情形')
      await page.keyboard.press('Enter')
    }
    await expect(page.locator(`[data-testid=sheet-row][data-item-id="${itemId}"]`)).not.toHaveAttribute('data-status', 'unscored')
  }
  throw new Error('score sheet still incomplete after 200 keyboard steps')
}
