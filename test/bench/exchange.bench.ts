// `npm run bench:exchange`: export and import of an assignment package holding 5 and 50 case files of 100
// scanned pages each, in Node with fake-indexeddb (the same modules the app runs, with Node's Blob). Prints
// one JSON object; progress goes to stderr.
//
// Why Node: it measures the exchange code itself without a browser in the loop. Scans are stand-ins:
// ~20 KB of incompressible pseudo-random bytes per page behind a %PDF header (a 300 dpi JPEG page is 15–40 KB),
// so a file is ~2 MB. The store and the package Blob live in this process's memory here (Chromium would keep
// IndexedDB on disk and page large Blobs to disk), so RSS grows with the data held; what must stay flat is
// the working memory of export and import: V8 heap and ArrayBuffers above the baseline.
//
// The app's modules use Vite features (import.meta.glob for the built-in rubrics), so this file loads itself
// a second time through Vite's module runner and does the work there.
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const INNER = 'EXCHANGE_BENCH_INNER'
if (process.env[INNER] !== '1') {
  process.env[INNER] = '1'
  const { runnerImport } = await import('vite')
  const root = resolve(import.meta.dirname, '../..')
  await runnerImport(resolve(import.meta.dirname, 'exchange.bench.ts'), {
    configFile: false,
    root,
    logLevel: 'error',
    resolve: { alias: { '@scoring': resolve(root, 'scoring'), '@contract': resolve(root, 'electron/contract') } },
  })
} else await main()

async function main() {
const { exportAssignmentPackage } = await import('../../renderer/src/exchange/exportWork')
const { importWorkPackage } = await import('../../renderer/src/exchange/importWork')
// fixtures installs fake-indexeddb as globals.
const { freshDb, seedLead } = await import('../unit/exchange/fixtures')

const PAGES = 100
const PAGE_BYTES = 20 * 1024
const SIZES = process.argv.includes('--quick') ? [2, 10] : [5, 50]
const MB = 1024 * 1024
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
const log = (m: string) => process.stderr.write(`[bench:exchange] ${m}\n`)
const gc = (globalThis as { gc?: () => void }).gc

interface Peak {
  heapMb: number
  arrayBuffersMb: number
  rssMb: number
}

/** Samples memory every 10 ms while `task` runs; reports the peak above the level just before it started. */
async function measure<T>(task: () => Promise<T>): Promise<{ value: T; ms: number; peak: Peak }> {
  gc?.()
  const base = process.memoryUsage()
  const peak = { heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers, rss: base.rss }
  // Collecting before each sample measures what is live (the working set), not garbage V8 has not reclaimed yet.
  let ticks = 0
  const sample = () => {
    if (gc && ++ticks % 5 === 0) gc()
    const m = process.memoryUsage()
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed)
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers)
    peak.rss = Math.max(peak.rss, m.rss)
  }
  const timer = setInterval(sample, 10)
  const t0 = performance.now()
  const value = await task()
  const ms = performance.now() - t0
  sample()
  clearInterval(timer)
  return { value, ms, peak: { heapMb: round((peak.heapUsed - base.heapUsed) / MB), arrayBuffersMb: round((peak.arrayBuffers - base.arrayBuffers) / MB), rssMb: round((peak.rss - base.rss) / MB) } }
}

async function run(files: number) {
  log(`seeding ${files} case files × ${PAGES} pages`)
  const lead = await seedLead(files, PAGES * PAGE_BYTES)
  const exported = await measure(() => exportAssignmentPackage(lead.db, lead.campaignId, lead.reviewerId, 'bench'))
  const bytes = exported.value.blob.size
  log(`exported ${round(bytes / MB)} MB in ${round(exported.ms)} ms`)
  const target = freshDb()
  const imported = await measure(() => importWorkPackage(target, exported.value.blob, 'assignment'))
  if (imported.value.caseFilesAdded !== files) throw new Error(`imported ${imported.value.caseFilesAdded} of ${files} case files`)
  log(`imported in ${round(imported.ms)} ms`)
  lead.db.close()
  target.close()
  return {
    files,
    pages: files * PAGES,
    packageMb: round(bytes / MB),
    export: { ms: Math.round(exported.ms), mbPerS: round(bytes / MB / (exported.ms / 1000)), peakAboveBaseline: exported.peak },
    import: { ms: Math.round(imported.ms), mbPerS: round(bytes / MB / (imported.ms / 1000)), peakAboveBaseline: imported.peak },
  }
}

const results = []
for (const n of SIZES) results.push(await run(n))
const [small, large] = results as [Awaited<ReturnType<typeof run>>, Awaited<ReturnType<typeof run>>]
// Node's Blob keeps its bytes in an ArrayBuffer of this process, so the finished package itself shows up in the
// export's ArrayBuffers; in Chromium it sits in the browser's blob store (paged to disk). It is the output, not
// working memory, so it is subtracted (and reported raw alongside).
const working = (r: typeof small, phase: 'export' | 'import') => round(r[phase].peakAboveBaseline.heapMb + r[phase].peakAboveBaseline.arrayBuffersMb - (phase === 'export' ? r.packageMb : 0))
const raw = (r: typeof small, phase: 'export' | 'import') => round(r[phase].peakAboveBaseline.heapMb + r[phase].peakAboveBaseline.arrayBuffersMb)
// Flat: the large package's working memory stays within a fixed allowance of the small one's, though it is 10× the data.
const ALLOWANCE_MB = 32
const flat = (['export', 'import'] as const).every((p) => working(large, p) <= working(small, p) + ALLOWANCE_MB)
console.log(
  JSON.stringify(
    {
      bench: 'exchange',
      runtime: `node ${process.version} + fake-indexeddb (Node Blob)`,
      gcExposed: Boolean(gc),
      synthetic: { pagesPerFile: PAGES, bytesPerPage: PAGE_BYTES, note: 'incompressible pseudo-random bytes behind a %PDF header, stored (not deflated) as scans are' },
      results,
      workingMemoryMb: {
        metric: 'peak (V8 heap + ArrayBuffers) above baseline; export minus the finished package Blob',
        small: { export: working(small, 'export'), import: working(small, 'import') },
        large: { export: working(large, 'export'), import: working(large, 'import') },
        rawIncludingPackageBlob: { small: raw(small, 'export'), large: raw(large, 'export') },
      },
      target: { rule: `working memory for ${large.files} files ≤ that for ${small.files} files + ${ALLOWANCE_MB} MB (does not grow with package size)`, ok: flat },
    },
    null,
    2,
  ),
)
}
