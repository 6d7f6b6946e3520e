import type { z } from 'zod'
import type {
  bandSchema,
  basicItemSchema,
  bonusItemSchema,
  bonusSchema,
  categorySchema,
  deductionRuleSchema,
  itemSchema,
  policiesSchema,
  rubricSchema,
  sectionSchema,
  unitConditionSchema,
  unitRulesSchema,
  vetoEffectSchema,
  vetoRuleSchema,
} from './schema'

// Types are inferred from the zod schemas so the file format and the TypeScript view can never drift apart.
export type Rubric = z.infer<typeof rubricSchema>
export type Section = z.infer<typeof sectionSchema>
export type Item = z.infer<typeof itemSchema>
export type DeductionRule = z.infer<typeof deductionRuleSchema>
export type DeductionKind = DeductionRule['kind']
export type VetoRule = z.infer<typeof vetoRuleSchema>
export type BasicItem = z.infer<typeof basicItemSchema>
export type BonusItem = z.infer<typeof bonusItemSchema>
export type BonusLayer = z.infer<typeof bonusSchema>
export type Band = z.infer<typeof bandSchema>
export type Category = z.infer<typeof categorySchema>
export type Policies = z.infer<typeof policiesSchema>
export type VetoEffect = z.infer<typeof vetoEffectSchema>
export type UnitRules = z.infer<typeof unitRulesSchema>
export type UnitCondition = z.infer<typeof unitConditionSchema>
export type FloorMode = Policies['floor']
export type NaPolicy = Policies['na']
