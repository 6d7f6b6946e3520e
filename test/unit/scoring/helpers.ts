import { expect } from 'vitest'
import type { Decision, Rubric, ScoreOutcome, ScoreResult } from '@scoring/index'
import { isScoreErrors, scoreReview, validateRubric } from '@scoring/index'
import { review, withDecisions } from './fixtures'

export function valid(rubric: unknown): Rubric {
  const v = validateRubric(rubric)
  if (!v.ok) throw new Error(`rubric invalid: ${JSON.stringify(v.errors)}`)
  return v.rubric
}

export function ok(outcome: ScoreOutcome): ScoreResult {
  if (isScoreErrors(outcome)) throw new Error(`review rejected: ${JSON.stringify(outcome.errors)}`)
  return outcome
}

/** Scores a complete review of `rubric` in which only `changed` differ from conforming. */
export function scoreWith(rubric: Rubric, changed: Decision[]): ScoreResult {
  return ok(scoreReview(rubric, review(withDecisions(rubric, changed))))
}

export function expectErrorAt(outcome: { errors: { path: string; message: string }[] } | { ok: false; errors: { path: string; message: string }[] } | unknown, path: string, fragment: string): void {
  const errors = (outcome as { errors?: { path: string; message: string }[] }).errors
  expect(errors, 'expected errors').toBeDefined()
  expect(errors!.map((e) => e.path)).toContain(path)
  const messages = errors!.filter((e) => e.path === path).map((e) => e.message).join(' | ')
  expect(messages).toContain(fragment)
}
