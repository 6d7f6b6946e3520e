import { useEffect, useId, useState, type ReactNode } from 'react'
import { getAt } from '../../rubrics/editorModel'
import { useEditor } from './EditorContext'

/** The errors validateRubric reported for exactly this path, shown right under the field. */
export function FieldErrors({ path }: { path: string }) {
  const { errorsAt } = useEditor()
  const errors = errorsAt(path)
  if (errors.length === 0) return null
  return (
    <>
      {errors.map((e, i) => (
        <div key={i} className="field-error" data-testid="field-error" data-path={path} role="alert">
          {e.message}
        </div>
      ))}
    </>
  )
}

function Frame({ label, path, hint, wide, children, id }: { label: string; path: string; hint?: string; wide?: boolean; children: ReactNode; id: string }) {
  const { errorsAt } = useEditor()
  return (
    <div className={`field${wide ? ' wide' : ''}${errorsAt(path).length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
      <FieldErrors path={path} />
    </div>
  )
}

export function TextField({ label, path, hint, wide, multiline, optional }: { label: string; path: string; hint?: string; wide?: boolean; multiline?: boolean; optional?: boolean }) {
  const { rubric, set, readOnly } = useEditor()
  const id = useId()
  const value = getAt(rubric, path)
  const text = typeof value === 'string' ? value : ''
  const onChange = (v: string) => set(path, optional && v === '' ? undefined : v)
  return (
    <Frame label={label} path={path} hint={hint} wide={wide} id={id}>
      {multiline ? (
        <textarea id={id} data-path={path} value={text} readOnly={readOnly} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} data-path={path} value={text} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
      )}
    </Frame>
  )
}

/**
 * Points are typed as text so "1." and "" can exist while typing; the rubric receives a number, nothing (blank),
 * or the raw text when it is not a number, so validation names the problem instead of the field swallowing it.
 */
export function NumberField({ label, path, hint, suffix = '分' }: { label: string; path: string; hint?: string; suffix?: string }) {
  const { rubric, set, readOnly } = useEditor()
  const id = useId()
  const value = getAt(rubric, path)
  const external = value === undefined ? '' : String(value)
  const [text, setText] = useState(external)
  useEffect(() => {
    // Only outside changes (undo, import, another field) may overwrite what is being typed.
    if (parseNumberText(text) !== value) setText(external)
  }, [value])
  return (
    <Frame label={label} path={path} hint={hint} id={id}>
      <span className="num-input">
        <input
          id={id}
          data-path={path}
          inputMode="decimal"
          value={text}
          readOnly={readOnly}
          onChange={(e) => {
            const t = e.target.value
            setText(t)
            set(path, parseNumberText(t))
          }}
        />
        {suffix && <span className="suffix">{suffix}</span>}
      </span>
    </Frame>
  )
}

function parseNumberText(t: string): number | string | undefined {
  const trimmed = t.trim()
  return trimmed === '' ? undefined : /^-?\d+(\.\d*)?$/.test(trimmed) ? Number(trimmed) : trimmed
}

export function SelectField<T extends string>({ label, path, options, optional, hint }: { label: string; path: string; options: readonly (readonly [T, string])[]; optional?: string; hint?: string }) {
  const { rubric, set, readOnly } = useEditor()
  const id = useId()
  const value = getAt(rubric, path)
  return (
    <Frame label={label} path={path} hint={hint} id={id}>
      <select id={id} data-path={path} value={typeof value === 'string' ? value : ''} disabled={readOnly} onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}>
        {optional !== undefined && <option value="">{optional}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Frame>
  )
}

export function BoolField({ label, path, hint }: { label: string; path: string; hint?: string }) {
  const { rubric, set, readOnly } = useEditor()
  const id = useId()
  const value = getAt(rubric, path)
  return (
    <div className="field checkbox">
      <label htmlFor={id}>
        <input id={id} type="checkbox" data-path={path} checked={value === true} disabled={readOnly} onChange={(e) => set(path, e.target.checked ? true : undefined)} /> {label}
      </label>
      {hint && <div className="field-hint">{hint}</div>}
      <FieldErrors path={path} />
    </div>
  )
}

/** A list of ids or names typed as "a、b、c" (document types) or one per line (elements). */
export function ListField({ label, path, hint, lines }: { label: string; path: string; hint?: string; lines?: boolean }) {
  const { rubric, set, readOnly } = useEditor()
  const id = useId()
  const value = getAt(rubric, path)
  const list = Array.isArray(value) ? (value as string[]) : undefined
  const sep = lines ? '\n' : '、'
  const external = list ? list.join(sep) : ''
  const [text, setText] = useState(external)
  useEffect(() => {
    if (text.split(lines ? /\n/ : /[、,，]/).map((s) => s.trim()).filter(Boolean).join(sep) !== external) setText(external)
  }, [external])
  const onChange = (t: string) => {
    setText(t)
    const parts = t.split(lines ? /\n/ : /[、,，]/).map((s) => s.trim()).filter(Boolean)
    set(path, parts.length ? parts : undefined)
  }
  return (
    <Frame label={label} path={path} hint={hint} id={id} wide={lines}>
      {lines ? (
        <textarea id={id} data-path={path} rows={Math.min(6, Math.max(2, (list?.length ?? 0) + 1))} value={text} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} data-path={path} value={text} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
      )}
      {list?.map((_, i) => <FieldErrors key={i} path={`${path}[${i}]`} />)}
    </Frame>
  )
}

/** Document types picked from the rubric's list (and its extra types) instead of typed as ids. */
export function DocTypesField({ label, path, options }: { label: string; path: string; options: readonly { id: string; name: string }[] }) {
  const { rubric, set, readOnly } = useEditor()
  const value = getAt(rubric, path)
  const chosen = Array.isArray(value) ? (value as string[]) : []
  const names = new Map(options.map((o) => [o.id, o.name]))
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((x) => x !== id)
    set(path, next.length ? next : undefined)
  }
  return (
    <div className="field wide">
      <label>{label}</label>
      <div className="doc-chips" data-path={path}>
        {chosen.length === 0 && <span className="muted small">未指定</span>}
        {chosen.map((id, i) => (
          <span key={id} className={`chip${names.has(id) ? '' : ' unknown'}`} title={id}>
            {names.get(id) ?? id}
            {!readOnly && (
              <button type="button" className="chip-x" aria-label={`移除${names.get(id) ?? id}`} onClick={() => set(path, chosen.length > 1 ? chosen.filter((_, k) => k !== i) : undefined)}>
                ×
              </button>
            )}
          </span>
        ))}
        {!readOnly && (
          <details className="doc-picker">
            <summary>选择…</summary>
            <div className="doc-picker-list">
              {options.map((o) => (
                <label key={o.id}>
                  <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} /> {o.name}
                  <span className="muted small"> {o.id}</span>
                </label>
              ))}
            </div>
          </details>
        )}
      </div>
      {chosen.map((_, i) => (
        <FieldErrors key={i} path={`${path}[${i}]`} />
      ))}
    </div>
  )
}
