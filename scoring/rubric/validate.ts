import { builtinDocTypeLists } from '../doctypes/builtin'
import type { DocTypeList } from '../doctypes/types'
import type { ValidationError } from '../issues/errors'
import { fromZodIssues, zhErrorMap } from '../issues/zod-issues'
import { checkRubric } from './checks'
import { rubricSchema } from './schema'
import type { Rubric } from './types'

export type RubricValidation = { ok: true; rubric: Rubric } | { ok: false; errors: ValidationError[] }

export interface ValidateRubricOptions {
  /** Document-type lists to resolve `docTypes.list` against; defaults to the built-in penalty/licensing/enforcement lists. */
  docTypeLists?: readonly DocTypeList[]
}

/** Parses untrusted JSON into a Rubric, or lists every problem with its JSON path and a Chinese message. */
export function validateRubric(json: unknown, options: ValidateRubricOptions = {}): RubricValidation {
  const parsed = rubricSchema.safeParse(json, { error: zhErrorMap })
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) }
  const errors = checkRubric(parsed.data, options.docTypeLists ?? builtinDocTypeLists)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rubric: parsed.data }
}
