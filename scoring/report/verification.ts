import type { CampaignExport } from '../campaign/types'
import type { ValidationError } from '../issues/errors'
import { err } from '../issues/errors'
import type { Review } from '../review/types'
import { canonicalJson } from './canonicalJson'
import type { FileResult } from './model'

/** scoring/ has no crypto: callers pass SHA-256 as hex (node:crypto in the CLI, WebCrypto or hash-wasm in the app). */
export type HashFn = (text: string) => string | Promise<string>

export const VERIFICATION_PREFIX = 'CRD1'
/** Hex digits of the review hash carried in the string: 128 bits is ample against forgery and keeps the QR code small. */
export const VERIFICATION_HASH_LENGTH = 32

export interface VerificationFields {
  campaignId: string
  caseId: string
  /** Exact decimal text of the total, as on the score sheet ("87.5"). */
  total: string
  /** Grade id from the rubric's bands (ASCII keeps the QR code in byte mode without encoding doubts). */
  grade: string
  hash: string
}

export function formatVerification(f: VerificationFields): string {
  return [VERIFICATION_PREFIX, f.campaignId, f.caseId, f.total, f.grade, f.hash].join('|')
}

export type ParsedVerification = { ok: true; fields: VerificationFields } | { ok: false; message: string }

export function parseVerification(text: string): ParsedVerification {
  const parts = text.trim().split('|')
  if (parts[0] !== VERIFICATION_PREFIX) return { ok: false, message: `不是案卷评查台的核验码（应以 ${VERIFICATION_PREFIX}| 开头）` }
  if (parts.length !== 6) return { ok: false, message: `核验码应有6段（以 | 分隔），实际为${parts.length}段` }
  const [, campaignId, caseId, total, grade, hash] = parts as [string, string, string, string, string, string]
  if (!/^[0-9a-f-]{36}$/i.test(campaignId)) return { ok: false, message: '评查活动标识不是 UUID' }
  if (!/^\S+$/.test(caseId)) return { ok: false, message: '案卷标识为空或含空白字符' }
  if (!/^\d+(\.\d{1,2})?$/.test(total)) return { ok: false, message: `得分「${total}」不是最多两位小数的数字` }
  if (!/^\S+$/.test(grade)) return { ok: false, message: '等次为空' }
  if (!new RegExp(`^[0-9a-f]{${VERIFICATION_HASH_LENGTH}}$`).test(hash)) return { ok: false, message: `摘要应为${VERIFICATION_HASH_LENGTH}位小写十六进制` }
  return { ok: true, fields: { campaignId, caseId, total, grade, hash } }
}

/** Full SHA-256 hex of the canonical JSON of a review: what `hash` in the export holds. */
export async function reviewHash(review: Review, sha256Hex: HashFn): Promise<string> {
  return (await sha256Hex(canonicalJson(review))).toLowerCase()
}

export async function verificationFor(campaignId: string, file: FileResult, sha256Hex: HashFn): Promise<string> {
  const hash = await reviewHash(file.entry.review, sha256Hex)
  return formatVerification({ campaignId, caseId: file.case.id, total: file.result.totalText, grade: file.result.grade.id, hash: hash.slice(0, VERIFICATION_HASH_LENGTH) })
}

/** Reviews whose stored `hash` no longer matches their content: edited after finalisation. */
export async function checkStoredHashes(data: CampaignExport, sha256Hex: HashFn): Promise<ValidationError[]> {
  const out: ValidationError[] = []
  for (const [i, entry] of data.reviews.entries()) {
    if (entry.hash === undefined) continue
    const actual = await reviewHash(entry.review, sha256Hex)
    if (actual !== entry.hash) out.push(err(['reviews', i, 'hash'], `评查记录内容与定稿时的摘要不符（定稿后被修改）：记录 ${entry.hash.slice(0, 12)}…，实际 ${actual.slice(0, 12)}…`))
  }
  return out
}

export interface VerificationCheck {
  field: '活动' | '案卷' | '得分' | '等次' | '摘要'
  expected: string
  actual: string
  ok: boolean
}

/** Compares a parsed string with the file recomputed from an export; `reviewHashHex` is reviewHash of that file's review. */
export function compareVerification(fields: VerificationFields, campaignId: string, file: FileResult | undefined, reviewHashHex: string | undefined): VerificationCheck[] {
  const checks: VerificationCheck[] = [{ field: '活动', expected: campaignId, actual: fields.campaignId, ok: campaignId === fields.campaignId }]
  if (!file) return [...checks, { field: '案卷', expected: '（导出文件中无此案卷的定稿记录）', actual: fields.caseId, ok: false }]
  const hash = (reviewHashHex ?? '').slice(0, VERIFICATION_HASH_LENGTH)
  checks.push(
    { field: '案卷', expected: file.case.id, actual: fields.caseId, ok: file.case.id === fields.caseId },
    { field: '得分', expected: file.result.totalText, actual: fields.total, ok: file.result.totalText === fields.total },
    { field: '等次', expected: file.result.grade.id, actual: fields.grade, ok: file.result.grade.id === fields.grade },
    { field: '摘要', expected: hash, actual: fields.hash, ok: hash === fields.hash },
  )
  return checks
}
