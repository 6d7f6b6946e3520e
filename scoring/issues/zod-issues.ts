import { z } from 'zod'
import type { ValidationError } from './errors'
import { jsonPath } from './errors'

// The Chinese locale gives generic messages; rubric-specific ones are set on the schemas themselves.
const zhCN = z.locales.zhCN()

export const zhErrorMap = zhCN.localeError

/** Flattens zod issues into path + Chinese message, one entry per offending field (unknown keys are split so each points at itself). */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): ValidationError[] {
  const out: ValidationError[] = []
  for (const issue of issues) {
    const base = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: jsonPath([...base, key]), message: `未知字段「${key}」（检查拼写，或删除该字段）` })
      continue
    }
    if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
      const path = base[base.length - 1] === issue.discriminator ? base : [...base, issue.discriminator]
      out.push({ path: jsonPath(path), message: issue.message })
      continue
    }
    out.push({ path: jsonPath(base), message: issue.message })
  }
  return out
}
