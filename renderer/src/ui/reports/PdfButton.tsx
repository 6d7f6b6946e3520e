import { useServices } from '../../app/AppServices'
import { MIME, safeName } from '../../reports/documents'
import { printInFrame } from '../../reports/printFallback'
import { ExportButton } from './ExportButton'

/**
 * PDF export from the printable page: Electron renders it to bytes (and it is saved like any export);
 * the browser host opens the print dialog instead, where the user chooses 另存为 PDF.
 */
export function PdfButton(p: { testId: string; label: string; name: string; caseId?: string; html: () => Promise<string> }) {
  const { host } = useServices()
  return (
    <ExportButton
      testId={p.testId}
      caseId={p.caseId}
      label={p.label}
      make={async () => {
        const html = await p.html()
        const r = await host.printToPdf(html)
        if (r.ok) return { name: safeName(p.name), bytes: r.pdf, mime: MIME.pdf }
        if (r.unsupported) {
          await printInFrame(html)
          return []
        }
        throw new Error(`生成 PDF 失败：${r.message}`)
      }}
    />
  )
}
