// Builds the report model, the circular (DOCX) and the ledger (XLSX) for 1,000 finalised files over 20 agencies
// scored with the built-in penalty template, and prints one JSON object. Target: under 5 s in total.
import { availableParallelism, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { Decision, DeductionRule, Rubric } from '@scoring/index'
import { toCents } from '@scoring/index'
import { penaltyRubric, rng } from './support/benchData'
import { buildReportModel, resolveNarrative, validateCampaignExport } from '@scoring/report/index'
import { circularDocx, ledgerXlsx } from '../../renderer/src/export/index'

const FILES = 1_000
const AGENCIES = 20

function deduction(rule: DeductionRule, r: () => number): Record<string, unknown> {
  const base = { ruleId: rule.id, reason: '基准测试：发现问题', evidence: [{ page: 1 + Math.floor(r() * 60) }] }
  switch (rule.kind) {
    case 'fixed':
    case 'full':
      return base
    case 'perOccurrence':
      return { ...base, occurrences: 1 + Math.floor(r() * 3) }
    case 'perElement':
      return rule.elements ? { ...base, elements: [rule.elements[Math.floor(r() * rule.elements.length)]!] } : { ...base, occurrences: 1 }
    case 'range':
      return { ...base, amount: toCents(rule.min) / 100 }
  }
}

function decisions(rubric: Rubric, r: () => number): Decision[] {
  const out: Decision[] = []
  for (const b of rubric.basic?.items ?? []) out.push(r() < 0.01 ? { itemId: b.id, kind: 'veto', reason: '基准测试：否决' } : { itemId: b.id, kind: 'conforming' })
  for (const s of rubric.sections)
    for (const it of s.items) {
      const x = r()
      if (it.naAllowed && x < 0.3) out.push({ itemId: it.id, kind: 'na', reason: '基准测试：不适用' })
      else if (x < 0.45 && it.rules?.length) out.push({ itemId: it.id, kind: 'deducted', deductions: [deduction(it.rules[Math.floor(r() * it.rules.length)]!, r)] } as Decision)
      else out.push({ itemId: it.id, kind: 'conforming' })
    }
  return out
}

const rubric = penaltyRubric()
const r = rng(42)
const agencies = Array.from({ length: AGENCIES }, (_, i) => ({ id: `ag-${i + 1}`, name: `某市第${i + 1}执法局` }))
const panel = Array.from({ length: 12 }, (_, i) => ({ id: `p-${i + 1}`, name: `评查员${i + 1}`, role: i === 0 ? 'lead' : 'reviewer' }))
const cases = Array.from({ length: FILES }, (_, i) => ({ id: `case-${i + 1}`, agencyId: agencies[i % AGENCIES]!.id, caseNumber: `某罚〔2025〕${i + 1}号`, caseType: 'penalty', party: `某公司${i + 1}`, cause: '违法经营', handlers: ['甲', '乙'] }))
const reviews = cases.map((c, i) => ({
  caseId: c.id,
  reviewerIds: [panel[1 + (i % 11)]!.id, panel[1 + ((i + 5) % 11)]!.id],
  state: 'finalised',
  finalisedAt: '2025-09-01T17:00:00+08:00',
  review: { format: 'case-review-review/1', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, rubricId: rubric.id, rubricVersion: rubric.version, decisions: decisions(rubric, r) },
}))
const json = JSON.parse(
  JSON.stringify({
    format: 'case-review-campaign-export/1',
    exportedAt: '2025-10-01T09:00:00+08:00',
    campaign: { id: 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', name: '基准测试评查', year: 2025, organiser: '某市司法局', startedOn: '2025-08-01', endedOn: '2025-08-31', scope: '基准测试', sampling: '全部', rectificationDeadline: '2025-09-30', panel },
    agencies,
    rubrics: [rubric],
    cases,
    reviews,
    rectifications: [],
  }),
) as unknown

const t0 = performance.now()
const valid = validateCampaignExport(json)
if (!valid.ok) throw new Error(JSON.stringify(valid.errors.slice(0, 5)))
const t1 = performance.now()
const model = buildReportModel(valid.data)
const t2 = performance.now()
const circular = await circularDocx(model, resolveNarrative(model))
const t3 = performance.now()
const ledger = await ledgerXlsx(model)
const t4 = performance.now()
const totalMs = t4 - t0
console.log(
  JSON.stringify({
    bench: 'reports',
    files: model.files.length,
    agencies: model.agencies.length,
    problems: model.totals.problems,
    ledgerRows: model.ledger.length,
    validateMs: Math.round(t1 - t0),
    modelMs: Math.round(t2 - t1),
    circularDocxMs: Math.round(t3 - t2),
    ledgerXlsxMs: Math.round(t4 - t3),
    totalMs: Math.round(totalMs),
    circularBytes: circular.length,
    ledgerBytes: ledger.length,
    targetMs: 5000,
    // Shared machines: a busy one explains a slow run.
    cpus: availableParallelism(),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    pass: totalMs < 5000,
  }),
)
