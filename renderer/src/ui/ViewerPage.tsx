import { useEffect, useState } from 'react'
import { useServices } from '../app/AppServices'
import { openPageSource } from '../pages/openPageSource'
import type { PageInfo, PageSource } from '../pages/PageSource'
import { getCaseFile } from '../store/caseFiles'
import type { CaseFileRecord } from '../store/records'
import { Viewer } from './viewer/Viewer'

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; caseFile: CaseFileRecord; source: PageSource; firstInfo: PageInfo }

export function ViewerPage({ caseId }: { caseId: string }) {
  const { db, navigate, renders } = useServices()
  const [state, setState] = useState<LoadState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    let source: PageSource | null = null
    renders.reset(caseId)
    void (async () => {
      const caseFile = await getCaseFile(db, caseId)
      if (!caseFile) return setState({ status: 'error', message: '找不到该案卷，可能已被删除。' })
      const opened = await openPageSource(db, caseFile)
      if (!opened.ok) return setState({ status: 'error', message: opened.message })
      if (cancelled) return void opened.source.destroy()
      source = opened.source
      let firstInfo: PageInfo
      try {
        firstInfo = await source.getPageInfo(0)
      } catch {
        // A broken first page still gets a slot (A4 portrait) so the rest of the file can be read.
        firstInfo = { width: 595, height: 842, intrinsicRotation: 0 }
      }
      if (cancelled) return
      setState({ status: 'ready', caseFile, source, firstInfo })
    })()
    return () => {
      cancelled = true
      renders.reset(null)
      void source?.destroy()
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
            {state.caseFile.name}（共 {state.source.pageCount} 页）
          </span>
        )}
      </header>
      {state.status === 'loading' && <p className="muted pad">正在打开…</p>}
      {state.status === 'error' && (
        <p className="error pad" role="alert" data-testid="viewer-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && <Viewer caseFile={state.caseFile} source={state.source} firstInfo={state.firstInfo} />}
    </main>
  )
}
