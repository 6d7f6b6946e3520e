import { useServices } from '../../app/AppServices'
import { scoreSheetFile } from '../../reports/documents'
import { scoreSheetHtmlFor } from '../../reports/printable/scoreSheetHtml'
import { loadReportModel } from '../../reports/reportModel'
import { ExportButton } from '../reports/ExportButton'
import { PdfButton } from '../reports/PdfButton'
import type { ReviewRecord } from '../../store/workflowRecords'

/**
 * The score sheet's exports on the scoring screen. The documents come from the campaign's report model
 * (as the CLI builds them), so only a finalised review has a sheet; the model is built on click, not per keystroke.
 */
export function SheetExports({ review }: { review: ReviewRecord }) {
  const { db, version } = useServices()
  if (review.state !== 'finalised') return null
  const model = async () => {
    const m = await loadReportModel(db, review.campaignId, version)
    if (!m.ok) throw new Error(m.message)
    return m.model
  }
  const caseId = review.campaignCaseId
  return (
    <div className="rp-sheet-exports cr-inline" data-testid="sheet-exports">
      <span className="muted small">导出评分表：</span>
      <ExportButton testId="sheet-export-docx" caseId={caseId} label="DOCX" make={async () => scoreSheetFile(await model(), caseId, 'docx')} />
      <ExportButton testId="sheet-export-xlsx" caseId={caseId} label="XLSX" make={async () => scoreSheetFile(await model(), caseId, 'xlsx')} />
      <PdfButton testId="sheet-export-pdf" caseId={caseId} label="PDF" name="评分表.pdf" html={async () => scoreSheetHtmlFor(await model(), caseId)} />
    </div>
  )
}
