import type { ValidationError } from '../issues/errors'
import type { Evidence } from '../review/types'
import type { DeductionKind, VetoEffect } from '../rubric/types'

export type ItemStatus = 'conforming' | 'deducted' | 'na' | 'veto' | 'unscored'
export type ItemLayer = 'basic' | 'scored' | 'bonus'

/** One deduction as decided by the reviewer, with what it cost after the rule's, the item's and the section's caps. */
export interface AppliedDeduction {
  itemId: string
  ruleId: string
  ruleText: string
  kind: DeductionKind
  category: { id: string; name: string }
  /** Occurrences or missing elements counted (1 for fixed, full and range rules). */
  count: number
  elements?: string[]
  /** Points this deduction asks for after its own rule cap. */
  requested: number
  /** Points actually taken after item and section caps (扣完为止). */
  applied: number
  reason: string
  evidence: Evidence[]
}

export interface VetoHit {
  itemId: string
  vetoId: string
  text: string
  category: { id: string; name: string }
  effect: VetoEffect
  reason: string
  evidence: Evidence[]
}

export interface ItemScore {
  itemId: string
  name: string
  layer: ItemLayer
  sectionId: string | null
  /** Item points; null for basic-layer vetoes and for items without points in global-floor rubrics. */
  max: number | null
  /** Points kept; null when the item has no points or is N/A and excluded from the maximum. */
  awarded: number | null
  deducted: number
  bonus: number
  status: ItemStatus
  naReason?: string
  veto?: VetoHit
  deductions: AppliedDeduction[]
  trace: string[]
}

export interface SectionScore {
  sectionId: string
  name: string
  max: number | null
  /** max less the points of N/A items. */
  maxApplicable: number | null
  awarded: number | null
  deducted: number
}

export interface TraceLine {
  itemId: string | null
  kind: 'deduction' | 'cap' | 'na' | 'veto' | 'bonus' | 'unscored' | 'section' | 'total' | 'grade'
  text: string
  /** Signed points this line moved the score by, when it did. */
  delta?: number
}

export interface ScoreResult {
  rubricId: string
  rubricVersion: number
  reviewId: string
  items: ItemScore[]
  sections: SectionScore[]
  declaredTotal: number
  /** Score before bonus and veto, after N/A handling. */
  base: number
  bonus: number
  total: number
  /** Exact decimal text of total ("87.5"). */
  totalText: string
  /** The maximum this file could score (declared total, less N/A items under the "exclude" policy; bonus not included). */
  maxEffective: number
  /** Score compared against the bands: total, converted to the declared total under the "exclude" policy. */
  gradeScore: number
  grade: { id: string; name: string }
  veto: { hit: boolean; effect: VetoEffect | null; items: VetoHit[] }
  /** A "stop" veto was hit: the file is 不合格卷 and further items need not be reviewed. */
  scoringStopped: boolean
  /** Every item has a decision (or scoring was stopped). When false the total is provisional: undecided items count as full points. */
  complete: boolean
  undecided: string[]
  trace: TraceLine[]
}

export interface ScoreErrors {
  errors: ValidationError[]
}

export type ScoreOutcome = ScoreResult | ScoreErrors

export function isScoreErrors(outcome: ScoreOutcome): outcome is ScoreErrors {
  return 'errors' in outcome
}
