import { useCallback, useState } from 'react'
import { useServices } from '../app/AppServices'
import { importProblemMessage } from '../import/importErrors'
import { importFiles } from '../import/importFiles'
import type { ImportProgress } from '../import/importPdf'

export interface ImportNotice {
  id: string
  kind: 'error' | 'info'
  text: string
}

export interface ImporterState {
  busy: boolean
  progress: (ImportProgress & { index: number; count: number }) | null
  notices: ImportNotice[]
}

/** Runs imports one file at a time and keeps what the reviewer needs to see: progress and reasons for refusals. */
export function useImporter(askPassword: (fileName: string, wrongBefore: boolean) => Promise<string | null>) {
  const { db } = useServices()
  const [state, setState] = useState<ImporterState>({ busy: false, progress: null, notices: [] })

  const run = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return
      setState((s) => ({ ...s, busy: true, notices: [] }))
      const notices: ImportNotice[] = []
      await importFiles(db, files, {
        askPassword,
        onProgress: (p) => setState((s) => ({ ...s, progress: p })),
        onOutcome: (outcome) => {
          if (outcome.ok) notices.push({ id: crypto.randomUUID(), kind: 'info', text: `已导入「${outcome.caseFile.name}」，共 ${outcome.caseFile.pageCount} 页。` })
          else notices.push({ id: crypto.randomUUID(), kind: 'error', text: importProblemMessage(outcome.problem) })
        },
      })
      setState({ busy: false, progress: null, notices })
    },
    [db, askPassword],
  )

  const dismiss = useCallback((id: string) => setState((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== id) })), [])
  return { state, run, dismiss }
}
