import { REVIEW_FORMAT, scoreReview, type Review, type Rubric, type ScoreOutcome } from '@scoring/index'
import type { ReviewRecord } from '../store/workflowRecords'

/** The engine's view of a stored review. The UI shows only what this returns; it never adds points itself. */
export function toEngineReview(record: ReviewRecord): Review {
  return { format: REVIEW_FORMAT, id: record.id, rubricId: record.rubricId, rubricVersion: record.rubricVersion, decisions: record.decisions }
}

export function scoreRecord(rubric: Rubric, record: ReviewRecord): ScoreOutcome {
  return scoreReview(rubric, toEngineReview(record))
}
