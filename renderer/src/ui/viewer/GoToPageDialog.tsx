import { useState } from 'react'
import { ModalForm } from '../ModalForm'

/** Ctrl+G: jump to a page by number. */
export function GoToPageDialog({ pageCount, onClose }: { pageCount: number; onClose(page: number | null): void }) {
  const [text, setText] = useState('')
  const n = Number(text)
  const valid = Number.isInteger(n) && n >= 1 && n <= pageCount
  return (
    <ModalForm title="转到页码" testId="goto-dialog" onSubmit={() => valid && onClose(n)} onCancel={() => onClose(null)} submitLabel="转到" submitTestId="goto-submit" submitDisabled={!valid}>
      <input autoFocus data-testid="goto-input" value={text} onChange={(e) => setText(e.target.value)} inputMode="numeric" aria-label={`页码（1–${pageCount}）`} placeholder={`1–${pageCount}`} />
      {text !== '' && !valid && <p className="error">请输入 1 到 {pageCount} 之间的页码。</p>}
    </ModalForm>
  )
}
