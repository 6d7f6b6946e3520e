import { useId, type ReactNode } from 'react'

/**
 * The app's one dialog shell: a titled form over a dimmed page, with cancel and confirm buttons.
 * Escape cancels; Enter in any field submits.
 */
export function ModalForm(p: { title: string; testId: string; onSubmit(): void; onCancel(): void; cancelLabel?: string; submitLabel: string; submitTestId?: string; cancelTestId?: string; submitDisabled?: boolean; children: ReactNode }) {
  const titleId = useId()
  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && p.onCancel()}>
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={p.testId}
        onSubmit={(e) => {
          e.preventDefault()
          p.onSubmit()
        }}
      >
        <h2 id={titleId}>{p.title}</h2>
        {p.children}
        <div className="modal-actions">
          <button type="button" data-testid={p.cancelTestId} onClick={p.onCancel}>
            {p.cancelLabel ?? '取消'}
          </button>
          <button type="submit" className="primary" data-testid={p.submitTestId} disabled={p.submitDisabled}>
            {p.submitLabel}
          </button>
        </div>
      </form>
    </div>
  )
}
