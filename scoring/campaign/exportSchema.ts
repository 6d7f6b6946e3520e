import { z } from 'zod'
import { reviewSchema } from '../review/schema'
import { stableIdSchema } from '../rubric/schema'

/** Version tag of the campaign export; bump when a field changes meaning. */
export const CAMPAIGN_EXPORT_FORMAT = 'case-review-campaign-export/1'

const text = z.string({ error: '须为文字' }).trim().min(1, { error: '不能为空' })
/** Calendar dates as written on documents; kept as text so no time zone can shift them. */
const date = z.string({ error: '日期须为文字' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期须写作 YYYY-MM-DD' })
const dateTime = z.iso.datetime({ offset: true, error: '时间须为 ISO 8601 格式（如 2025-06-30T17:00:00+08:00）' })

export const panelMemberSchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  /** The reviewer's own agency; cross review means it never reviews its own files. */
  agencyId: stableIdSchema.optional(),
  /** Free text shown on documents when the reviewer is not from a listed agency (律师、特邀监督员). */
  affiliation: z.string().optional(),
  role: z.enum(['lead', 'reviewer'], { error: 'role 须为 lead（组长）或 reviewer（评查员）' }),
})

export const campaignSchema = z.strictObject({
  id: z.uuid({ error: 'id 须为 UUID' }),
  name: text,
  year: z.number({ error: '年度须为整数' }).int({ error: '年度须为整数' }).min(2000).max(2100),
  organiser: text,
  /** 文号 of the circular, e.g. 某司法〔2025〕12号. */
  documentNumber: z.string().optional(),
  startedOn: date,
  endedOn: date,
  /** 评查范围: which files, concluded in which window. */
  scope: text,
  /** 抽取方式. */
  sampling: text,
  /** 评查依据 (the notice that ordered the campaign). */
  basis: z.string().optional(),
  /** Default deadline for rectification feedback. */
  rectificationDeadline: date.optional(),
  /** Rubric whose unit rules rank the agencies; defaults to the one most files were scored with. */
  unitRubric: z.strictObject({ id: z.uuid(), version: z.number().int().min(1) }).optional(),
  panel: z.array(panelMemberSchema).min(1, { error: '评查组至少要有一名成员' }),
})

export const agencySchema = z.strictObject({
  id: stableIdSchema,
  name: text,
})

export const caseSchema = z.strictObject({
  id: stableIdSchema,
  agencyId: stableIdSchema,
  caseNumber: text,
  /** caseType of the rubric family (penalty, licensing, enforcement). */
  caseType: text,
  /** 案件名称. */
  title: z.string().optional(),
  party: text,
  cause: text,
  handlers: z.array(text).min(1, { error: '至少要有一名承办人' }),
  filedOn: date.optional(),
  closedOn: date.optional(),
  pageCount: z.number().int().min(1).optional(),
})

export const reviewStateSchema = z.enum(['draft', 'submitted', 'finalised'], {
  error: 'state 须为 draft（初评中）、submitted（待复核）或 finalised（已定稿）',
})

export const reviewEntrySchema = z.strictObject({
  caseId: stableIdSchema,
  reviewerIds: z.array(stableIdSchema).min(1, { error: '至少要有一名评查人员' }),
  state: reviewStateSchema,
  finalisedAt: dateTime.optional(),
  finalisedBy: stableIdSchema.optional(),
  /** SHA-256 (hex) of the canonical JSON of `review`, as written when it was finalised; checked when present. */
  hash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'hash 须为64位小写十六进制 SHA-256' }).optional(),
  /** 亮点: good practice the reviewers noted on this file. */
  goodPractice: z.array(text).optional(),
  /** 评语. */
  comment: z.string().optional(),
  /** The review exactly as the scoring engine reads it; its rubricId/rubricVersion select the rubric. Scores are never stored. */
  review: reviewSchema,
})

export const rectificationStatusSchema = z.enum(['pending', 'inProgress', 'done', 'declined'], {
  error: 'status 须为 pending（待整改）、inProgress（整改中）、done（已整改）或 declined（不予整改）',
})

export const rectificationSchema = z.strictObject({
  id: stableIdSchema,
  agencyId: stableIdSchema,
  caseId: stableIdSchema,
  itemId: stableIdSchema,
  ruleId: stableIdSchema.optional(),
  description: text,
  status: rectificationStatusSchema,
  /** Why it is declined, or what is still in the way. */
  reason: z.string().optional(),
  /** 整改情况 as fed back by the agency. */
  feedback: z.string().optional(),
  feedbackOn: date.optional(),
  deadline: date,
})

export const narrativeSchema = z.strictObject({
  basicFacts: z.string().optional(),
  results: z.string().optional(),
  goodPractice: z.string().optional(),
  problems: z.string().optional(),
  requirements: z.string().optional(),
})

export const campaignExportSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(CAMPAIGN_EXPORT_FORMAT, { error: `format 须为 "${CAMPAIGN_EXPORT_FORMAT}"` }),
  exportedAt: dateTime,
  /** The program and version that wrote the file. */
  exportedBy: z.string().optional(),
  campaign: campaignSchema,
  agencies: z.array(agencySchema).min(1, { error: '至少要有一个被评查单位' }),
  /** Full rubric objects (resources/schemas/rubric.schema.json); validated with validateRubric, keyed by id + version. */
  rubrics: z.array(z.unknown()).min(1, { error: '至少要有一个评查标准' }),
  cases: z.array(caseSchema),
  reviews: z.array(reviewEntrySchema),
  rectifications: z.array(rectificationSchema).default([]),
  narrative: narrativeSchema.optional(),
})
