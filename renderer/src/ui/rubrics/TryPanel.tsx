import { useMemo, useState } from 'react'
import type { Decision, DeductionEntry, Review, Rubric } from '@scoring/index'
import { formatCents, isScoreErrors, scoreReview, toCents } from '@scoring/index'
import { ruleHow } from './ScorePreview'

type Choice = { value: string; n: number }

const REVIEW_ID = '00000000-0000-4000-8000-000000000000'

function decisionFor(rubric: Rubric, itemId: string, c: Choice): Decision | null {
  if (c.value === '') return null
  if (c.value === 'ok') return { itemId, kind: 'conforming' }
  if (c.value === 'na') return { itemId, kind: 'na', reason: '试评' }
  if (c.value.startsWith('veto:')) {
    const vetoId = c.value.slice(5)
    return { itemId, kind: 'veto', ...(vetoId !== itemId ? { vetoId } : {}), reason: '试评' }
  }
  const ruleId = c.value.slice(5)
  const rule = rubric.sections.flatMap((s) => s.items).find((i) => i.id === itemId)?.rules?.find((r) => r.id === ruleId)
  if (!rule) return null
  let entry: DeductionEntry = { ruleId, reason: '试评' }
  if (rule.kind === 'perOccurrence' || (rule.kind === 'perElement' && !rule.elements)) entry = { ...entry, occurrences: Math.max(1, Math.round(c.n)) }
  if (rule.kind === 'perElement' && rule.elements) entry = { ...entry, elements: rule.elements.slice(0, Math.max(1, Math.min(rule.elements.length, Math.round(c.n)))) }
  if (rule.kind === 'range') entry = { ...entry, amount: c.n }
  return { itemId, kind: 'deducted', deductions: [entry] }
}

/** Lets the author mark a few decisions and see what the engine makes of them: total, grade and every step. */
export function TryPanel({ rubric }: { rubric: Rubric | null }) {
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  const result = useMemo(() => {
    if (!rubric) return null
    const decisions: Decision[] = []
    for (const [itemId, c] of Object.entries(choices)) {
      const d = decisionFor(rubric, itemId, c)
      if (d) decisions.push(d)
    }
    const review: Review = { format: 'case-review-review/1', id: REVIEW_ID, rubricId: rubric.id, rubricVersion: rubric.version, decisions }
    return scoreReview(rubric, review)
  }, [rubric, choices])
  if (!rubric) return <p className="muted pad-s" data-testid="try-unavailable">标准中还有错误，改正后才能试评。</p>
  const set = (itemId: string, c: Choice) => setChoices((prev) => ({ ...prev, [itemId]: c }))
  const allOk = () => {
    const next: Record<string, Choice> = {}
    for (const b of rubric.basic?.items ?? []) next[b.id] = { value: 'ok', n: 1 }
    for (const s of rubric.sections) for (const it of s.items) next[it.id] = choices[it.id]?.value ? choices[it.id]! : { value: 'ok', n: 1 }
    setChoices((prev) => ({ ...next, ...Object.fromEntries(Object.entries(prev).filter(([, c]) => c.value !== '')) }))
  }
  return (
    <div className="try-panel" data-testid="try-panel">
      {result && !isScoreErrors(result) && (
        <div className="try-result">
          <span className="total-number" data-testid="try-total">
            {result.totalText}
          </span>
          <span className="total-of">/ {formatCents(toCents(result.maxEffective))} 分</span>
          <span className="grade" data-testid="try-grade">
            {result.grade.name}
          </span>
          {!result.complete && <span className="provisional">尚有 {result.undecided.length} 项未评，未评项按满分计</span>}
          {result.veto.hit && <span className="veto-banner">命中否决</span>}
        </div>
      )}
      {result && isScoreErrors(result) && (
        <ul className="try-errors">
          {result.errors.map((e, i) => (
            <li key={i} className="error">
              {e.message}
            </li>
          ))}
        </ul>
      )}
      {result && !isScoreErrors(result) && (
        <details className="try-trace">
          <summary>计分过程</summary>
          <ol data-testid="try-trace">
            {result.trace.map((t, i) => (
              <li key={i} className={`trace-${t.kind}`}>
                {t.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      <div className="button-row">
        <button type="button" onClick={allOk}>
          其余全部“符合”
        </button>
        <button type="button" onClick={() => setChoices({})}>
          清空
        </button>
      </div>
      <div className="try-items">
        {rubric.basic && <div className="try-group">{rubric.basic.title}</div>}
        {rubric.basic?.items.map((b) => (
          <div className="try-item" key={b.id}>
            <span className="try-name" title={b.text}>
              {b.text}
            </span>
            <select data-testid="try-decision" data-item-id={b.id} value={choices[b.id]?.value ?? ''} onChange={(e) => set(b.id, { value: e.target.value, n: 1 })}>
              <option value="">未评</option>
              <option value="ok">符合</option>
              <option value={`veto:${b.id}`}>否决</option>
            </select>
          </div>
        ))}
        {rubric.sections.map((s) => [
          <div className="try-group" key={`g-${s.id}`}>
            {s.name}
          </div>,
          ...s.items.map((it) => {
            const c = choices[it.id] ?? { value: '', n: 1 }
            const rule = c.value.startsWith('rule:') ? it.rules?.find((r) => r.id === c.value.slice(5)) : undefined
            const needsN = rule && (rule.kind === 'perOccurrence' || rule.kind === 'perElement' || rule.kind === 'range')
            return (
              <div className="try-item" key={it.id}>
                <span className="try-name" title={it.name}>
                  <span className="tree-id">{it.id}</span> {it.name}
                </span>
                <select
                  data-testid="try-decision"
                  data-item-id={it.id}
                  value={c.value}
                  onChange={(e) => {
                    const v = e.target.value
                    const r = v.startsWith('rule:') ? it.rules?.find((x) => x.id === v.slice(5)) : undefined
                    set(it.id, { value: v, n: r?.kind === 'range' ? r.min : 1 })
                  }}
                >
                  <option value="">未评</option>
                  <option value="ok">符合</option>
                  {it.rules?.map((r) => (
                    <option key={r.id} value={`rule:${r.id}`}>
                      扣分：{r.text}（{ruleHow(r)}）
                    </option>
                  ))}
                  {it.naAllowed && <option value="na">不适用</option>}
                  {it.vetoes?.map((v) => (
                    <option key={v.id} value={`veto:${v.id}`}>
                      否决：{v.text}
                    </option>
                  ))}
                </select>
                {needsN && (
                  <input
                    className="try-n"
                    type="number"
                    min={rule.kind === 'range' ? rule.min : 1}
                    step={rule.kind === 'range' ? rule.step : 1}
                    title={rule.kind === 'range' ? '扣分数额' : rule.kind === 'perElement' ? '缺失项数' : '次数'}
                    value={c.n}
                    onChange={(e) => set(it.id, { value: c.value, n: Number(e.target.value) })}
                  />
                )}
              </div>
            )
          }),
        ])}
      </div>
    </div>
  )
}
