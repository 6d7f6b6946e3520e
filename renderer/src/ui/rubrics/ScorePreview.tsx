import type { DeductionRule, Rubric } from '@scoring/index'
import { deductionKindLabels, formatCents, toCents, vetoEffectLabels } from '@scoring/index'

const p = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? formatCents(toCents(v)) : '—')

export function ruleHow(r: DeductionRule): string {
  switch (r.kind) {
    case 'fixed':
      return `扣${p(r.amount)}分`
    case 'full':
      return '扣全分'
    case 'perOccurrence':
      return `每处扣${p(r.amount)}分${r.maxDeduction !== undefined ? `，最多${p(r.maxDeduction)}分` : ''}`
    case 'perElement':
      return `每缺一项扣${p(r.amount)}分${r.maxDeduction !== undefined ? `，最多${p(r.maxDeduction)}分` : ''}`
    case 'range':
      return `酌情扣${p(r.min)}–${p(r.max)}分`
    default:
      return deductionKindLabels[(r as DeductionRule).kind] ?? ''
  }
}

/** The score sheet as reviewers will see it, read-only; it follows every edit. */
export function ScorePreview({ rubric }: { rubric: Rubric }) {
  const effect = (e: string | undefined) => vetoEffectLabels[(e ?? rubric.policies.vetoEffect) as keyof typeof vetoEffectLabels]
  return (
    <div className="score-preview" data-testid="score-preview">
      <div className="sp-title">{rubric.name}</div>
      <div className="sp-meta">
        满分 {p(rubric.total)} 分 · 等次：{[...rubric.bands].sort((a, b) => b.min - a.min).map((b) => `${b.name}≥${p(b.min)}`).join('，')}
      </div>
      <table className="sp-table">
        <thead>
          <tr>
            <th style={{ width: '22%' }}>评查项目</th>
            <th style={{ width: '9%' }}>分值</th>
            <th>评查标准（扣分情形）</th>
            <th style={{ width: '9%' }}>扣分</th>
            <th style={{ width: '9%' }}>得分</th>
          </tr>
        </thead>
        <tbody>
          {rubric.basic && (
            <>
              <tr className="sp-section">
                <td colSpan={5}>{rubric.basic.title}（否决项，符合其一即{effect(undefined)}）</td>
              </tr>
              {rubric.basic.items.map((b, i) => (
                <tr key={`b${i}`}>
                  <td>{b.group ?? b.id}</td>
                  <td>—</td>
                  <td>
                    {b.text}
                    {b.effect && <span className="sp-note">（{effect(b.effect)}）</span>}
                  </td>
                  <td className="sp-blank">□ 否决</td>
                  <td />
                </tr>
              ))}
            </>
          )}
          {rubric.sections.map((s, si) => (
            <Section key={si} rubric={rubric} si={si} effect={effect} />
          ))}
          {rubric.bonus && (
            <>
              <tr className="sp-section">
                <td colSpan={5}>
                  {rubric.bonus.title ?? '加分项'}（合计最多加{p(rubric.bonus.cap)}分）
                </td>
              </tr>
              {rubric.bonus.items.map((b, i) => (
                <tr key={`x${i}`}>
                  <td>{b.name}</td>
                  <td>+{p(b.max)}</td>
                  <td>{b.description ?? ''}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </>
          )}
          <tr className="sp-total">
            <td>合计</td>
            <td>{p(rubric.total)}</td>
            <td colSpan={3} />
          </tr>
        </tbody>
      </table>
    </div>
  )
}

function Section({ rubric, si, effect }: { rubric: Rubric; si: number; effect: (e: string | undefined) => string }) {
  const s = rubric.sections[si]!
  return (
    <>
      <tr className="sp-section">
        <td colSpan={5}>
          {s.name}
          {s.points !== undefined && `（${p(s.points)}分）`}
        </td>
      </tr>
      {s.items.map((it, ii) => {
        const lines = [...(it.vetoes ?? []).map((v) => `【否决】${v.text}（${effect(v.effect)}）`), ...(it.rules ?? []).map((r) => `${r.text}，${ruleHow(r)}`)]
        return (
          <tr key={ii} data-testid="preview-item" data-item-id={it.id}>
            <td>
              {it.name}
              {it.naAllowed && <span className="sp-note">（可不适用）</span>}
            </td>
            <td className="num">{p(it.points)}</td>
            <td>
              <ol className="sp-rules">
                {lines.map((l, k) => (
                  <li key={k}>{l}</li>
                ))}
              </ol>
              {it.maxDeduction !== undefined && <div className="sp-note">本项最多扣{p(it.maxDeduction)}分</div>}
            </td>
            <td />
            <td />
          </tr>
        )
      })}
    </>
  )
}
