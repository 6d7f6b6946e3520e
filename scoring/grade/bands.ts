import type { Cents } from '../decimal/points'
import { toCents } from '../decimal/points'
import type { Band } from '../rubric/types'

/** Bands from the highest lower bound down; lower bounds are inclusive ("90分（含）以上"). */
export function bandsDescending(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => toCents(b.min) - toCents(a.min))
}

/** The band a veto forces, whatever the score. */
export function lowestBand(bands: readonly Band[]): Band {
  const sorted = bandsDescending(bands)
  const last = sorted[sorted.length - 1]
  if (!last) throw new Error('rubric has no bands')
  return last
}

export function bandFor(bands: readonly Band[], score: Cents): Band {
  for (const b of bandsDescending(bands)) if (score >= toCents(b.min)) return b
  return lowestBand(bands)
}

/** Position from the top (0 = best); used for "this band or better" unit rules. */
export function bandRank(bands: readonly Band[], bandId: string): number {
  return bandsDescending(bands).findIndex((b) => b.id === bandId)
}
