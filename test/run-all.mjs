// `npm test`: every check in order, then one plain "N passed, N failed" line that CI reads.
// A stage that is not a test runner (typecheck, lint, build) counts as one check.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
// Not under test-results/: Playwright empties that folder when it starts.
const reports = resolve(root, '.cache/test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const failedStages = []

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status === 0
}

function stage(name, command, args) {
  const ok = run(name, command, args)
  if (ok) totals.passed++
  else {
    totals.failed++
    failedStages.push(name)
  }
  return ok
}

function counted(name, command, args, reportFile, read, env) {
  const ok = run(name, command, args, env)
  const file = resolve(reports, reportFile)
  if (!existsSync(file)) {
    totals.failed++
    failedStages.push(`${name} (no report)`)
    return
  }
  const c = read(JSON.parse(readFileSync(file, 'utf8')))
  totals.passed += c.passed
  totals.failed += c.failed
  totals.skipped += c.skipped
  if (!ok && c.failed === 0) {
    totals.failed++
    failedStages.push(name)
  } else if (c.failed > 0) failedStages.push(name)
}

const bin = (name) => resolve(root, 'node_modules/.bin', name)

stage('typecheck', 'npm', ['run', '--silent', 'typecheck'])
stage('lint', 'npm', ['run', '--silent', 'lint'])
counted('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${resolve(reports, 'vitest.json')}`], 'vitest.json', (j) => ({
  passed: j.numPassedTests,
  // A file that fails to load has no test results of its own; count it as one failure.
  failed: j.numFailedTests + (j.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length,
  skipped: j.numPendingTests + (j.numTodoTests ?? 0),
}))
if (stage('build', 'npm', ['run', '--silent', 'build'])) {
  counted('e2e', bin('playwright'), ['test', '--reporter=list,json'], 'playwright.json', (j) => {
    if (j.stats.flaky) console.log(`\n${j.stats.flaky} end-to-end test(s) passed only on retry (flaky)`)
    return {
    passed: j.stats.expected + (j.stats.flaky ?? 0),
    failed: j.stats.unexpected,
    skipped: j.stats.skipped,
    }
  }, { PLAYWRIGHT_JSON_OUTPUT_NAME: resolve(reports, 'playwright.json') })
}

if (failedStages.length) console.log(`\nFailed: ${failedStages.join(', ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
