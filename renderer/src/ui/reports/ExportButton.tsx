import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import type { ExportedFile } from '../../reports/documents'

export type Progress = (done: number, total: number) => void

/**
 * One export: builds the file(s), hands them to the host, and says in Chinese what happened.
 * Several files (e.g. one notice per agency) report progress as they go.
 */
export function ExportButton(p: { testId: string; label: string; caseId?: string; agencyId?: string; disabled?: boolean; make: (progress: Progress) => Promise<ExportedFile | ExportedFile[]> }) {
  const { host } = useServices()
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const run = async () => {
    setMessage(null)
    setBusy('正在生成…')
    try {
      const made = await p.make((done, total) => setBusy(`正在生成 ${done}/${total}…`))
      const files = Array.isArray(made) ? made : [made]
      const saved: string[] = []
      for (const [i, f] of files.entries()) {
        if (files.length > 1) setBusy(`正在保存 ${i + 1}/${files.length}…`)
        const r = await host.saveFile(f.name, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mime }))
        if (!r.ok) throw new Error(`保存失败：${r.message}`)
        if (r.savedTo) saved.push(r.savedTo)
      }
      // An empty list means the work went elsewhere: the print dialog (browser PDF fallback).
      setMessage({ ok: true, text: files.length === 0 ? '已打开打印对话框，请在其中选择「另存为 PDF」' : saved.length ? `已保存：${saved.join('；')}` : '已取消保存' })
    } catch (e) {
      setMessage({ ok: false, text: `导出失败：${e instanceof Error ? e.message : String(e)}` })
    } finally {
      setBusy(null)
    }
  }
  return (
    <span className="rp-export">
      <button data-testid={p.testId} data-case-id={p.caseId} data-agency-id={p.agencyId} disabled={p.disabled || busy !== null} onClick={() => void run()}>
        {busy ?? p.label}
      </button>
      {message && (
        <span className={message.ok ? 'rp-ok small' : 'error small'} role={message.ok ? 'status' : 'alert'} data-testid={`${p.testId}-message`}>
          {message.text}
        </span>
      )}
    </span>
  )
}
