// Public surface of the scoring engine. Everything here is pure: plain data in, plain data out.
export type { Cents } from './decimal/points'
export { centsToNumber, formatCents, isHundredths, mulDivRound, parseDecimal, toCents } from './decimal/points'
export type { PathSegment, ValidationError } from './issues/errors'
export { jsonPath } from './issues/errors'

export type { DocType, DocTypeList } from './doctypes/types'
export { builtinDocTypeLists, enforcementDocTypes, licensingDocTypes, penaltyDocTypes } from './doctypes/builtin'

export { RUBRIC_FORMAT, rubricSchema } from './rubric/schema'
export type * from './rubric/types'
export type { RubricValidation, ValidateRubricOptions } from './rubric/validate'
export { validateRubric } from './rubric/validate'
export type { CompiledRubric } from './rubric/compile'
export { compileRubric } from './rubric/compile'

export { REVIEW_FORMAT, reviewSchema } from './review/schema'
export type * from './review/types'
export type { ReviewValidation } from './review/validate'
export { validateReview } from './review/validate'

export type * from './engine/result'
export { isScoreErrors } from './engine/result'
export { scoreReview, scoreValidReview } from './engine/score'
export type { Problem } from './engine/problems'
export { groupProblemsByCategory, listProblems } from './engine/problems'

export { bandFor, bandsDescending, lowestBand } from './grade/bands'
export type { FileOutcome, RankedUnit, UnitRatingResult, UnitSummary } from './units/aggregate'
export { aggregateUnit, rankUnits } from './units/aggregate'

export type { DiffTarget, FieldChange, RubricChange, RubricDiff } from './rubric/diff'
export { diffRubrics } from './rubric/diff'
export type { DecisionMigration, MigrationOutcome, MigrationReason, MigrationReasonCode, ReviewMigration } from './rubric/migrateReview'
export { describeFields, migrateReview } from './rubric/migrateReview'
export { deductionKindLabels, describeValue, floorLabels, naLabels, tieBreakLabels, unitConditionLabels, vetoEffectLabels } from './rubric/labels'
