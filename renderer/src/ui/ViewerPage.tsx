import { useEffect, useRef, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useServices } from '../app/AppServices'
import { getBlob, getCaseFile } from '../store/caseFiles'
import type { CaseFileRecord } from '../store/records'
import { openPdf } from '../pdf/openPdf'

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; caseFile: CaseFileRecord; doc: PDFDocumentProxy }

export function ViewerPage({ caseId }: { caseId: string }) {
  const { db, navigate, renders } = useServices()
  const [state, setState] = useState<LoadState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    let doc: PDFDocumentProxy | null = null
    renders.reset(caseId)
    void (async () => {
      const caseFile = await getCaseFile(db, caseId)
      if (!caseFile) return setState({ status: 'error', message: '找不到该案卷，可能已被删除。' })
      const source = caseFile.sources[0]
      const blob = source && (await getBlob(db, source.sha256))
      if (!blob) return setState({ status: 'error', message: '案卷文件内容缺失，请重新导入。' })
      const opened = await openPdf(blob, caseFile.pdfPassword)
      if (cancelled) return void (opened.ok && opened.doc.destroy())
      if (!opened.ok) return setState({ status: 'error', message: '无法打开该案卷文件。' })
      doc = opened.doc
      setState({ status: 'ready', caseFile, doc })
    })()
    return () => {
      cancelled = true
      void doc?.destroy()
      renders.reset(null)
    }
  }, [db, caseId, renders])

  return (
    <main className="viewer">
      <header className="viewer-toolbar">
        <button data-testid="back-to-library" onClick={() => navigate({ page: 'library' })}>
          ← 返回案卷库
        </button>
        {state.status === 'ready' && (
          <span className="viewer-title" data-testid="viewer-title">
            {state.caseFile.name}（共 {state.doc.numPages} 页）
          </span>
        )}
      </header>
      {state.status === 'loading' && <p className="muted">正在打开…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert" data-testid="viewer-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && <FirstPage caseId={caseId} doc={state.doc} />}
    </main>
  )
}

function FirstPage({ caseId, doc }: { caseId: string; doc: PDFDocumentProxy }) {
  const { renders } = useServices()
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    let task: { cancel(): void; promise: Promise<void> } | null = null
    void (async () => {
      const page = await doc.getPage(1)
      const el = canvas.current
      if (!el) return
      const viewport = page.getViewport({ scale: 1.5 })
      el.width = Math.floor(viewport.width)
      el.height = Math.floor(viewport.height)
      task = page.render({ canvas: el, viewport })
      await task.promise
      el.dataset.rendered = 'true'
      renders.markRendered(caseId, 1)
    })().catch(() => {})
    return () => task?.cancel()
  }, [doc, caseId, renders])
  return <canvas ref={canvas} className="page-canvas" data-testid="page-canvas" data-page="1" />
}
