import { z } from 'zod'
import { isHundredths } from '../decimal/points'

/** Version tag of the rubric file format; bump when a field changes meaning. */
export const RUBRIC_FORMAT = 'case-review-rubric/1'

export const stableIdSchema = z
  .string({ error: '标识须为字符串' })
  .min(1, { error: '标识不能为空' })
  .max(64, { error: '标识不能超过64个字符' })
  .regex(/^\S+$/, { error: '标识不能包含空白字符' })

const text = z.string({ error: '须为文字' }).trim().min(1, { error: '不能为空' })

/** Non-negative points, exact to 0.01 (the engine works in hundredths). */
export const pointsSchema = z
  .number({ error: '分值须为数字' })
  .min(0, { error: '分值不能为负数' })
  .refine(isHundredths, { error: '分值须为0.01的整数倍（最多两位小数）' })

export const positivePointsSchema = pointsSchema.refine((v) => v > 0, { error: '分值须大于0' })

export const vetoEffectSchema = z.enum(['zero', 'lowestBand', 'stop'], {
  error: '否决效果须为 zero（总分计0分）、lowestBand（保留得分、定为最低档）或 stop（不合格卷，停止评分）',
})

export const categorySchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  description: z.string().optional(),
})

export const docTypeRefSchema = z.strictObject({
  /** caseType of a document-type list in resources/doc-types (e.g. "penalty"). */
  list: z.string().min(1).optional(),
  /** Extra document types this rubric needs beyond the list. */
  extra: z.array(z.strictObject({ id: stableIdSchema, name: text })).optional(),
})

const ruleBase = {
  id: stableIdSchema,
  /** The defect, worded as on the score sheet ("询问笔录未载明告知事项"). */
  text,
  category: stableIdSchema,
  note: z.string().optional(),
}

export const fixedRuleSchema = z.strictObject({ ...ruleBase, kind: z.literal('fixed'), amount: positivePointsSchema })
export const fullRuleSchema = z.strictObject({ ...ruleBase, kind: z.literal('full') })
export const perOccurrenceRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('perOccurrence'),
  amount: positivePointsSchema,
  maxDeduction: positivePointsSchema.optional(),
})
export const perElementRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('perElement'),
  amount: positivePointsSchema,
  /** Named elements (当事人姓名、性别…); when given, reviews name the missing ones instead of counting. */
  elements: z.array(text).min(1).optional(),
  maxDeduction: positivePointsSchema.optional(),
})
export const rangeRuleSchema = z.strictObject({
  ...ruleBase,
  kind: z.literal('range'),
  min: positivePointsSchema,
  max: positivePointsSchema,
  step: positivePointsSchema,
})

export const deductionRuleSchema = z.discriminatedUnion(
  'kind',
  [fixedRuleSchema, fullRuleSchema, perOccurrenceRuleSchema, perElementRuleSchema, rangeRuleSchema],
  { error: '扣分方式 kind 须为 fixed（固定扣分）、full（扣全分）、perOccurrence（每处扣分）、perElement（每缺一项扣分）或 range（区间酌情扣分）之一' },
)

export const vetoRuleSchema = z.strictObject({
  id: stableIdSchema,
  text,
  category: stableIdSchema,
  /** Overrides policies.vetoEffect for this veto. */
  effect: vetoEffectSchema.optional(),
  note: z.string().optional(),
})

export const basicItemSchema = vetoRuleSchema.extend({
  /** Label grouping criteria under a review item (河南: 4 个评查项目、23 条标准). */
  group: z.string().optional(),
  docTypes: z.array(stableIdSchema).optional(),
})

export const itemSchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  description: z.string().optional(),
  /** Required when policies.floor is "capped"; optional in "global" mode, where it then caps the item's deductions. */
  points: pointsSchema.optional(),
  /** Deductions on this item stop here even if its points are higher (测绘卷面第3项: 2分, 最多扣1分). */
  maxDeduction: positivePointsSchema.optional(),
  docTypes: z.array(stableIdSchema).optional(),
  naAllowed: z.boolean().optional(),
  /** When the item is typically not applicable (e.g. 未申请听证). */
  naHint: z.string().optional(),
  rules: z.array(deductionRuleSchema).optional(),
  vetoes: z.array(vetoRuleSchema).optional(),
})

export const sectionSchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  description: z.string().optional(),
  points: pointsSchema.optional(),
  items: z.array(itemSchema).min(1, { error: '每个部分至少要有一个评查项目' }),
})

export const bonusItemSchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  description: z.string().optional(),
  max: positivePointsSchema,
  /** Granularity the reviewer may award in (default 0.01). */
  step: positivePointsSchema.optional(),
  category: stableIdSchema.optional(),
  docTypes: z.array(stableIdSchema).optional(),
})

export const bonusSchema = z.strictObject({
  title: z.string().optional(),
  cap: positivePointsSchema,
  mayExceedTotal: z.boolean({ error: 'mayExceedTotal 须为 true 或 false' }),
  items: z.array(bonusItemSchema).min(1, { error: '加分项至少要有一项' }),
})

export const bandSchema = z.strictObject({
  id: stableIdSchema,
  name: text,
  /** Inclusive lower bound ("90分（含）以上"). */
  min: pointsSchema,
  /** Exclusive upper bound; when given it must equal the next band's min. */
  below: pointsSchema.optional(),
})

export const policiesSchema = z.strictObject({
  floor: z.enum(['capped', 'global'], {
    error: 'floor 须为 capped（逐项、逐部分扣完为止）或 global（总分减扣分合计，最低0分）',
  }),
  na: z.enum(['rescale', 'fullPoints', 'exclude'], {
    error: 'na 须为 rescale（折算为满分制）、fullPoints（不适用项按满分计）或 exclude（从满分中剔除）',
  }),
  vetoEffect: vetoEffectSchema,
})

export const unitConditionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('share'),
      /** Files graded in this band or a higher one count. */
      atLeastBand: stableIdSchema,
      minPercent: z.number().min(0, { error: '百分比不能为负数' }).max(100, { error: '百分比不能超过100' }).refine(isHundredths, { error: '百分比最多两位小数' }),
    }),
    z.strictObject({ kind: z.literal('mean'), min: pointsSchema }),
    z.strictObject({ kind: z.literal('noVeto') }),
  ],
  { error: '单位评定条件 kind 须为 share（档次占比）、mean（平均分）或 noVeto（无否决卷）之一' },
)

export const unitRulesSchema = z.strictObject({
  /** Band the unit's mean score with the rubric's bands (北京: 单位平均分同样分档). */
  meanBanding: z.boolean().optional(),
  ranking: z
    .strictObject({ by: z.literal('mean'), tieBreak: z.enum(['total', 'count', 'none']) })
    .optional(),
  ratings: z
    .array(z.strictObject({ id: stableIdSchema, name: text, conditions: z.array(unitConditionSchema).min(1) }))
    .optional(),
})

export const basicLayerSchema = z.strictObject({
  title: text,
  description: z.string().optional(),
  items: z.array(basicItemSchema).min(1, { error: '基本标准至少要有一项' }),
})

export const rubricSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(RUBRIC_FORMAT, { error: `format 须为 "${RUBRIC_FORMAT}"` }),
  id: z.uuid({ error: 'id 须为 UUID' }),
  name: text,
  version: z.number({ error: '版本号须为整数' }).int({ error: '版本号须为整数' }).min(1, { error: '版本号须不小于1' }),
  caseType: text,
  standard: z.string().optional(),
  /** Provenance / verification note shown wherever the rubric is used. */
  status: text,
  description: z.string().optional(),
  total: positivePointsSchema,
  categories: z.array(categorySchema).min(1, { error: '至少要有一个问题类别' }),
  docTypes: docTypeRefSchema,
  policies: policiesSchema,
  bands: z.array(bandSchema).min(1, { error: '至少要有一个等次' }),
  basic: basicLayerSchema.optional(),
  sections: z.array(sectionSchema).min(1, { error: '至少要有一个评分部分' }),
  bonus: bonusSchema.optional(),
  units: unitRulesSchema.optional(),
})
