import type { z } from 'zod'
import type { Rubric } from '../rubric/types'
import type {
  agencySchema,
  campaignExportSchema,
  campaignSchema,
  caseSchema,
  narrativeSchema,
  panelMemberSchema,
  rectificationSchema,
  rectificationStatusSchema,
  reviewEntrySchema,
  reviewStateSchema,
} from './exportSchema'

export type PanelMember = z.infer<typeof panelMemberSchema>
export type Campaign = z.infer<typeof campaignSchema>
export type Agency = z.infer<typeof agencySchema>
export type CaseRecord = z.infer<typeof caseSchema>
export type ReviewState = z.infer<typeof reviewStateSchema>
export type ReviewEntry = z.infer<typeof reviewEntrySchema>
export type RectificationStatus = z.infer<typeof rectificationStatusSchema>
export type Rectification = z.infer<typeof rectificationSchema>
export type Narrative = z.infer<typeof narrativeSchema>
/** The export as read from JSON; `rubrics` is still untrusted. */
export type CampaignExportInput = z.input<typeof campaignExportSchema>
/** A validated export: rubrics checked by validateRubric. */
export type CampaignExport = Omit<z.infer<typeof campaignExportSchema>, 'rubrics'> & { rubrics: Rubric[] }

export const rectificationStatusText: Record<RectificationStatus, string> = {
  pending: '待整改',
  inProgress: '整改中',
  done: '已整改',
  declined: '不予整改',
}

export const reviewStateText: Record<ReviewState, string> = { draft: '初评中', submitted: '待复核', finalised: '已定稿' }
