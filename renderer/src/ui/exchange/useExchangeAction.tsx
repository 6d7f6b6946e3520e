import { useState } from 'react'
import { messageOf } from '../../exchange/exchangeError'

export interface Notice {
  kind: 'ok' | 'error'
  text: string
}

/** One section's busy flag and its last message; an exception becomes the Chinese refusal the user sees. */
export function useExchangeAction() {
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  async function run(task: () => Promise<string>) {
    setBusy(true)
    setNotice(null)
    try {
      setNotice({ kind: 'ok', text: await task() })
    } catch (e) {
      console.error('exchange', e)
      setNotice({ kind: 'error', text: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return { busy, notice, run }
}

export function NoticeLine({ notice, testId }: { notice: Notice | null; testId: string }) {
  if (!notice) return null
  return (
    <p className={notice.kind === 'ok' ? 'cr-ok' : 'cr-alert'} data-testid={testId} data-kind={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </p>
  )
}
