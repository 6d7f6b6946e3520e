import type { ReportModel } from '@scoring/report/index'
import { scoreSheetFile } from '../../reports/documents'
import { scoreSheetHtmlFor } from '../../reports/printable/scoreSheetHtml'
import { ExportButton } from './ExportButton'
import { PdfButton } from './PdfButton'

/** 一案一表: every finalised file's score sheet, in the three formats. */
export function SheetList({ model }: { model: ReportModel }) {
  return (
    <section className="cr-card">
      <h2>评分表（一案一表）</h2>
      <p className="muted small">仅列出已定稿的案卷；评分表附核验码二维码，可用 npm run cli -- verify 核验。</p>
      <div className="cr-scroll">
        <table className="cr-table" data-testid="sheet-export-table">
          <thead>
            <tr>
              <th>被评查单位</th>
              <th>案号</th>
              <th className="num">得分</th>
              <th>等次</th>
              <th>导出</th>
            </tr>
          </thead>
          <tbody>
            {model.files.map((f) => (
              <tr key={f.case.id} data-testid="sheet-export-row" data-case-id={f.case.id}>
                <td>{f.agency.name}</td>
                <td>{f.case.caseNumber}</td>
                <td className="num">{f.result.totalText}</td>
                <td>{f.result.grade.name}</td>
                <td className="cr-inline">
                  <ExportButton testId="export-sheet-docx" caseId={f.case.id} label="DOCX" make={() => scoreSheetFile(model, f.case.id, 'docx')} />
                  <ExportButton testId="export-sheet-xlsx" caseId={f.case.id} label="XLSX" make={() => scoreSheetFile(model, f.case.id, 'xlsx')} />
                  <PdfButton testId="export-sheet-pdf" caseId={f.case.id} label="PDF" name={`评分表_${f.case.caseNumber}.pdf`} html={() => scoreSheetHtmlFor(model, f.case.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
