import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isScoreErrors, type Decision, type ReviewAction, type Role, type Rubric, type ScoreOutcome } from '@scoring/index'
import { allRows, sheetGroups } from '../../review/sheetRows'
import type { ReviewRecord } from '../../store/workflowRecords'
import { scoreRecord } from '../../workflow/scoreRecord'
import type { EditorKind, EvidenceTools } from './DecisionEditor'
import { ItemRow } from './ItemRow'
import { ReviewActions } from './ReviewActions'
import { SheetExports } from './SheetExports'

export interface ScoreSheetProps {
  rubric: Rubric
  review: ReviewRecord
  caseLabel: string
  role: Role
  canEdit: boolean
  evidence: EvidenceTools
  suggestionsFor(itemId: string): string[]
  onDecision(itemId: string, decision: Decision | null): Promise<void>
  onHighlights(text: string): Promise<void>
  onAction(action: ReviewAction): Promise<void>
  onDispute(itemId: string, note: string, outcome?: string): Promise<void>
}

/** The score sheet beside the viewer. Every number on it comes from the engine. */
export function ScoreSheet(p: ScoreSheetProps) {
  const groups = useMemo(() => sheetGroups(p.rubric), [p.rubric])
  const rows = useMemo(() => allRows(groups), [groups])
  const result: ScoreOutcome = useMemo(() => scoreRecord(p.rubric, p.review), [p.rubric, p.review])
  const decisions = useMemo(() => new Map(p.review.decisions.map((d) => [d.itemId, d])), [p.review.decisions])
  const scores = useMemo(() => (isScoreErrors(result) ? new Map() : new Map(result.items.map((i) => [i.itemId, i]))), [result])
  const [selected, setSelected] = useState<string | null>(rows[0]?.id ?? null)
  const [editing, setEditing] = useState<{ id: string; kind: EditorKind } | null>(null)
  const [error, setError] = useState('')
  const sheet = useRef<HTMLDivElement>(null)

  const attempt = useCallback(async (work: () => Promise<void>) => {
    setError('')
    try {
      await work()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [])

  // Candidate decisions are checked by the engine before saving, so the sheet never stores a review it cannot score.
  const check = useCallback(
    (decision: Decision): string[] => {
      const trial = { ...p.review, decisions: [...p.review.decisions.filter((d) => d.itemId !== decision.itemId), decision] }
      const r = scoreRecord(p.rubric, trial)
      return isScoreErrors(r) ? r.errors.map((e) => e.message) : []
    },
    [p.rubric, p.review],
  )

  const nextUndecided = useCallback(() => rows.find((r) => !decisions.has(r.id)) ?? null, [rows, decisions])
  const save = useCallback(
    (decision: Decision) =>
      attempt(async () => {
        await p.onDecision(decision.itemId, decision)
        setEditing(null)
        const after = rows.findIndex((r) => r.id === decision.itemId)
        const next = rows.slice(after + 1).find((r) => !decisions.has(r.id) && r.id !== decision.itemId)
        if (next) setSelected(next.id)
        sheet.current?.focus()
      }),
    [attempt, p, rows, decisions],
  )
  const conforming = useCallback((id: string) => void save({ itemId: id, kind: 'conforming' }), [save])
  const edit = useCallback((id: string, kind: EditorKind) => {
    setSelected(id)
    setEditing({ id, kind })
  }, [])
  const clear = useCallback((id: string) => void attempt(() => p.onDecision(id, null)), [attempt, p])
  const cancel = useCallback(() => {
    setEditing(null)
    sheet.current?.focus()
  }, [])
  // Reviewers flag an item for the panel's collective discussion; the lead records its outcome.
  const dispute = useCallback(
    (id: string) => {
      const open = p.review.disputes.find((d) => d.itemId === id && !d.outcome)
      if (open && p.role === 'lead') {
        const outcome = window.prompt(`争议：${open.note}\n请记录集体讨论的结果：`)
        if (outcome && outcome.trim()) void attempt(() => p.onDispute(id, open.note, outcome.trim()))
        return
      }
      const note = window.prompt('争议说明（提交集体讨论）：')
      if (note && note.trim()) void attempt(() => p.onDispute(id, note.trim()))
    },
    [attempt, p],
  )

  // Keyboard-only path: N next unscored item, 1–5 choose, Enter confirm (in the editor), ↑/↓ move.
  useEffect(() => {
    const el = sheet.current
    if (!el) return
    const onKey = (e: KeyboardEvent) => {
      if (editing || !p.canEdit) return
      const t = e.target as HTMLElement
      if (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return
      const row = rows.find((r) => r.id === selected)
      const idx = rows.findIndex((r) => r.id === selected)
      const act = (() => {
        switch (e.key) {
          case 'n':
          case 'N': {
            const next = nextUndecided()
            if (next) setSelected(next.id)
            return true
          }
          case 'ArrowDown':
            if (idx < rows.length - 1) setSelected(rows[idx + 1]!.id)
            return true
          case 'ArrowUp':
            if (idx > 0) setSelected(rows[idx - 1]!.id)
            return true
          case '1':
            if (row && row.kind !== 'bonus') conforming(row.id)
            return true
          case '2':
            if (row?.kind === 'scored' && row.rules.length) edit(row.id, 'deducted')
            return true
          case '3':
            if (row?.kind === 'scored' && row.item.naAllowed) edit(row.id, 'na')
            return true
          case '4':
            if (row && (row.kind === 'basic' || (row.kind === 'scored' && row.vetoes.length))) edit(row.id, 'veto')
            return true
          case '5':
            if (row?.kind === 'bonus') edit(row.id, 'bonus')
            return true
          default:
            return false
        }
      })()
      if (act) e.preventDefault()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [editing, p.canEdit, rows, selected, nextUndecided, conforming, edit])

  useEffect(() => {
    sheet.current?.querySelector(`[data-item-id="${CSS.escape(selected ?? '')}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selected])

  const ok = !isScoreErrors(result)
  const disputed = new Set(p.review.disputes.filter((d) => !d.outcome).map((d) => d.itemId))
  const disputeText = (itemId: string) => {
    const d = p.review.disputes.find((x) => x.itemId === itemId)
    return d ? `${d.note}${d.outcome ? `；讨论结果：${d.outcome}` : '（待集体讨论）'}` : ''
  }
  return (
    <div className="score-sheet" ref={sheet} tabIndex={0} data-testid="score-sheet" aria-label="评分表">
      <div className="sheet-header">
        <div className="sheet-case">{p.caseLabel}</div>
        {ok ? (
          <div className="sheet-total" data-testid="sheet-total" data-total={result.totalText} data-grade={result.grade.name} data-complete={String(result.complete)}>
            <span className="total-number">{result.totalText}</span>
            <span className="total-of">/ {result.declaredTotal} 分</span>
            <span className={`grade grade-${result.grade.id}`}>{result.grade.name}</span>
            {!result.complete && <span className="provisional">暂定 · 尚有 {result.undecided.length} 项未评</span>}
          </div>
        ) : (
          <div className="error" role="alert">
            评查记录与评查标准不符：{result.errors[0]?.message}
          </div>
        )}
        {ok && result.veto.hit && (
          <div className="veto-banner" role="status" data-testid="veto-banner">
            否决：{result.veto.items.map((v) => v.text).join('；')}
          </div>
        )}
        <ReviewActions state={p.review.state} role={p.role} complete={ok && result.complete} onAction={(a) => p.onAction(a)} />
        <SheetExports review={p.review} />
        {p.review.comments.length > 0 && (
          <ul className="review-comments" data-testid="review-comments">
            {p.review.comments.map((c, i) => (
              <li key={i}>
                <span className="muted">{c.by} · {new Date(c.at).toLocaleString('zh-CN')}：</span>
                {c.text}
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="error" role="alert" data-testid="sheet-error">
            {error}
          </p>
        )}
        {p.canEdit && <div className="muted small keys-hint">键盘：N 下一未评项 · ↑↓ 移动 · 1 符合 · 2 扣分 · 3 不适用 · 4 否决 · 5 加分 · Enter 确认</div>}
      </div>
      <div className="sheet-body">
        {groups.map((g) => {
          const section = ok ? result.sections.find((s) => s.sectionId === g.id) : undefined
          return (
            <section key={g.id} className="sheet-group" data-testid="sheet-group" data-group={g.id}>
              <h3>
                {g.title}
                {section && section.max !== null && (
                  <span className="group-points" data-testid="group-points">
                    满分 {section.maxApplicable ?? section.max} · 剩余 {section.awarded ?? '—'}
                  </span>
                )}
              </h3>
              <ul>
                {g.rows.map((row) => (
                  <ItemRow
                    key={row.id}
                    row={row}
                    decision={decisions.get(row.id) ?? null}
                    score={scores.get(row.id)}
                    selected={selected === row.id}
                    editing={editing?.id === row.id ? editing.kind : null}
                    canEdit={p.canEdit}
                    disputed={disputed.has(row.id)}
                    disputeText={disputeText(row.id)}
                    suggestions={p.suggestionsFor(row.id)}
                    evidence={p.evidence}
                    check={check}
                    onSelect={setSelected}
                    onConforming={conforming}
                    onEdit={edit}
                    onClear={clear}
                    onSave={save}
                    onCancel={cancel}
                    onDispute={dispute}
                  />
                ))}
              </ul>
            </section>
          )
        })}
        <section className="sheet-group">
          <h3>亮点（良好做法）</h3>
          <textarea className="highlights" data-testid="highlights" defaultValue={p.review.highlights} key={p.review.id} disabled={!p.canEdit} placeholder="记录案卷中值得推广的做法" onBlur={(e) => e.target.value !== p.review.highlights && void attempt(() => p.onHighlights(e.target.value))} />
        </section>
        {ok && (
          <details className="sheet-group trace">
            <summary>计分过程（{result.trace.length} 行）</summary>
            <ol data-testid="trace">
              {result.trace.map((t, i) => (
                <li key={i}>{t.text}</li>
              ))}
            </ol>
          </details>
        )}
      </div>
    </div>
  )
}
