// What the Node benchmarks share: a seeded generator and the built-in penalty rubric.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { validateRubric, type Rubric } from '@scoring/index'

/** mulberry32: a fixed seed gives the same data on every run, so runs are comparable. */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The built-in 行政处罚 template (DB32/T 4181—2021 附录B structure), validated. */
export function penaltyRubric(): Rubric {
  const v = validateRubric(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../resources/rubrics/db32-4181-b-penalty.json'), 'utf8')))
  if (!v.ok) throw new Error(JSON.stringify(v.errors))
  return v.rubric
}
