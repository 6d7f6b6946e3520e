import { useEffect, useId, useMemo, useState } from 'react'
import type { Decision, DeductionEntry, DeductionRule, Evidence } from '@scoring/index'
import type { SheetRow } from '../../review/sheetRows'
import { ruleSummary } from '../../review/sheetRows'
import { EvidenceChips } from './EvidenceChips'

export type EditorKind = 'deducted' | 'na' | 'veto' | 'bonus'

export interface EvidenceTools {
  /** The page the viewer shows now (1-based). */
  currentPage(): number
  markLabel(id: string): string
  open(e: Evidence): void
  /** While an editor is open, a click on a region mark in the viewer is offered to it. */
  setMarkListener(listener: ((e: Evidence) => void) | null): void
}

interface Props {
  row: SheetRow
  kind: EditorKind
  initial: Decision | null
  suggestions: string[]
  evidence: EvidenceTools
  /** Checks a candidate decision with the engine; returns Chinese errors or []. */
  check(decision: Decision): string[]
  onSave(decision: Decision): void
  onCancel(): void
}

interface DraftDeduction {
  ruleId: string
  occurrences: string
  elements: string[]
  amount: string
  reason: string
  evidence: Evidence[]
}

const emptyDraft = (rules: DeductionRule[]): DraftDeduction => ({ ruleId: rules[0]?.id ?? '', occurrences: '1', elements: [], amount: rules[0]?.kind === 'range' ? String(rules[0].min) : '', reason: '', evidence: [] })

function rangeSteps(rule: Extract<DeductionRule, { kind: 'range' }>): string[] {
  const out: string[] = []
  // Work in hundredths so 0.5 steps never drift.
  const min = Math.round(rule.min * 100)
  const max = Math.round(rule.max * 100)
  const step = Math.max(1, Math.round(rule.step * 100))
  for (let c = min; c <= max; c += step) out.push(String(c / 100))
  return out
}

/** Edits one item's decision: which defect, how many or how much, why, and where in the file. */
export function DecisionEditor({ row, kind, initial, suggestions, evidence, check, onSave, onCancel }: Props) {
  const rules = row.kind === 'scored' ? row.rules : []
  const vetoes = row.kind === 'scored' ? row.vetoes : []
  const listId = useId()
  const [drafts, setDrafts] = useState<DraftDeduction[]>(() =>
    initial?.kind === 'deducted'
      ? initial.deductions.map((d) => ({ ruleId: d.ruleId, occurrences: String(d.occurrences ?? 1), elements: d.elements ?? [], amount: d.amount !== undefined ? String(d.amount) : '', reason: d.reason, evidence: d.evidence ?? [] }))
      : [emptyDraft(rules)],
  )
  const [reason, setReason] = useState(initial && 'reason' in initial ? initial.reason : '')
  const [vetoId, setVetoId] = useState(initial?.kind === 'veto' ? (initial.vetoId ?? '') : (vetoes[0]?.id ?? ''))
  const [amount, setAmount] = useState(initial?.kind === 'bonus' ? String(initial.amount) : '')
  const [singleEvidence, setSingleEvidence] = useState<Evidence[]>(initial && (initial.kind === 'veto' || initial.kind === 'bonus') ? (initial.evidence ?? []) : [])
  const [errors, setErrors] = useState<string[]>([])
  const [activeDraft, setActiveDraft] = useState(0)

  const addEvidence = (e: Evidence) => {
    if (kind === 'deducted') setDrafts((ds) => ds.map((d, i) => (i === activeDraft && !d.evidence.some((x) => x.page === e.page && x.mark === e.mark) ? { ...d, evidence: [...d.evidence, e] } : d)))
    else setSingleEvidence((es) => (es.some((x) => x.page === e.page && x.mark === e.mark) ? es : [...es, e]))
  }
  useEffect(() => {
    evidence.setMarkListener(addEvidence)
    return () => evidence.setMarkListener(null)
  })

  const build = (): Decision | string => {
    const itemId = row.id
    if (kind === 'na') return { itemId, kind: 'na', reason: reason.trim() }
    if (kind === 'veto') return { itemId, kind: 'veto', ...(row.kind === 'scored' && vetoId ? { vetoId } : {}), reason: reason.trim(), ...(singleEvidence.length ? { evidence: singleEvidence } : {}) }
    if (kind === 'bonus') {
      const n = Number(amount)
      if (!amount.trim() || !Number.isFinite(n)) return '请填写加分分值'
      return { itemId, kind: 'bonus', amount: n, reason: reason.trim(), ...(singleEvidence.length ? { evidence: singleEvidence } : {}) }
    }
    const deductions: DeductionEntry[] = []
    for (const d of drafts) {
      const rule = rules.find((r) => r.id === d.ruleId)
      if (!rule) return '请选择扣分情形'
      const entry: DeductionEntry = { ruleId: rule.id, reason: d.reason.trim(), ...(d.evidence.length ? { evidence: d.evidence } : {}) }
      if (rule.kind === 'perOccurrence' || (rule.kind === 'perElement' && !rule.elements)) {
        const n = Number(d.occurrences)
        if (!Number.isInteger(n) || n < 1) return '次数须为正整数'
        entry.occurrences = n
      }
      if (rule.kind === 'perElement' && rule.elements) {
        if (d.elements.length === 0) return '请勾选缺失的要素'
        entry.elements = d.elements
      }
      if (rule.kind === 'range') entry.amount = Number(d.amount)
      deductions.push(entry)
    }
    return { itemId, kind: 'deducted', deductions }
  }

  const save = () => {
    const decision = build()
    if (typeof decision === 'string') return setErrors([decision])
    const problems = check(decision)
    if (problems.length) return setErrors(problems)
    onSave(decision)
  }

  const title = { deducted: '扣分', na: '不适用', veto: '否决', bonus: '加分' }[kind]
  const reasonSuggestions = useMemo(() => [...new Set([...suggestions, ...rules.map((r) => r.text)])], [suggestions, rules])

  return (
    <form
      className="decision-editor"
      data-testid="decision-editor"
      data-kind={kind}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <div className="editor-title">{title}</div>
      <datalist id={listId}>
        {reasonSuggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {kind === 'deducted' &&
        drafts.map((d, i) => {
          const rule = rules.find((r) => r.id === d.ruleId)
          const update = (patch: Partial<DraftDeduction>) => setDrafts((ds) => ds.map((x, k) => (k === i ? { ...x, ...patch } : x)))
          return (
            <fieldset key={i} className={`deduction-draft${i === activeDraft ? ' active' : ''}`} onFocus={() => setActiveDraft(i)}>
              <select value={d.ruleId} onChange={(e) => update({ ruleId: e.target.value, amount: (() => { const r = rules.find((x) => x.id === e.target.value); return r?.kind === 'range' ? String(r.min) : '' })() })} data-testid="rule-select" aria-label="扣分情形">
                {rules.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.text}（{ruleSummary(r)}）
                  </option>
                ))}
              </select>
              {rule && (rule.kind === 'perOccurrence' || (rule.kind === 'perElement' && !rule.elements)) && (
                <label className="inline">
                  {rule.kind === 'perOccurrence' ? '处数' : '缺项数'}
                  <input type="number" min={1} step={1} value={d.occurrences} onChange={(e) => update({ occurrences: e.target.value })} data-testid="occurrences-input" />
                </label>
              )}
              {rule?.kind === 'perElement' && rule.elements && (
                <div className="elements">
                  {rule.elements.map((el) => (
                    <label key={el} className="inline">
                      <input type="checkbox" checked={d.elements.includes(el)} onChange={(e) => update({ elements: e.target.checked ? [...d.elements, el] : d.elements.filter((x) => x !== el) })} />
                      {el}
                    </label>
                  ))}
                </div>
              )}
              {rule?.kind === 'range' && (
                <label className="inline">
                  扣分
                  <select value={d.amount} onChange={(e) => update({ amount: e.target.value })} data-testid="amount-select">
                    {rangeSteps(rule).map((v) => (
                      <option key={v} value={v}>
                        {v} 分
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <input className="reason" list={listId} placeholder="扣分理由（必填，可从常见问题中选择）" value={d.reason} onChange={(e) => update({ reason: e.target.value })} data-testid="reason-input" aria-label="扣分理由" autoFocus={i === 0} />
              <div className="evidence-row">
                <EvidenceChips evidence={d.evidence} markLabel={evidence.markLabel} onOpen={evidence.open} onRemove={(k) => update({ evidence: d.evidence.filter((_, j) => j !== k) })} />
                <button type="button" className="link" data-testid="cite-page" onClick={() => { setActiveDraft(i); update({ evidence: d.evidence.some((x) => x.page === evidence.currentPage() && !x.mark) ? d.evidence : [...d.evidence, { page: evidence.currentPage() }] }) }}>
                  ＋引用当前页
                </button>
                <span className="muted small">或点击左侧页面上的标记</span>
              </div>
              {drafts.length > 1 && (
                <button type="button" className="link danger" onClick={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}>
                  删除此条
                </button>
              )}
            </fieldset>
          )
        })}
      {kind === 'deducted' && rules.length > 1 && (
        <button type="button" className="link" onClick={() => setDrafts((ds) => [...ds, emptyDraft(rules)])} data-testid="add-deduction">
          ＋同一项目下另一种扣分情形
        </button>
      )}
      {kind === 'veto' && row.kind === 'scored' && vetoes.length > 0 && (
        <select value={vetoId} onChange={(e) => setVetoId(e.target.value)} aria-label="否决情形">
          {vetoes.map((v) => (
            <option key={v.id} value={v.id}>
              {v.text}
            </option>
          ))}
        </select>
      )}
      {kind === 'bonus' && row.kind === 'bonus' && (
        <label className="inline">
          加分（最多 {row.item.max} 分）
          <input type="number" min={0} max={row.item.max} step={row.item.step ?? 0.01} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="bonus-amount" />
        </label>
      )}
      {kind !== 'deducted' && (
        <>
          <input className="reason" list={listId} placeholder={kind === 'na' ? '不适用的理由（必填）' : kind === 'veto' ? '否决理由（必填）' : '加分理由（必填）'} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reason-input" aria-label="理由" autoFocus />
          {kind !== 'na' && (
            <div className="evidence-row">
              <EvidenceChips evidence={singleEvidence} markLabel={evidence.markLabel} onOpen={evidence.open} onRemove={(k) => setSingleEvidence((es) => es.filter((_, j) => j !== k))} />
              <button type="button" className="link" data-testid="cite-page" onClick={() => addEvidence({ page: evidence.currentPage() })}>
                ＋引用当前页
              </button>
            </div>
          )}
        </>
      )}
      {errors.length > 0 && (
        <ul className="editor-errors" role="alert" data-testid="editor-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="editor-actions">
        <span className="muted small">Enter 确认 · Esc 取消</span>
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="primary" data-testid="decision-save">
          确认
        </button>
      </div>
    </form>
  )
}
