import { z } from 'zod'
import { isHundredths } from '../decimal/points'
import { stableIdSchema } from '../rubric/schema'

/** Version tag of the review file format. */
export const REVIEW_FORMAT = 'case-review-review/1'

const reason = z.string({ error: '须填写理由' }).trim().min(1, { error: '理由不能为空' })

const decimalPoints = z
  .number({ error: '分值须为数字' })
  .min(0, { error: '分值不能为负数' })
  .refine(isHundredths, { error: '分值须为0.01的整数倍（最多两位小数）' })

/** Where in the case file the reviewer saw the problem: a page, optionally a region marked in the viewer. */
export const evidenceSchema = z.strictObject({
  page: z.number({ error: '页码须为整数' }).int({ error: '页码须为整数' }).min(1, { error: '页码从1开始' }),
  docType: stableIdSchema.optional(),
  /** Id of a region mark drawn in the viewer. */
  mark: z.string().min(1).optional(),
  note: z.string().optional(),
})

export const deductionEntrySchema = z.strictObject({
  ruleId: stableIdSchema,
  /** For per-occurrence rules, and per-element rules without a named element list; defaults to 1. */
  occurrences: z.number({ error: '次数须为正整数' }).int({ error: '次数须为正整数' }).min(1, { error: '次数须为正整数' }).optional(),
  /** For per-element rules with named elements: the missing ones. */
  elements: z.array(z.string().min(1)).min(1, { error: '至少列出一个缺失要素' }).optional(),
  /** For range rules: the amount the reviewer chose. */
  amount: decimalPoints.optional(),
  reason,
  evidence: z.array(evidenceSchema).optional(),
})

const itemId = stableIdSchema

export const decisionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ itemId, kind: z.literal('conforming'), note: z.string().optional() }),
    z.strictObject({
      itemId,
      kind: z.literal('deducted'),
      deductions: z.array(deductionEntrySchema).min(1, { error: '扣分结论至少要有一条扣分' }),
      note: z.string().optional(),
    }),
    z.strictObject({ itemId, kind: z.literal('na'), reason }),
    z.strictObject({ itemId, kind: z.literal('veto'), vetoId: stableIdSchema.optional(), reason, evidence: z.array(evidenceSchema).optional() }),
    z.strictObject({ itemId, kind: z.literal('bonus'), amount: decimalPoints, reason, evidence: z.array(evidenceSchema).optional() }),
  ],
  { error: '评查结论 kind 须为 conforming（符合）、deducted（扣分）、na（不适用）、veto（否决）或 bonus（加分）之一' },
)

export const reviewSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(REVIEW_FORMAT, { error: `format 须为 "${REVIEW_FORMAT}"` }),
  id: z.uuid({ error: 'id 须为 UUID' }),
  rubricId: z.uuid({ error: 'rubricId 须为 UUID' }),
  rubricVersion: z.number({ error: '评查标准版本号须为整数' }).int({ error: '评查标准版本号须为整数' }).min(1, { error: '评查标准版本号须不小于1' }),
  case: z
    .strictObject({
      number: z.string().optional(),
      name: z.string().optional(),
      unit: z.string().optional(),
    })
    .optional(),
  reviewer: z.string().optional(),
  updatedAt: z.string().optional(),
  decisions: z.array(decisionSchema),
})
