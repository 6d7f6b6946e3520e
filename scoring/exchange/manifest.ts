import { z } from 'zod'

/** Version tag written into every package; a reader refuses any other. */
export const EXCHANGE_FORMAT = 'case-review-desk/exchange@1'

export const packageKinds = ['assignment', 'result', 'backup'] as const
export type PackageKind = (typeof packageKinds)[number]

export const packageKindNames: Record<PackageKind, string> = {
  assignment: '分配包',
  result: '结果包',
  backup: '备份文件',
}

/** The fixed name of the manifest inside the zip; every other entry must be listed in it. */
export const MANIFEST_PATH = 'manifest.json'

/**
 * Bounds checked against the zip's own declarations before a byte is inflated, and again while inflating
 * (declared sizes can lie). Scans are stored, not deflated, so only JSON is ever inflated.
 */
export const packageLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 0xffff_fffe,
  maxCompressionRatio: 200,
  /** Small JSON (a "[]" or a short list) compresses far beyond 200:1 legitimately. */
  ratioExemptBytes: 64 * 1024,
  maxJsonTotalBytes: 256 * 1024 * 1024,
  maxManifestBytes: 32 * 1024 * 1024,
} as const

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: '校验值须为 64 位十六进制 SHA-256' })

export const partSchema = z.strictObject({
  path: z.string().min(1),
  sha256: sha256Hex,
  size: z.number().int().min(0),
  /** json parts are deflated and parsed; blob parts are case-file bytes, stored and kept as slices of the package. */
  kind: z.enum(['json', 'blob']),
  mime: z.string().optional(),
})
export type PackagePart = z.infer<typeof partSchema>

export const manifestSchema = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  kind: z.enum(packageKinds),
  packageId: z.uuid(),
  createdAt: z.iso.datetime(),
  /** The exporting laptop and the person working there (their label as it appears in the audit log). */
  createdBy: z.strictObject({ deviceId: z.string().min(1), label: z.string() }),
  appVersion: z.string(),
  /** Null for a backup, which holds every campaign. */
  campaignId: z.string().nullable(),
  campaignName: z.string().optional(),
  /** The reviewer an assignment package is for, or whose results a result package holds. */
  reviewerId: z.string().nullable(),
  reviewerName: z.string().optional(),
  parts: z.array(partSchema),
})
export type PackageManifest = z.infer<typeof manifestSchema>

/**
 * A path as we write it: relative, forward slashes, no empty, "." or ".." segments, no drive letter,
 * no control characters. Anything else could land outside the package's folder if someone unpacked it.
 */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return '路径为空'
  if (path.length > 512) return '路径过长'
  if ([...path].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return '路径含控制字符'
  if (path.includes('\\')) return '路径含反斜杠'
  if (path.startsWith('/')) return '绝对路径'
  if (/^[a-zA-Z]:/.test(path)) return '含盘符的路径'
  const segments = path.split('/')
  if (segments.some((s) => s === '..')) return '路径跳出数据包目录'
  if (segments.some((s) => s === '' || s === '.')) return '路径含空段'
  return null
}
