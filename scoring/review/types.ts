import type { z } from 'zod'
import type { decisionSchema, deductionEntrySchema, evidenceSchema, reviewSchema } from './schema'

export type Review = z.infer<typeof reviewSchema>
export type Decision = z.infer<typeof decisionSchema>
export type DecisionKind = Decision['kind']
export type DeductionEntry = z.infer<typeof deductionEntrySchema>
export type Evidence = z.infer<typeof evidenceSchema>
