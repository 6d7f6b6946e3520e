import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4173)

// Debian's Chromium, never a downloaded browser. The background-networking flags stop
// Chromium itself from trying to reach the internet, so the no-request check is about the app.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=Translate,OptimizationHints,MediaRouter']

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  workers: 1,
  // One retry on CI only: a 2-core machine under load occasionally misses a timing; a retried pass is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --config vite.web.config.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e/web',
      use: { browserName: 'chromium', launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs } },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
})
