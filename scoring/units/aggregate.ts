import type { Cents } from '../decimal/points'
import { centsToNumber as n, formatCents, mulDivRound, toCents } from '../decimal/points'
import { bandFor, bandRank, bandsDescending } from '../grade/bands'
import type { Rubric, UnitCondition } from '../rubric/types'

/** The part of a file's ScoreResult unit statistics need; a full ScoreResult fits. */
export interface FileOutcome {
  total: number
  grade: { id: string }
  veto: { hit: boolean }
}

export interface UnitSummary {
  files: number
  sum: number
  /** Mean file score, rounded half up to 0.01. */
  mean: number
  meanText: string
  /** The mean banded with the rubric's bands, when units.meanBanding is on. */
  meanGrade: { id: string; name: string } | null
  bands: { id: string; name: string; files: number; percent: number }[]
  vetoFiles: number
  ratings: UnitRatingResult[]
}

export interface UnitRatingResult {
  id: string
  name: string
  achieved: boolean
  conditions: { condition: UnitCondition; actual: number; met: boolean; text: string }[]
}

/** Statistics and ratings for one unit's files (单位评定), exact to 0.01 with integer comparisons for the percentage rules. */
export function aggregateUnit(rubric: Rubric, files: readonly FileOutcome[]): UnitSummary {
  const count = files.length
  const sum = files.reduce<Cents>((s, f) => s + toCents(f.total), 0)
  const mean = count === 0 ? 0 : mulDivRound(sum, 1, count)
  const bands = bandsDescending(rubric.bands).map((b) => {
    const k = files.filter((f) => f.grade.id === b.id).length
    return { id: b.id, name: b.name, files: k, percent: count === 0 ? 0 : n(mulDivRound(k, 10000, count)) }
  })
  const meanBand = rubric.units?.meanBanding ? bandFor(rubric.bands, mean) : null
  const vetoFiles = files.filter((f) => f.veto.hit).length
  const ratings = (rubric.units?.ratings ?? []).map((r): UnitRatingResult => {
    const conditions = r.conditions.map((condition) => evaluate(rubric, condition, files, mean, vetoFiles))
    return { id: r.id, name: r.name, achieved: count > 0 && conditions.every((c) => c.met), conditions }
  })
  return {
    files: count,
    sum: n(sum),
    mean: n(mean),
    meanText: formatCents(mean),
    meanGrade: meanBand ? { id: meanBand.id, name: meanBand.name } : null,
    bands,
    vetoFiles,
    ratings,
  }
}

function evaluate(rubric: Rubric, c: UnitCondition, files: readonly FileOutcome[], mean: Cents, vetoFiles: number): UnitRatingResult['conditions'][number] {
  const count = files.length
  switch (c.kind) {
    case 'share': {
      const limit = bandRank(rubric.bands, c.atLeastBand)
      const k = files.filter((f) => {
        const r = bandRank(rubric.bands, f.grade.id)
        return r >= 0 && r <= limit
      }).length
      // k / count ≥ minPercent / 100, compared on integers (minPercent in hundredths of a percent).
      const met = count > 0 && k * 10000 >= toCents(c.minPercent) * count
      const band = rubric.bands.find((b) => b.id === c.atLeastBand)?.name ?? c.atLeastBand
      const actual = count === 0 ? 0 : n(mulDivRound(k, 10000, count))
      return { condition: c, actual, met, text: `「${band}」及以上占比${actual}%（要求不低于${c.minPercent}%）` }
    }
    case 'mean':
      return { condition: c, actual: n(mean), met: mean >= toCents(c.min), text: `平均分${formatCents(mean)}分（要求不低于${c.min}分）` }
    case 'noVeto':
      return { condition: c, actual: vetoFiles, met: vetoFiles === 0, text: `否决卷${vetoFiles}件（要求无否决卷）` }
  }
}

export interface RankedUnit<U> {
  unit: U
  summary: UnitSummary
  rank: number
}

/** Ranks units by mean score (北京: 按平均分排名，平均分相同按总分), ties sharing a rank. */
export function rankUnits<U>(rubric: Rubric, units: readonly { unit: U; summary: UnitSummary }[]): RankedUnit<U>[] {
  const tieBreak = rubric.units?.ranking?.tieBreak ?? 'total'
  const key = (s: UnitSummary): [Cents, Cents] => [toCents(s.mean), tieBreak === 'total' ? toCents(s.sum) : tieBreak === 'count' ? s.files : 0]
  const sorted = [...units].sort((a, b) => {
    const [am, at] = key(a.summary)
    const [bm, bt] = key(b.summary)
    return bm - am || bt - at
  })
  const out: RankedUnit<U>[] = []
  sorted.forEach((u, i) => {
    const prev = out[i - 1]
    const same = prev && key(prev.summary)[0] === key(u.summary)[0] && key(prev.summary)[1] === key(u.summary)[1]
    out.push({ ...u, rank: same && prev ? prev.rank : i + 1 })
  })
  return out
}
