import { createContext, useContext, useEffect, useRef, useState } from 'react'
import type { Rubric, ValidationError } from '@scoring/index'
import { validateRubric } from '@scoring/index'

export interface EditorState {
  rubric: Rubric
  readOnly: boolean
  errors: ValidationError[]
  /** Errors by exact JSON path, as validateRubric reports them. */
  errorsAt(path: string): ValidationError[]
  /** Errors at the path or anywhere below it (for tree badges). */
  countUnder(path: string): number
  set(path: string, value: unknown): void
  replace(next: Rubric): void
}

export const EditorContext = createContext<EditorState | null>(null)

export function useEditor(): EditorState {
  const e = useContext(EditorContext)
  if (!e) throw new Error('EditorContext missing')
  return e
}

/** validateRubric on every change, debounced so typing stays smooth on 200-item rubrics. */
export function useLiveValidation(rubric: Rubric, delayMs = 150): ValidationError[] {
  const [errors, setErrors] = useState<ValidationError[]>(() => {
    const v = validateRubric(rubric)
    return v.ok ? [] : v.errors
  })
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const t = setTimeout(() => {
      const v = validateRubric(rubric)
      setErrors(v.ok ? [] : v.errors)
    }, delayMs)
    return () => clearTimeout(t)
  }, [rubric, delayMs])
  return errors
}

export function errorIndex(errors: ValidationError[]): Pick<EditorState, 'errorsAt' | 'countUnder'> {
  const byPath = new Map<string, ValidationError[]>()
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e])
  return {
    errorsAt: (p) => byPath.get(p) ?? [],
    countUnder: (p) => errors.filter((e) => e.path === p || e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`)).length,
  }
}
