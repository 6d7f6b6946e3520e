import type { AuditEntry, Decision, PanelMember, ReviewState, SamplingPlan, SamplingResult } from '@scoring/index'

/** A review campaign (评查活动): who reviews what, with which pinned rubric versions. */
export interface CampaignRecord {
  id: string
  name: string
  year: number
  organiser: string
  startDate: string
  endDate: string
  mode: 'single' | 'double'
  /** Double review: totals further apart than this go to arbitration. In hundredths of a point. */
  toleranceCents: number
  /** One pinned rubric version per case type. */
  rubrics: { caseType: string; rubricId: string; version: number }[]
  agencies: { id: string; name: string }[]
  members: PanelMember[]
  sampling?: { plan: SamplingPlan; result: SamplingResult; drawnAt: string; drawnBy: string }
  /** For the circular (评查情况通报): 文号, 评查范围, 评查依据, default rectification deadline. */
  documentNumber?: string
  scope?: string
  basis?: string
  rectificationDeadline?: string
  createdAt: string
  updatedAt: string
}

/** A case file registered in a campaign (案卷登记), linked to the library's bytes. */
export interface CampaignCaseRecord {
  id: string
  campaignId: string
  caseFileId: string | null
  agencyId: string
  caseNumber: string
  caseType: string
  party: string
  cause: string
  handlers: string[]
  filedOn: string
  closedOn: string
  pageCount: number
  sampled: boolean
  createdAt: string
  updatedAt: string
}

export interface AssignmentRecord {
  id: string
  campaignId: string
  campaignCaseId: string
  reviewerId: string
  /** Set when the lead let a reviewer review a file of their own agency. */
  overrideReason?: string
  createdAt: string
  createdBy: string
}

export interface ReviewComment {
  at: string
  by: string
  kind: 'return' | 'finalise' | 'reopen' | 'adjust' | 'arbitration'
  text: string
}

export interface DisputeRecord {
  itemId: string
  note: string
  outcome?: string
  resolvedAt?: string
}

/** One reviewer's review of one case: the engine's decisions plus workflow state. Scores are never stored; the engine recomputes them. */
export interface ReviewRecord {
  id: string
  campaignId: string
  campaignCaseId: string
  reviewerId: string
  rubricId: string
  rubricVersion: number
  state: ReviewState
  decisions: Decision[]
  /** 亮点: good practice noted in the file. */
  highlights: string
  disputes: DisputeRecord[]
  comments: ReviewComment[]
  /** Double review: the review the lead chose (or adjusted) as the file's result. */
  final: boolean
  updatedAt: string
  submittedAt?: string
  finalisedAt?: string
  /** Member id of the lead who finalised it. */
  finalisedBy?: string
}

export type AuditRecord = AuditEntry & { campaignId: string }

/** 常见问题库: deduction reasons reviewers have written for an item, offered as they type. */
export interface ProblemTextRecord {
  id: string
  rubricId: string
  itemId: string
  text: string
  uses: number
  lastUsedAt: string
}

/**
 * 整改: one row per problem found in a finalised review, shaped as the campaign export's rectification
 * plus bookkeeping. `problemKey` names the problem it came from, so re-generating never duplicates a row.
 */
export interface RectificationRecord {
  id: string
  campaignId: string
  /** `${caseId}#${itemId}#${ruleId}#${n}`: the n-th problem with that item and rule in the file. */
  problemKey: string
  agencyId: string
  /** Campaign case id. */
  caseId: string
  itemId: string
  ruleId?: string
  description: string
  status: 'pending' | 'inProgress' | 'done' | 'declined'
  reason?: string
  feedback?: string
  feedbackOn?: string
  deadline: string
  createdAt: string
  updatedAt: string
}
