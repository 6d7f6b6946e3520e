import { useState } from 'react'

/** Ctrl+G: jump to a page by number. */
export function GoToPageDialog({ pageCount, onClose }: { pageCount: number; onClose(page: number | null): void }) {
  const [text, setText] = useState('')
  const n = Number(text)
  const valid = Number.isInteger(n) && n >= 1 && n <= pageCount
  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && onClose(null)}>
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="goto-title"
        data-testid="goto-dialog"
        onSubmit={(e) => {
          e.preventDefault()
          if (valid) onClose(n)
        }}
      >
        <h2 id="goto-title">转到页码</h2>
        <input autoFocus data-testid="goto-input" value={text} onChange={(e) => setText(e.target.value)} inputMode="numeric" aria-label={`页码（1–${pageCount}）`} placeholder={`1–${pageCount}`} />
        {text !== '' && !valid && <p className="error">请输入 1 到 {pageCount} 之间的页码。</p>}
        <div className="modal-actions">
          <button type="button" onClick={() => onClose(null)}>
            取消
          </button>
          <button type="submit" className="primary" disabled={!valid} data-testid="goto-submit">
            转到
          </button>
        </div>
      </form>
    </div>
  )
}
