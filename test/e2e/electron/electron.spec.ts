import { test, expect, _electron as electron } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/**
 * Finds the Electron binary without require('electron'), which would start a download
 * attempt on machines that cannot reach the internet.
 */
function electronBinary(): string | null {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathTxt = join(pkgDir, 'path.txt')
  const name = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron'
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), name)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

test.describe('Electron app', () => {
  test.skip(binary === null, 'Electron binary not installed on this machine (set ELECTRON_OVERRIDE_DIST_PATH to run these tests)')

  test('starts sandboxed, exposes only the contract, and shows the library', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [resolve(import.meta.dirname, '../../..')] })
    const window = await app.firstWindow()
    await expect(window.getByTestId('app-version')).toContainText('桌面版')
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { desktop: object }).desktop).sort())
    expect(exposed).toEqual(['getAppInfo', 'saveFile'])
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(window.url()).toMatch(/^app:\/\/bundle\//)
    await app.close()
  })
})
