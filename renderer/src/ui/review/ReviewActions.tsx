import { useState } from 'react'
import { availableActions, reviewStateNames, type ReviewAction, type ReviewState, type Role } from '@scoring/index'

const labels: Record<ReviewAction['type'], string> = {
  start: '开始评查',
  submit: '提交复核',
  'begin-second-review': '开始复核',
  return: '退回修改',
  finalise: '定稿',
  reopen: '重新打开',
}

/** The state buttons for this person; actions that need words (return, reopen) ask for them first. */
export function ReviewActions({ state, role, complete, onAction }: { state: ReviewState; role: Role; complete: boolean; onAction(action: ReviewAction): Promise<void> }) {
  const [asking, setAsking] = useState<'return' | 'reopen' | 'finalise' | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const actions = availableActions(state, role).filter((a) => a !== 'start')
  const run = async (action: ReviewAction) => {
    setError('')
    try {
      await onAction(action)
      setAsking(null)
      setText('')
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <div className="review-actions">
      <span className={`state-chip state-${state}`} data-testid="review-state" data-state={state}>
        {reviewStateNames[state]}
      </span>
      {actions.map((a) => (
        <button
          key={a}
          className={a === 'submit' || a === 'finalise' ? 'primary' : ''}
          data-testid={`action-${a}`}
          disabled={a === 'submit' && !complete}
          title={a === 'submit' && !complete ? '还有未评查的项目，全部评查后才能提交' : undefined}
          onClick={() => (a === 'return' || a === 'reopen' || a === 'finalise' ? setAsking(a) : void run({ type: a } as ReviewAction))}
        >
          {labels[a]}
        </button>
      ))}
      {asking && (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (asking === 'return') void run({ type: 'return', comment: text })
            else if (asking === 'reopen') void run({ type: 'reopen', reason: text })
            else void run({ type: 'finalise', ...(text.trim() ? { note: text.trim() } : {}) })
          }}
        >
          <textarea
            autoFocus
            data-testid="action-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={asking === 'return' ? '退回意见（必填）' : asking === 'reopen' ? '重新打开的理由（必填）' : '复核意见（可选）'}
          />
          <div className="editor-actions">
            <button type="button" onClick={() => setAsking(null)}>
              取消
            </button>
            <button type="submit" className="primary" data-testid="action-confirm">
              确认{labels[asking]}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </div>
  )
}
