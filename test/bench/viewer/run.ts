// `npm run bench:viewer [-- --quick] [-- --no-build] [-- --runs N]`: the viewer benchmark.
// Generates image-only scan PDFs, imports them through the real file input, and measures the
// viewer against bare pdf.js in the same Chromium. Prints one JSON object; progress goes to stderr.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import type { CaseReviewTestApi } from '../../../renderer/src/testApi'
import { startBareServer } from './bareServer'
import { ensureJpegs, ensurePdf, PDFJS_PATH_CONTENT, SCAN, TARGET_JPEG_BYTES, VARIANTS } from './generate'
import { findPidByArg, treeMemory, type TreeMemory } from './procMemory'

declare global {
  interface Window {
    __caseReviewDesk: CaseReviewTestApi
    __bench: { waitRendered(page: number, timeoutMs: number): Promise<number>; heapMb(): number }
    bare: {
      url(url: string, opts: BareOpts): Promise<BareResult>
      file(opts: BareOpts): Promise<BareResult>
    }
    bareReady?: boolean
    __benchKeyDown?: number
    __benchWait?: Promise<number>
  }
}
interface BareOpts {
  scale: number
  pixelRatio: number
  rangeChunkSize?: number
  getDocument?: Record<string, unknown>
}
interface BareResult {
  ms: number
  openMs: number
  getPageMs: number
  renderMs: number
  canvas: [number, number]
  rangeRequests?: number
  bytesRead?: number
}

/** What the app's openPdf passes pdf.js beyond the baseline's options; keep in step with renderer/src/pdf/openPdf.ts. */
const APP_PDFJS = { rangeChunkSize: 1 << 16, getDocument: { isImageDecoderSupported: true } }
const ROOT = resolve(import.meta.dirname, '../../..')
const DATA = join(ROOT, 'test/bench/.data')
const argv = process.argv.slice(2)
const QUICK = argv.includes('--quick')
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || (QUICK ? 3 : 5)
const SIZES = QUICK ? { flip: 40, scroll: 100, small: 10, large: 100 } : { flip: 400, scroll: 1000, small: 10, large: 1000 }
const FLIPS = 50
/** Time on each page in the reading-pace flips: a quick glance, far shorter than reviewing a page. */
const READING_DWELL_MS = 500
/**
 * The scroll-through stops once the launched Chromium's processes hold this much (PSS): a viewer that
 * keeps every decoded 300 dpi page (35 MB each) would otherwise take the whole machine down with it.
 */
const MEM_CAP_MB = 1024 * (Number(argv[argv.indexOf('--mem-cap-gb') + 1]) || 8)
const SCROLL_STEP = 1
const TARGETS = { firstPageRatio: 1.15, largeSmallRatio: 1.5, flipP95Ms: 120, heapMb: 400 }
// Same switches as playwright.config.ts (keep Chromium from reaching the network), plus exact heap numbers.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=Translate,OptimizationHints,MediaRouter', '--enable-precise-memory-info']
const VIEWPORT = { width: 1400, height: 900 }
/** tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it defined there. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f'

const started = Date.now()
const log = (msg: string) => process.stderr.write(`[bench:viewer ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`)
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const median = (xs: number[]) => {
  const s = sorted(xs)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
/** Nearest-rank percentile: with 50 samples p95 is the 48th smallest. */
const pct = (xs: number[], p: number) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!
const countBy = (xs: string[]) => Object.fromEntries([...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length]))
const stats = (xs: number[]) => ({ n: xs.length, median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), runs: xs.map((x) => round(x)) })

async function freePort(): Promise<number> {
  return new Promise((r, j) => {
    const s = createServer()
    s.once('error', j)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => r(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Runs in every app page before its scripts: precise waits that do not poll. */
function benchHelpers() {
  const rendered = (k: number) => document.querySelector(`canvas[data-testid="page-canvas"][data-page="${k}"][data-rendered="true"]`) !== null
  window.__bench = {
    waitRendered: (k, timeoutMs) =>
      new Promise((resolve, reject) => {
        if (rendered(k)) return resolve(performance.now())
        const mo = new MutationObserver(() => {
          if (!rendered(k)) return
          mo.disconnect()
          clearTimeout(timer)
          resolve(performance.now())
        })
        const timer = setTimeout(() => {
          mo.disconnect()
          reject(new Error(`page ${k} not rendered after ${timeoutMs} ms`))
        }, timeoutMs)
        mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] })
      }),
    heapMb: () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20,
  }
  addEventListener('keydown', () => (window.__benchKeyDown = performance.now()), { capture: true })
}

async function main() {
  mkdirSync(DATA, { recursive: true })
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return 'unknown'
    }
  }
  const commit = git(['rev-parse', '--short', 'HEAD'])
  const dirty = git(['status', '--porcelain', '--', 'renderer']) !== ''

  if (!argv.includes('--no-build')) {
    log('building the renderer (npx electron-vite build)')
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const port = await freePort()
  const preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.web.config.ts', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  const appOrigin = `http://127.0.0.1:${port}`
  const marker = `--bench-viewer-run=${process.pid}-${Date.now()}`
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, marker] })
  const browserPid = findPidByArg(marker)
  const mem = (): TreeMemory | null => (browserPid ? treeMemory(browserPid) : null)
  let bareServer: Awaited<ReturnType<typeof startBareServer>> | null = null
  try {
    await waitForHttp(appOrigin + '/', 30_000)

    log('generating data (reused when present)')
    const jpegs = await ensureJpegs(browser, DATA, log)
    const files = {
      flip: ensurePdf(jpegs, DATA, SIZES.flip, log),
      scroll: ensurePdf(jpegs, DATA, SIZES.scroll, log),
      small: ensurePdf(jpegs, DATA, SIZES.small, log),
      large: ensurePdf(jpegs, DATA, SIZES.large, log),
      smallPdfjs: ensurePdf(jpegs, DATA, SIZES.small, log, true),
      largePdfjs: ensurePdf(jpegs, DATA, SIZES.large, log, true),
    }
    const unique = [...new Map(Object.values(files).map((f) => [f.path, f])).values()]
    bareServer = await startBareServer(ROOT, unique.map((f) => f.path))

    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })
    await context.addInitScript(NAME_SHIM)
    await context.addInitScript(benchHelpers)
    const app = await context.newPage()
    app.on('console', (m) => m.type() === 'error' && log(`app console: ${m.text()}`))
    app.on('pageerror', (e) => log(`app error: ${e.message}`))
    app.on('crash', () => log('app page crashed'))
    await app.goto(`${appOrigin}/?e2e=1`)
    await app.waitForFunction(() => window.__caseReviewDesk !== undefined)
    const appVersion = await app.evaluate(() => window.__caseReviewDesk.version())

    // Import through the real <input type=file>, one PDF at a time so each gets its own time.
    const imports: { name: string; bytes: number; ms: number }[] = []
    for (const [i, f] of unique.entries()) {
      log(`importing ${f.name} (${(f.bytes / 2 ** 20).toFixed(0)} MiB)`)
      const t = Date.now()
      await app.getByTestId('import-input').setInputFiles(f.path)
      await app.evaluate(([n, ms]) => window.__caseReviewDesk.waitForLibraryCount(n, ms), [i + 1, 900_000] as const)
      imports.push({ name: f.name, bytes: f.bytes, ms: Date.now() - t })
      const errors = await app.getByTestId('import-error').allTextContents()
      if (errors.length) throw new Error(`import refused: ${errors.join(' / ')}`)
    }
    const library = await app.evaluate(() => window.__caseReviewDesk.listCaseFiles())
    for (const f of unique) {
      const row = library.find((c) => c.name === f.name)
      if (!row || row.size !== f.bytes) throw new Error(`library holds ${JSON.stringify(row)} for ${f.name}, expected ${f.bytes} bytes`)
    }
    log(`imported: ${imports.map((x) => `${x.name} ${(x.ms / 1000).toFixed(1)} s`).join(', ')}`)

    const backToLibrary = async () => {
      await app.evaluate(() => window.__caseReviewDesk.goToLibrary())
      await app.getByTestId('library-table').waitFor()
    }
    /** openCaseFile → waitForPageRendered(1), in the page. `precise` is the same open seen by a MutationObserver on page 1's canvas, a check on the contract API's own timing. */
    const appFirstPage = async (name: string) => {
      await app.bringToFront()
      const r = await app.evaluate(async (n) => {
        const api = window.__caseReviewDesk
        const t0 = performance.now()
        const seen = window.__bench.waitRendered(1, 120_000)
        await api.openCaseFile(n)
        await api.waitForPageRendered(1, 120_000)
        const t1 = performance.now()
        return { ms: t1 - t0, preciseMs: (await seen) - t0, scale: api.viewer.scale(), pixelRatio: devicePixelRatio, canvas: (() => { const c = document.querySelector<HTMLCanvasElement>('canvas[data-testid="page-canvas"][data-page="1"]'); return c ? [c.width, c.height] : null })(), drawnBy: document.querySelector<HTMLCanvasElement>('canvas[data-testid="page-canvas"][data-page="1"]')?.dataset.drawnBy ?? 'unknown' }
      }, name)
      await backToLibrary()
      return r
    }

    const bare = await context.newPage()
    bare.on('pageerror', (e) => log(`bare error: ${e.message}`))
    const bareFirstPage = async (path: string, kind: 'url' | 'file', opts: BareOpts): Promise<BareResult> => {
      // A fresh document each time, as the app's viewer page is fresh for each open.
      await bare.goto(`${bareServer!.origin}/bare.html`)
      await bare.waitForFunction(() => window.bareReady === true)
      await bare.bringToFront()
      let result: BareResult
      if (kind === 'file') {
        await bare.locator('#file').setInputFiles(path)
        result = await bare.evaluate((o) => window.bare.file(o), opts)
      } else {
        result = await bare.evaluate(([u, o]) => window.bare.url(u, o), [bareServer!.urlOf(path), opts] as const)
      }
      // Nothing of this run (document, worker, their memory) stays running beside the app's next open.
      await bare.goto('about:blank')
      return result
    }

    /** App and bare pdf.js on one file, interleaved so drift (page cache, thermals) hits both alike; one warm-up each. */
    const compareFirstPage = async (f: { path: string; name: string; bytes: number }) => {
      log(`first page: ${f.name}`)
      const warm = await appFirstPage(f.name)
      const opts = { scale: warm.scale, pixelRatio: warm.pixelRatio }
      await bareFirstPage(f.path, 'url', opts)
      const appRuns: Awaited<ReturnType<typeof appFirstPage>>[] = []
      const urlRuns: BareResult[] = []
      const fileRuns: BareResult[] = []
      const tunedRuns: BareResult[] = []
      for (let r = 0; r < RUNS; r++) {
        appRuns.push(await appFirstPage(f.name))
        urlRuns.push(await bareFirstPage(f.path, 'url', { ...opts, rangeChunkSize: 65536 }))
        fileRuns.push(await bareFirstPage(f.path, 'file', { ...opts, ...APP_PDFJS }))
        tunedRuns.push(await bareFirstPage(f.path, 'url', { ...opts, ...APP_PDFJS }))
      }
      const out = {
        file: f.name,
        bytes: f.bytes,
        scale: round(warm.scale, 4),
        pixelRatio: warm.pixelRatio,
        appCanvasPx: warm.canvas,
        appPage1DrawnBy: countBy(appRuns.map((x) => x.drawnBy)),
        bareCanvasPx: urlRuns[0]!.canvas,
        appMs: stats(appRuns.map((x) => x.ms)),
        appPreciseMs: stats(appRuns.map((x) => x.preciseMs)),
        barePdfjsHttpMs: stats(urlRuns.map((x) => x.ms)),
        barePdfjsHttpPhasesMedianMs: { open: round(median(urlRuns.map((x) => x.openMs))), getPage: round(median(urlRuns.map((x) => x.getPageMs))), render: round(median(urlRuns.map((x) => x.renderMs))) },
        barePdfjsFileMs: stats(fileRuns.map((x) => x.ms)),
        barePdfjsFilePhasesMedianMs: { open: round(median(fileRuns.map((x) => x.openMs))), getPage: round(median(fileRuns.map((x) => x.getPageMs))), render: round(median(fileRuns.map((x) => x.renderMs))) },
        barePdfjsFileRangeReads: { requests: fileRuns[0]!.rangeRequests, bytes: fileRuns[0]!.bytesRead },
        barePdfjsHttpAppOptionsMs: stats(tunedRuns.map((x) => x.ms)),
      }
      log(`  app ${out.appMs.median} ms (precise ${out.appPreciseMs.median}), bare http ${out.barePdfjsHttpMs.median} ms, bare file ${out.barePdfjsFileMs.median} ms`)
      return out
    }

    const fpMain = await compareFirstPage(files.flip)
    const fpSmall = await compareFirstPage(files.small)
    const fpLarge = files.large.path === files.flip.path ? fpMain : await compareFirstPage(files.large)
    await bare.close()

    /** The app only, small and large opened alternately after one warm-up each, so drift hits both alike. */
    const interleavedFirstPages = async (small: string, large: string) => {
      const runs = { small: [] as Awaited<ReturnType<typeof appFirstPage>>[], large: [] as Awaited<ReturnType<typeof appFirstPage>>[] }
      await appFirstPage(small)
      await appFirstPage(large)
      for (let r = 0; r < RUNS; r++) {
        runs.small.push(await appFirstPage(small))
        runs.large.push(await appFirstPage(large))
      }
      return { runs, small: stats(runs.small.map((x) => x.ms)), large: stats(runs.large.map((x) => x.ms)) }
    }
    // The pass/fail ratio: measured beside the bare runs above, the large file's opens came right after pdf.js had read 1 GB in the same browser.
    log(`first page, app only: ${files.small.name} vs ${files.large.name}`)
    const scanPath = await interleavedFirstPages(files.small.name, files.large.name)
    log(`  scan path: small ${scanPath.small.median} ms, large ${scanPath.large.median} ms`)
    /** The same files with every page left to pdf.js. */
    log(`first page through pdf.js: ${files.smallPdfjs.name} vs ${files.largePdfjs.name}`)
    const pdfjsPath = await interleavedFirstPages(files.smallPdfjs.name, files.largePdfjs.name)
    log(`  pdf.js path: small ${pdfjsPath.small.median} ms, large ${pdfjsPath.large.median} ms`)

    // Flips on the 400-page file at fit-width: API first, then the real keyboard from where it stopped.
    log(`flips: ${files.flip.name}`)
    await app.evaluate(async (n) => {
      await window.__caseReviewDesk.openCaseFile(n)
      await window.__caseReviewDesk.waitForPageRendered(1, 120_000)
      window.__caseReviewDesk.viewer.setZoom('fit-width')
    }, files.flip.name)
    // Let the first screenful of thumbnails finish so flip 1 is not charged for opening work.
    await app.waitForTimeout(2000)
    // API, keyboard and reading-pace flips each take their own pages.
    const flipCount = Math.min(FLIPS, Math.floor((SIZES.flip - 1) / 3))
    const apiFlips = await app.evaluate(async (count) => {
      const api = window.__caseReviewDesk
      const out: { ms: number; preciseMs: number; wasPrerendered: boolean; drawnBy: string }[] = []
      for (let k = 1; k <= count; k++) {
        const pre = document.querySelector(`canvas[data-testid="page-canvas"][data-page="${k + 1}"][data-rendered="true"]`) !== null
        const t0 = performance.now()
        api.viewer.goToPage(k + 1)
        const seen = window.__bench.waitRendered(k + 1, 60_000)
        await api.waitForPageRendered(k + 1, 60_000)
        const t1 = performance.now()
        const drawnBy = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="page-canvas"][data-page="${k + 1}"]`)?.dataset.drawnBy ?? 'unknown'
        out.push({ ms: t1 - t0, preciseMs: (await seen) - t0, wasPrerendered: pre, drawnBy })
      }
      return out
    }, flipCount)
    await app.getByTestId('page-scroller').focus()
    const keyFlips: { ms: number; wasPrerendered: boolean; page: number }[] = []
    const readingFlips: typeof keyFlips = []
    for (let k = 0; k < 2 * flipCount; k++) {
      // The second half pauses on each page first, as a reviewer glancing at every page would.
      const reading = k >= flipCount
      if (reading) await app.waitForTimeout(READING_DWELL_MS)
      const target = await app.evaluate(() => {
        const next = window.__caseReviewDesk.viewer.currentPage() + 1
        // On screen: drawn, scrolled to, and one frame later (a page drawn ahead of time still has to be shown).
        const shown = new Promise<void>((resolve) => {
          const check = () => (window.__caseReviewDesk.viewer.currentPage() === next ? resolve() : requestAnimationFrame(check))
          check()
        })
        window.__benchWait = Promise.all([window.__bench.waitRendered(next, 60_000), shown]).then(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))))
        return { next, pre: document.querySelector(`canvas[data-testid="page-canvas"][data-page="${next}"][data-rendered="true"]`) !== null }
      })
      await app.keyboard.press('j')
      const ms = await app.evaluate(async () => (await window.__benchWait!) - window.__benchKeyDown!)
      ;(reading ? readingFlips : keyFlips).push({ ms, wasPrerendered: target.pre, page: target.next })
    }
    const flipSummary = (xs: number[]) => ({ n: xs.length, p50: round(pct(xs, 50)), p95: round(pct(xs, 95)), max: round(Math.max(...xs)) })
    const flips = {
      file: files.flip.name,
      zoom: 'fit-width',
      scale: round(await app.evaluate(() => window.__caseReviewDesk.viewer.scale()), 4),
      api: { ...flipSummary(apiFlips.map((x) => x.ms)), prerendered: apiFlips.filter((x) => x.wasPrerendered).length, drawnBy: countBy(apiFlips.map((x) => x.drawnBy)), runs: apiFlips.map((x) => round(x.ms)) },
      apiPrecise: { ...flipSummary(apiFlips.map((x) => x.preciseMs)), runs: apiFlips.map((x) => round(x.preciseMs)) },
      keyboard: { ...flipSummary(keyFlips.map((x) => x.ms)), prerendered: keyFlips.filter((x) => x.wasPrerendered).length, pages: `${keyFlips[0]?.page}..${keyFlips.at(-1)?.page}`, runs: keyFlips.map((x) => round(x.ms)) },
      keyboardReadingPace: { dwellMs: READING_DWELL_MS, ...flipSummary(readingFlips.map((x) => x.ms)), prerendered: readingFlips.filter((x) => x.wasPrerendered).length, pages: `${readingFlips[0]?.page}..${readingFlips.at(-1)?.page}`, runs: readingFlips.map((x) => round(x.ms)) },
    }
    log(`  api p50 ${flips.api.p50} p95 ${flips.api.p95}; precise p95 ${flips.apiPrecise.p95}; keyboard p50 ${flips.keyboard.p50} p95 ${flips.keyboard.p95}; reading pace p50 ${flips.keyboardReadingPace.p50} p95 ${flips.keyboardReadingPace.p95}`)
    await backToLibrary()

    // Scroll through every page of the 1,000-page file, sampling heap, canvases and process memory.
    log(`scroll-through: ${files.scroll.name}`)
    const cdp = await context.newCDPSession(app)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.enable')
    await app.evaluate(async (n) => {
      await window.__caseReviewDesk.openCaseFile(n)
      await window.__caseReviewDesk.waitForPageRendered(1, 120_000)
    }, files.scroll.name)
    const heapAtOpen = await app.evaluate(() => window.__bench.heapMb())
    const memAtOpen = mem()
    const samples: { page: number; heapMb: number; canvases: number; waitMs: number }[] = []
    const memSamples: { page: number; mem: TreeMemory | null }[] = []
    const BATCH = 10
    let stoppedByMemoryCap: { atPage: number; pssMb: number } | null = null
    for (let from = 1; from <= SIZES.scroll; from += BATCH * SCROLL_STEP) {
      const batch = await app.evaluate(
        async ([start, stop, step]) => {
          const api = window.__caseReviewDesk
          const out: { page: number; heapMb: number; canvases: number; waitMs: number }[] = []
          for (let k = start; k <= stop; k += step) {
            const t0 = performance.now()
            api.viewer.goToPage(k)
            await window.__bench.waitRendered(k, 60_000)
            out.push({ page: k, waitMs: performance.now() - t0, heapMb: window.__bench.heapMb(), canvases: api.viewer.liveCanvasCount() })
          }
          return out
        },
        [from, Math.min(SIZES.scroll, from + BATCH * SCROLL_STEP - 1), SCROLL_STEP] as const,
      )
      samples.push(...batch)
      const m = mem()
      memSamples.push({ page: batch.at(-1)!.page, mem: m })
      const last = samples.at(-1)!
      if (last.page % 50 === 0 || (m && m.totalPssMb > MEM_CAP_MB)) log(`  page ${last.page}: heap ${last.heapMb.toFixed(1)} MB, ${last.canvases} canvases, process tree ${m?.totalPssMb ?? '?'} MB ${JSON.stringify(m?.top ?? [])}`)
      if (m && m.totalPssMb > MEM_CAP_MB) {
        stoppedByMemoryCap = { atPage: last.page, pssMb: m.totalPssMb }
        log(`  stopping: the browser holds ${m.totalPssMb} MB, over the ${MEM_CAP_MB} MB cap`)
        break
      }
    }
    const beforeGc = await app.evaluate(() => ({ heapMb: window.__bench.heapMb(), canvases: window.__caseReviewDesk.viewer.liveCanvasCount() }))
    await cdp.send('HeapProfiler.collectGarbage')
    await app.waitForTimeout(500)
    const afterGc = await app.evaluate(() => ({ heapMb: window.__bench.heapMb(), canvases: window.__caseReviewDesk.viewer.liveCanvasCount() }))
    const metrics = Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]))
    const memFinal = mem()
    const peakHeap = Math.max(...samples.map((s) => s.heapMb))
    const canvasCounts = samples.map((s) => s.canvases)
    const waits = samples.map((s) => s.waitMs)
    const pssSeries = memSamples.map((m) => m.mem?.totalPssMb ?? 0)
    const scroll = {
      file: files.scroll.name,
      pagesVisited: samples.length,
      step: SCROLL_STEP,
      heapMb: { atOpen: round(heapAtOpen), peak: round(peakHeap), peakAtPage: samples.find((s) => s.heapMb === peakHeap)!.page, finalBeforeGc: round(beforeGc.heapMb), finalAfterGc: round(afterGc.heapMb), cdpJSHeapUsedSizeMb: round((metrics.JSHeapUsedSize ?? 0) / 2 ** 20) },
      liveCanvases: { peak: Math.max(...canvasCounts), final: afterGc.canvases, min: Math.min(...canvasCounts), histogram: Object.fromEntries([...new Set(canvasCounts)].sort((a, b) => a - b).map((c) => [c, canvasCounts.filter((x) => x === c).length])) },
      domNodes: metrics.Nodes,
      completed: stoppedByMemoryCap === null,
      stoppedByMemoryCap,
      processTreePssMb: {
        atOpen: memAtOpen?.totalPssMb ?? null,
        peak: pssSeries.length ? Math.max(...pssSeries) : null,
        final: memFinal?.totalPssMb ?? null,
        largestProcessesFinal: memFinal?.top ?? null,
        growthPerPageMb: memAtOpen && pssSeries.length ? round((pssSeries.at(-1)! - memAtOpen.totalPssMb) / samples.length) : null,
        everyTenPages: pssSeries.map((x) => Math.round(x)),
      },
      pageWaitMs: { p50: round(pct(waits, 50)), p95: round(pct(waits, 95)), max: round(Math.max(...waits)) },
    }
    log(`  peak heap ${scroll.heapMb.peak} MB, final ${scroll.heapMb.finalAfterGc} MB; canvases peak ${scroll.liveCanvases.peak}`)
    await cdp.detach()
    await backToLibrary()

    const firstPageRatio = fpMain.appMs.median / fpMain.barePdfjsHttpMs.median
    const largeSmallRatio = scanPath.large.median / scanPath.small.median
    const sizeList = jpegs.sizes
    const result = {
      benchmark: 'viewer',
      mode: QUICK ? 'quick' : 'full',
      startedAt: new Date(started).toISOString(),
      durationS: 0,
      app: { version: appVersion, commit, rendererHasUncommittedChanges: dirty, origin: appOrigin },
      machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGb: round(totalmem() / 2 ** 30), node: process.version, chromium: browser.version(), headless: true, gpu: false, viewport: VIEWPORT },
      data: {
        page: { pixels: `${SCAN.width}x${SCAN.height}`, dpi: 300, pointSize: 'A4 595x842', encoding: 'JPEG (/DCTDecode, DeviceRGB) from Chromium canvas.toBlob', jpegQuality: round(jpegs.quality, 3), bytesPerPage: { target: TARGET_JPEG_BYTES, min: Math.min(...sizeList), mean: Math.round(sizeList.reduce((a, b) => a + b, 0) / sizeList.length), max: Math.max(...sizeList) } },
        variants: VARIANTS,
        variantNote: `${VARIANTS} distinct page images are cycled: page k shows image ((k-1) mod ${VARIANTS})+1, labelled 样张 n, not its own page number. Every page embeds its own copy (no shared XObject), so bytes, parsing and decoding are per page.`,
        layout: 'per page: image XObject, content stream, page object; page tree, catalog and a classic xref table at the end',
        files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, { name: f.name, pages: SIZES[k.replace(/Pdfjs$/, '') as keyof typeof SIZES], bytes: f.bytes, mb: round(f.bytes / 1e6) }])),
      },
      import: {
        how: "page.getByTestId('import-input').setInputFiles(path), then waitForLibraryCount; ms from setInputFiles to the library count rising (sniff, open check, SHA-256 of every byte, IndexedDB write)",
        setInputFilesFromDisk: 'ok: Playwright hands a local browser the file path (CDP DOM.setFileInputFiles), Chromium reads the file itself; the library row size equals the file size for every file',
        files: imports.map((x) => ({ ...x, mbPerS: round(x.bytes / 1e6 / (x.ms / 1000)) })),
      },
      firstPage: {
        measures: {
          appMs: 'in the app page: performance.now() around openCaseFile(name) → waitForPageRendered(1) (the contract API, which resolves when the viewer marks the page drawn); from the library page, the Blob in IndexedDB',
          appPreciseMs: 'the same opens, ending when a MutationObserver sees page 1 canvas get data-rendered="true" (no poll)',
          barePdfjsHttpMs: 'a separate minimal page (same Chromium, same context, own loopback server with Range support) using pdfjs-dist build pdf.min.mjs + pdf.worker.min.mjs (the files the app bundles): getDocument({url, rangeChunkSize: 65536, disableAutoFetch, disableStream}) → getPage(1) → render into a visible canvas at the app\'s fit-width scale × devicePixelRatio; fresh page load and worker per run',
          barePdfjsFileMs: 'as barePdfjsHttp, but the PDF is a File from an <input> read by Blob.slice ranges with the app\'s pdf.js options (APP_PDFJS), like the app\'s BlobRangeTransport: isolates IndexedDB and app overhead from transport and options',
          barePdfjsHttpAppOptionsMs: 'as barePdfjsHttp, with the app\'s pdf.js options (64 KiB chunks, isImageDecoderSupported) instead of pdf.js defaults',
          barePdfjsFileRangeReads: 'range requests pdf.js made (and bytes they covered) to open the file and draw page 1, file variant',
          ratio: 'median appMs / median barePdfjsHttpMs on the same file',
          runs: `${RUNS} per variant after one warm-up, app and bare interleaved`,
        },
        ...fpMain,
        ratio: round(firstPageRatio, 3),
        ratioPrecise: round(fpMain.appPreciseMs.median / fpMain.barePdfjsHttpMs.median, 3),
        ratioVsFileVariant: round(fpMain.appMs.median / fpMain.barePdfjsFileMs.median, 3),
        target: TARGETS.firstPageRatio,
        pass: firstPageRatio <= TARGETS.firstPageRatio,
      },
      largeVsSmall: {
        measures: `median app first-page time (as firstPage.appMs) on the large file divided by the same on the small file, the two opened alternately, ${RUNS} runs each after one warm-up, nothing else running (ratio); ratioBesideBare is the same from the runs interleaved with bare pdf.js below (small, large), where each large-file open follows pdf.js reading the 1 GB file in the same browser`,
        appOnly: { small: { file: files.small.name, appMs: scanPath.small, drawnBy: countBy(scanPath.runs.small.map((x) => x.drawnBy)) }, large: { file: files.large.name, appMs: scanPath.large, drawnBy: countBy(scanPath.runs.large.map((x) => x.drawnBy)) } },
        ratio: round(largeSmallRatio, 3),
        ratioPrecise: round(stats(scanPath.runs.large.map((x) => x.preciseMs)).median / stats(scanPath.runs.small.map((x) => x.preciseMs)).median, 3),
        ratioBesideBare: round(fpLarge.appMs.median / fpSmall.appMs.median, 3),
        small: fpSmall,
        large: fpLarge,
        barePdfjsHttpRatio: round(fpLarge.barePdfjsHttpMs.median / fpSmall.barePdfjsHttpMs.median, 3),
        target: TARGETS.largeSmallRatio,
        pass: largeSmallRatio <= TARGETS.largeSmallRatio,
        pdfjsPath: {
          measures: `the same page images, but every page also ends an empty path (${JSON.stringify(PDFJS_PATH_CONTENT.trim())}) so the scan fast path declines it and pdf.js draws it, opened with the page-tree appendix; app first-page time as above, ${RUNS} runs each after one warm-up`,
          small: { file: files.smallPdfjs.name, bytes: files.smallPdfjs.bytes, appMs: pdfjsPath.small, drawnBy: countBy(pdfjsPath.runs.small.map((x) => x.drawnBy)) },
          large: { file: files.largePdfjs.name, bytes: files.largePdfjs.bytes, appMs: pdfjsPath.large, drawnBy: countBy(pdfjsPath.runs.large.map((x) => x.drawnBy)) },
          ratio: round(pdfjsPath.large.median / pdfjsPath.small.median, 3),
        },
      },
      flips: {
        measures: {
          api: `in-page: goToPage(k+1) → waitForPageRendered(k+1) for k = 1..${flipCount}, back to back with no dwell, opened at fit-width (~0 when the page was already drawn as overscan)`,
          apiPrecise: 'the same flips, ending when a MutationObserver sees the target canvas drawn',
          keyboard: "real key presses ('j') from Playwright, from the keydown event (capture listener) to the next page drawn (MutationObserver), the viewer showing it as the current page, and the next animation frame",
          keyboardReadingPace: `as keyboard, continuing from where it stopped, but waiting ${READING_DWELL_MS} ms on each page before pressing 'j' (the pass/fail target is judged on the back-to-back api flips, not on these)`,
          drawnBy: "which renderer drew the flipped-to pages: 'jpeg' (the scan fast path, decoded by the browser) or 'pdfjs'",
          prerendered: 'how many flips found the target page already drawn (overscan) when the flip began',
        },
        ...flips,
        target: TARGETS.flipP95Ms,
        pass: flips.api.p95 <= TARGETS.flipP95Ms,
      },
      scroll: {
        measures: {
          heapMb: 'performance.memory.usedJSHeapSize of the app page (Chromium --enable-precise-memory-info) after each page is drawn; finalAfterGc after CDP HeapProfiler.collectGarbage. Excludes the pdf.js worker, decoded images and canvas pixels',
          liveCanvases: 'viewer.liveCanvasCount() (every <canvas> in the document: pages and thumbnails) after each page is drawn',
          processTreePssMb: `PSS summed over every process of the launched Chromium (/proc smaps_rollup), every 10 pages: what the JS heap does not show. The run stops above ${MEM_CAP_MB} MB (--mem-cap-gb) rather than exhaust the machine`,
          pageWaitMs: 'goToPage(k) → page k drawn (MutationObserver), k = 1..N back to back',
        },
        ...scroll,
        target: { heapMb: TARGETS.heapMb, liveCanvases: 'bounded by a constant' },
        // A heap figure from a run that could not reach the last page does not show the target is met.
        pass: { heap: peakHeap <= TARGETS.heapMb && stoppedByMemoryCap === null, canvasesBounded: Math.max(...canvasCounts) <= 32 },
      },
      targets: [] as { name: string; target: string; value: string; pass: boolean }[],
    }
    result.targets = [
      { name: 'first page vs bare pdf.js', target: `≤ ${TARGETS.firstPageRatio}×`, value: `${result.firstPage.ratio}× (${fpMain.appMs.median} / ${fpMain.barePdfjsHttpMs.median} ms)`, pass: result.firstPage.pass },
      // The HTTP baseline pays per-request HTTP costs for every page dictionary pdf.js reads at open; the File variant reads like the app does.
      { name: 'first page vs bare pdf.js on a File with the app\'s options', target: `≤ ${TARGETS.firstPageRatio}×`, value: `${result.firstPage.ratioVsFileVariant}× (${fpMain.appMs.median} / ${fpMain.barePdfjsFileMs.median} ms)`, pass: result.firstPage.ratioVsFileVariant <= TARGETS.firstPageRatio },
      { name: 'first page, large vs small file', target: `≤ ${TARGETS.largeSmallRatio}×`, value: `${result.largeVsSmall.ratio}× (${scanPath.large.median} / ${scanPath.small.median} ms)`, pass: result.largeVsSmall.pass },
      { name: 'first page, large vs small file, every page through pdf.js', target: `≤ ${TARGETS.largeSmallRatio}×`, value: `${result.largeVsSmall.pdfjsPath.ratio}× (${pdfjsPath.large.median} / ${pdfjsPath.small.median} ms)`, pass: result.largeVsSmall.pdfjsPath.ratio <= TARGETS.largeSmallRatio },
      { name: 'page flip p95 at fit-width', target: `≤ ${TARGETS.flipP95Ms} ms`, value: `${flips.api.p95} ms`, pass: result.flips.pass },
      { name: 'peak JS heap scrolling every page', target: `≤ ${TARGETS.heapMb} MB over all ${SIZES.scroll} pages`, value: `${scroll.heapMb.peak} MB${stoppedByMemoryCap ? `, but the run stopped at page ${stoppedByMemoryCap.atPage}: process memory reached ${stoppedByMemoryCap.pssMb} MB` : ''}`, pass: result.scroll.pass.heap },
      { name: 'live canvases bounded', target: '≤ 32 at every step (constant, independent of page count)', value: `peak ${scroll.liveCanvases.peak}`, pass: result.scroll.pass.canvasesBounded },
    ]
    result.durationS = Math.round((Date.now() - started) / 1000)
    const json = JSON.stringify(result, null, 2)
    writeFileSync(join(DATA, QUICK ? 'last-viewer-bench-quick.json' : 'last-viewer-bench.json'), json + '\n')
    process.stdout.write(json + '\n')
  } finally {
    await bareServer?.close()
    await browser.close()
    preview.kill()
  }
}

main().catch((e: unknown) => {
  log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  process.exitCode = 1
})
