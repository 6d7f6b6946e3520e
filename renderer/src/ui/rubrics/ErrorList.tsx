import type { ValidationError } from '@scoring/index'

/** Every problem validateRubric found; a click jumps to the field it is about. */
export function ErrorList({ errors, onJump }: { errors: ValidationError[]; onJump: (path: string) => void }) {
  if (errors.length === 0) return <p className="ok-text pad-s" data-testid="rubric-no-errors">没有发现问题，可以发布。</p>
  return (
    <ol className="error-list" data-testid="rubric-error-list">
      {errors.map((e, i) => (
        <li key={i}>
          <button className="link" data-testid="rubric-error-item" data-path={e.path} onClick={() => onJump(e.path)}>
            {e.message}
          </button>
          <code className="muted">{e.path}</code>
        </li>
      ))}
    </ol>
  )
}
