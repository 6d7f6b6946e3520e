import { parseArgs } from 'node:util'
import type { ScoreResult } from '@scoring/index'
import { formatCents, isScoreErrors, scoreReview, toCents } from '@scoring/index'
import type { CliCommand } from '../command'
import { loadRubric, printErrors, readJsonFile } from './rubric'

const USAGE = ['score <评查标准.json> <评查记录.json> [--json]']

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: '按评查标准计算一份评查记录的得分、等次和计分过程',
  usage: USAGE,
  async run(args, io) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean', default: false } } })
    } catch (e) {
      io.err(`${e instanceof Error ? e.message : String(e)}\n用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    const [rubricFile, reviewFile, ...rest] = parsed.positionals
    if (!rubricFile || !reviewFile || rest.length > 0) {
      io.err(`用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    const rubric = loadRubric(rubricFile, io)
    if (!rubric.ok) {
      printErrors(io, `评查标准 ${rubricFile} 无效`, rubric.errors)
      return 1
    }
    const review = readJsonFile(reviewFile, io)
    if (!review.ok) {
      printErrors(io, `评查记录 ${reviewFile} 无效`, review.errors)
      return 1
    }
    const outcome = scoreReview(rubric.value, review.value)
    if (isScoreErrors(outcome)) {
      printErrors(io, `评查记录 ${reviewFile} 与评查标准不符，无法计分`, outcome.errors)
      return 1
    }
    io.out(parsed.values.json ? JSON.stringify(outcome, null, 2) : renderResult(rubric.value.name, outcome).join('\n'))
    return 0
  },
}

const effectText = { zero: '总分计0分', lowestBand: '保留得分，定为最低档', stop: '不合格卷，停止评分' }

function pts(v: number | null): string {
  return v === null ? '—' : formatCents(toCents(v))
}

function renderResult(rubricName: string, r: ScoreResult): string[] {
  const out: string[] = []
  out.push(`评查标准：${rubricName}（第${r.rubricVersion}版）`)
  out.push(`评查记录：${r.reviewId}`)
  out.push(`总分：${r.totalText} / ${pts(r.maxEffective)}${r.bonus > 0 ? `（含加分${pts(r.bonus)}）` : ''}${r.scoringStopped ? '（不合格卷，停止评分）' : ''}`)
  out.push(`等次：${r.grade.name}`)
  if (r.veto.hit) {
    out.push(`否决：命中，${effectText[r.veto.effect ?? 'zero']}`)
    for (const v of r.veto.items) out.push(`  ${v.vetoId} ${v.text}（${v.reason}）`)
  } else out.push('否决：未命中')
  out.push(r.complete ? '状态：已全部评查' : `状态：未完成，${r.undecided.length} 项未作结论（${r.undecided.join('、')}），未评项目暂按满分计，总分为暂定分`)
  out.push('', '分部得分：')
  for (const s of r.sections) {
    const tail = s.max === null ? `扣${pts(s.deducted)}` : `${pts(s.awarded)} / ${pts(s.maxApplicable)}`
    out.push(`  ${s.sectionId} ${s.name}  ${tail}`)
  }
  out.push('', '计分过程：')
  for (const l of r.trace) out.push(`  ${l.text}`)
  return out
}
