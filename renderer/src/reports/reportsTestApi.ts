import type { AppServices } from '../app/AppServices'
import { campaignJsonFile, circularFile, ledgerFile, noticeFile, scoreSheetFile, type ExportedFile } from './documents'
import { loadNarrative } from './narrativeTemplates'
import { circularHtml } from './printable/circularHtml'
import { scoreSheetHtmlFor } from './printable/scoreSheetHtml'
import { generateRectifications, rectificationOverdue, rectificationsOf, updateRectification, type RectificationChange } from './rectifications'
import { loadReportModel } from './reportModel'
import { defaultNarrative, verificationFor } from '@scoring/report/index'
import { sha256Hex } from '../workflow/hash'
import { auditOf } from '../workflow/audit'

/** Reports and rectification part of the automation contract (window.__caseReviewDesk.reports); see CONTRACT.md 报告与整改. */
export interface ReportsTestApi {
  /** The report model's headline numbers, as the 统计 tab and the documents use them. */
  summary(campaignId: string): Promise<{ files: number; meanText: string; grades: { name: string; files: number }[]; agencies: { name: string; rank: number; meanText: string }[]; ledgerRows: number }>
  rectifications(campaignId: string): Promise<{ id: string; caseId: string; itemId: string; status: string; feedback: string | null; deadline: string; overdue: string }[]>
  generateRectifications(campaignId: string): Promise<{ added: number; existing: number }>
  updateRectification(id: string, change: RectificationChange): Promise<void>
  /** Builds a document without saving it: byte length and the first bytes (hex) identify the format. */
  exportDocument(campaignId: string, kind: 'circular' | 'ledger' | 'notice' | 'sheetDocx' | 'sheetXlsx' | 'json', target?: string): Promise<{ name: string; size: number; head: string }>
  /** The campaign export JSON text (with the saved narrative), as the JSON export writes it. */
  campaignJson(campaignId: string): Promise<string>
  /** The printable page (fonts inlined) for a score sheet (target = case id) or the circular. */
  printableHtml(campaignId: string, kind: 'circular' | 'sheet', target?: string): Promise<string>
  verification(campaignId: string, caseId: string): Promise<string>
  /** Audit actions recorded for rectification rows (rectification.*), oldest first. */
  rectificationAudit(campaignId: string): Promise<{ action: string; subject: string; after: unknown }[]>
}

export function createReportsTestApi(s: AppServices): ReportsTestApi {
  const model = async (campaignId: string) => {
    const m = await loadReportModel(s.db, campaignId, s.version)
    if (!m.ok) throw new Error(m.message)
    return m
  }
  const narrative = async (campaignId: string) => {
    const m = await model(campaignId)
    return { ...defaultNarrative(m.model), ...(await loadNarrative(s.db, campaignId)) }
  }
  return {
    async summary(id) {
      const { model: m } = await model(id)
      return { files: m.totals.files, meanText: m.totals.meanText, grades: m.grades.map((g) => ({ name: g.name, files: g.files })), agencies: m.agencies.map((a) => ({ name: a.agency.name, rank: a.rank, meanText: a.summary.meanText })), ledgerRows: m.ledger.length }
    },
    async rectifications(id) {
      return (await rectificationsOf(s.db, id)).map((r) => ({ id: r.id, caseId: r.caseId, itemId: r.itemId, status: r.status, feedback: r.feedback ?? null, deadline: r.deadline, overdue: rectificationOverdue(r) }))
    },
    generateRectifications: (id) => generateRectifications(s.db, id, '测试脚本'),
    updateRectification: async (id, change) => void (await updateRectification(s.db, id, change, '测试脚本')),
    async exportDocument(id, kind, target) {
      const { model: m, data } = await model(id)
      const made: ExportedFile =
        kind === 'circular' ? await circularFile(m, await narrative(id)) : kind === 'ledger' ? await ledgerFile(m) : kind === 'notice' ? await noticeFile(m, target ?? m.agencies[0]!.agency.id) : kind === 'json' ? campaignJsonFile(data) : await scoreSheetFile(m, target ?? m.files[0]!.case.id, kind === 'sheetDocx' ? 'docx' : 'xlsx')
      return { name: made.name, size: made.bytes.byteLength, head: [...made.bytes.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('') }
    },
    async campaignJson(id) {
      return new TextDecoder().decode(campaignJsonFile((await model(id)).data, await narrative(id)).bytes)
    },
    async printableHtml(id, kind, target) {
      const { model: m } = await model(id)
      return kind === 'circular' ? circularHtml(m, await narrative(id)) : scoreSheetHtmlFor(m, target ?? m.files[0]!.case.id)
    },
    async verification(id, caseId) {
      const { model: m } = await model(id)
      const f = m.files.find((x) => x.case.id === caseId)
      if (!f) throw new Error('no finalised file')
      return verificationFor(id, f, sha256Hex)
    },
    async rectificationAudit(id) {
      return (await auditOf(s.db, id)).filter((a) => a.action.startsWith('rectification.')).map((a) => ({ action: a.action, subject: a.subject.id, after: a.after }))
    },
  }
}
