import type { ValidationError } from '../issues/errors'
import { fromZodIssues, zhErrorMap } from '../issues/zod-issues'
import { compileRubric } from '../rubric/compile'
import type { Rubric } from '../rubric/types'
import { checkReview } from './checks'
import { reviewSchema } from './schema'
import type { Review } from './types'

export type ReviewValidation = { ok: true; review: Review } | { ok: false; errors: ValidationError[] }

/** Parses untrusted JSON into a Review and checks it against its (already validated) rubric. */
export function validateReview(rubric: Rubric, json: unknown): ReviewValidation {
  const parsed = reviewSchema.safeParse(json, { error: zhErrorMap })
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) }
  const errors = checkReview(compileRubric(rubric), parsed.data)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, review: parsed.data }
}
