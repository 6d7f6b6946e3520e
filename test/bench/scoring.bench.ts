// Scores 10,000 generated reviews of the built-in penalty template and prints one JSON object.
import { performance } from 'node:perf_hooks'
import type { Decision, DeductionRule, Review, Rubric } from '@scoring/index'
import { compileRubric, isScoreErrors, scoreReview, scoreValidReview, toCents, validateReview } from '@scoring/index'
import { penaltyRubric, rng } from './support/benchData'

const COUNT = 10_000
const RESCORES = 2_000

function deduction(rule: DeductionRule, r: () => number): Record<string, unknown> {
  const reason = '基准测试'
  switch (rule.kind) {
    case 'fixed':
    case 'full':
      return { ruleId: rule.id, reason }
    case 'perOccurrence':
      return { ruleId: rule.id, occurrences: 1 + Math.floor(r() * 5), reason, evidence: [{ page: 1 + Math.floor(r() * 40) }] }
    case 'perElement':
      return rule.elements ? { ruleId: rule.id, elements: rule.elements.filter(() => r() < 0.4).concat(rule.elements[0]!).filter((e, i, a) => a.indexOf(e) === i), reason } : { ruleId: rule.id, occurrences: 1 + Math.floor(r() * 3), reason }
    case 'range': {
      const steps = (toCents(rule.max) - toCents(rule.min)) / toCents(rule.step)
      return { ruleId: rule.id, amount: (toCents(rule.min) + Math.floor(r() * (steps + 1)) * toCents(rule.step)) / 100, reason }
    }
  }
}

function makeReview(rubric: Rubric, i: number): Review {
  const r = rng(i + 1)
  const decisions: Decision[] = []
  for (const b of rubric.basic?.items ?? []) decisions.push(r() < 0.01 ? { itemId: b.id, kind: 'veto', reason: '基准测试' } : { itemId: b.id, kind: 'conforming' })
  for (const s of rubric.sections) {
    for (const it of s.items) {
      const x = r()
      if (it.naAllowed && x < 0.3) decisions.push({ itemId: it.id, kind: 'na', reason: '基准测试' })
      else if (x < 0.6 && (it.rules?.length ?? 0) > 0) {
        const rules = it.rules!.filter(() => r() < 0.5)
        decisions.push({ itemId: it.id, kind: 'deducted', deductions: (rules.length ? rules : [it.rules![0]!]).map((rule) => deduction(rule, r)) } as Decision)
      } else decisions.push({ itemId: it.id, kind: 'conforming' })
    }
  }
  for (const b of rubric.bonus?.items ?? []) if (r() < 0.2) decisions.push({ itemId: b.id, kind: 'bonus', amount: toCents(b.max) / 100, reason: '基准测试' })
  return { format: 'case-review-review/1', id: '00000000-0000-4000-8000-' + String(i).padStart(12, '0'), rubricId: rubric.id, rubricVersion: rubric.version, decisions }
}

const rubric = penaltyRubric()
// Reviews arrive as JSON text in practice; round-trip so nothing is shared between them.
const reviews = Array.from({ length: COUNT }, (_, i) => JSON.parse(JSON.stringify(makeReview(rubric, i))) as unknown)

for (let i = 0; i < 500; i++) scoreReview(rubric, reviews[i]) // warm-up

let errors = 0
let checksum = 0
const t0 = performance.now()
for (const review of reviews) {
  const out = scoreReview(rubric, review)
  if (isScoreErrors(out)) errors++
  else checksum += toCents(out.total)
}
const fullMs = performance.now() - t0

const compiled = compileRubric(rubric)
const parsed = reviews.map((x) => {
  const p = validateReview(rubric, x)
  if (!p.ok) throw new Error('generated review invalid')
  return p.review
})
const t1 = performance.now()
for (const review of parsed) scoreValidReview(compiled, review)
const engineMs = performance.now() - t1

// One changed decision (as on a keystroke): copy the review with one decision swapped, validate and re-score.
const base = parsed[0]!
const target = base.decisions.findIndex((d) => d.itemId === 'B-2-3')
const t2 = performance.now()
for (let k = 0; k < RESCORES; k++) {
  const decisions = base.decisions.slice()
  decisions[target] = { itemId: 'B-2-3', kind: 'deducted', deductions: [{ ruleId: 'B-2-3-a', occurrences: 1 + (k % 6), reason: '基准测试' }] }
  const out = scoreReview(rubric, { ...base, decisions })
  if (isScoreErrors(out)) errors++
}
const rescoreMs = performance.now() - t2

const perReview = fullMs / COUNT
console.log(
  JSON.stringify({
    benchmark: 'scoring',
    rubric: rubric.name,
    items: rubric.sections.reduce((s, x) => s + x.items.length, 0) + (rubric.basic?.items.length ?? 0) + (rubric.bonus?.items.length ?? 0),
    reviews: COUNT,
    errors,
    totalMs: Number(fullMs.toFixed(1)),
    msPerReview: Number(perReview.toFixed(4)),
    engineOnlyMsPerReview: Number((engineMs / COUNT).toFixed(4)),
    rescoreOneChangeMs: Number((rescoreMs / RESCORES).toFixed(4)),
    targetMsPerReview: 1,
    pass: errors === 0 && perReview < 1,
    meanTotal: Number((checksum / 100 / (COUNT - errors)).toFixed(2)),
    node: process.version,
  }),
)
