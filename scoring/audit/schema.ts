import { z } from 'zod'
import type { ValidationError } from '../issues/errors'
import { fromZodIssues, zhErrorMap } from '../issues/zod-issues'
import type { AuditEntry } from './chain'

const text = z.string({ error: '须为文字' }).min(1, { error: '不能为空' })

/**
 * The shape of one audit entry as found in a file. Unknown fields are allowed, not stripped: they are part of the
 * hashed text, and a file must be verified exactly as it is. Hash values are only required to be text, so a
 * tampered hash shows as a verification problem rather than as a format error.
 */
export const auditEntrySchema = z.looseObject({
  id: text,
  chainId: text,
  seq: z.number({ error: '序号须为数字' }).int({ error: '序号须为整数' }).min(1, { error: '序号从 1 开始' }),
  at: text,
  actor: text,
  action: text,
  subject: z.looseObject({ kind: text, id: text }, { error: '须为 { kind, id } 对象' }),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: text,
  hash: text,
})

export type AuditLogRead =
  | { ok: true; entries: AuditEntry[] }
  /** `notALog`: the JSON holds no audit array at all (a usage error); otherwise some entries are malformed. */
  | { ok: false; notALog: boolean; errors: ValidationError[] }

/** Finds the audit entries in parsed JSON: a bare array, or the `audit` (campaign export) or `auditLog` array of an object. */
export function readAuditLog(json: unknown): AuditLogRead {
  let list: unknown
  let at: string[] = []
  if (Array.isArray(json)) list = json
  else if (json !== null && typeof json === 'object') {
    const obj = json as Record<string, unknown>
    if (Array.isArray(obj.audit)) [list, at] = [obj.audit, ['audit']]
    else if (Array.isArray(obj.auditLog)) [list, at] = [obj.auditLog, ['auditLog']]
  }
  if (!Array.isArray(list)) {
    return { ok: false, notALog: true, errors: [{ path: '$', message: '不是审计日志：应为审计记录数组，或含 audit（或 auditLog）数组的对象' }] }
  }
  const parsed = z.array(auditEntrySchema).safeParse(list, { error: zhErrorMap })
  if (!parsed.success) {
    const errors = fromZodIssues(parsed.error.issues).map((e) => ({ ...e, path: `$${at.map((k) => `.${k}`).join('')}${e.path.slice(1)}` }))
    return { ok: false, notALog: false, errors }
  }
  // The originals, not zod's copies: verification must hash exactly what the file holds.
  return { ok: true, entries: list as AuditEntry[] }
}
