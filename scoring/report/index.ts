// Report model: everything the circular, score sheets, notices, ledger and the in-app statistics view compute.
export { CAMPAIGN_EXPORT_FORMAT, campaignExportSchema } from '../campaign/exportSchema'
export type * from '../campaign/types'
export { rectificationStatusText, reviewStateText } from '../campaign/types'
export type { CampaignExportValidation } from '../campaign/validate'
export { rubricKey, validateCampaignExport } from '../campaign/validate'
export { canonicalJson } from './canonicalJson'
export { percent, percentTenths, percentText } from './percent'
export type { AgencyRow, FileResult, GoodPracticeNote, GradeCount, ReportModel, ReportOptions } from './model'
export { buildReportModel } from './model'
export type { CategoryStat, ItemStat, ProblemExample, ProblemRuleStat } from './problemStats'
export type { ReviewerRow, ReviewerStats } from './reviewerStats'
export type { LedgerRow, Overdue } from './ledger'
export { overdueOf, overdueText } from './ledger'
export type { AgencyNotice, NoticeProblem } from './notice'
export { agencyNotice } from './notice'
export { ruleBasisText } from './basis'
export type { NarrativeTexts } from './narrative'
export { defaultNarrative, resolveNarrative } from './narrative'
export { cnDate, cnNumber, pagesText } from './cnText'
export type { HashFn, ParsedVerification, VerificationCheck, VerificationFields } from './verification'
export {
  VERIFICATION_HASH_LENGTH,
  VERIFICATION_PREFIX,
  checkStoredHashes,
  compareVerification,
  formatVerification,
  parseVerification,
  reviewHash,
  verificationFor,
} from './verification'
export { campaignExportJsonSchema } from '../campaign/jsonSchema'
