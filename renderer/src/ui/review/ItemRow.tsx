import { memo } from 'react'
import type { Decision, ItemScore } from '@scoring/index'
import type { SheetRow } from '../../review/sheetRows'
import { DecisionEditor, type EditorKind, type EvidenceTools } from './DecisionEditor'
import { EvidenceChips } from './EvidenceChips'

const statusText: Record<string, string> = { conforming: '符合', deducted: '扣分', na: '不适用', veto: '否决', unscored: '未评' }

export interface ItemRowProps {
  row: SheetRow
  decision: Decision | null
  score: ItemScore | undefined
  selected: boolean
  editing: EditorKind | null
  canEdit: boolean
  disputed: boolean
  /** The dispute note and, once discussed, its outcome. */
  disputeText: string
  suggestions: string[]
  evidence: EvidenceTools
  check(decision: Decision): string[]
  onSelect(id: string): void
  onConforming(id: string): void
  onEdit(id: string, kind: EditorKind): void
  onClear(id: string): void
  onSave(decision: Decision): void
  onCancel(): void
  onDispute(id: string): void
}

export const ItemRow = memo(function ItemRow(p: ItemRowProps) {
  const { row, decision, score } = p
  const points = row.kind === 'scored' ? row.item.points : row.kind === 'bonus' ? row.item.max : undefined
  const status = decision ? (decision.kind === 'bonus' ? 'bonus' : decision.kind) : 'unscored'
  const naAllowed = row.kind === 'scored' && row.item.naAllowed
  const canVeto = row.kind === 'basic' || (row.kind === 'scored' && row.vetoes.length > 0)
  const canDeduct = row.kind === 'scored' && row.rules.length > 0
  return (
    <li className={`sheet-row status-${status}${p.selected ? ' selected' : ''}`} data-testid="sheet-row" data-item-id={row.id} data-status={status} onClick={() => p.onSelect(row.id)}>
      <div className="row-head">
        <span className="row-id">{row.id}</span>
        <span className="row-name">{row.name}</span>
        {points !== undefined && <span className="row-points">{row.kind === 'bonus' ? `加分≤${points}` : `${points}分`}</span>}
        <span className={`status-chip ${status}`} data-testid="row-status">
          {status === 'bonus' ? `加${score?.bonus ?? ''}分` : status === 'deducted' ? `扣${score?.deducted ?? ''}分` : (statusText[status] ?? status)}
        </span>
      </div>
      {p.disputeText && (
        <div className="dispute-line" data-testid="dispute-line">
          争议：{p.disputeText}
        </div>
      )}
      {p.canEdit && !p.editing && (
        <div className="row-actions" onClick={(e) => e.stopPropagation()}>
          {row.kind !== 'bonus' && (
            <button aria-pressed={status === 'conforming'} data-testid="act-conforming" onClick={() => p.onConforming(row.id)} title="1">
              符合
            </button>
          )}
          {canDeduct && (
            <button aria-pressed={status === 'deducted'} data-testid="act-deduct" onClick={() => p.onEdit(row.id, 'deducted')} title="2">
              扣分
            </button>
          )}
          {naAllowed && (
            <button aria-pressed={status === 'na'} data-testid="act-na" onClick={() => p.onEdit(row.id, 'na')} title="3">
              不适用
            </button>
          )}
          {canVeto && (
            <button aria-pressed={status === 'veto'} className="danger-outline" data-testid="act-veto" onClick={() => p.onEdit(row.id, 'veto')} title="4">
              否决
            </button>
          )}
          {row.kind === 'bonus' && (
            <button aria-pressed={status === 'bonus'} data-testid="act-bonus" onClick={() => p.onEdit(row.id, 'bonus')} title="5">
              加分
            </button>
          )}
          {decision && (
            <button className="link" data-testid="act-clear" onClick={() => p.onClear(row.id)}>
              清除
            </button>
          )}
          <button className={`link${p.disputed ? ' disputed' : ''}`} data-testid="act-dispute" onClick={() => p.onDispute(row.id)}>
            {p.disputed ? '争议中' : '标为争议'}
          </button>
        </div>
      )}
      {decision && !p.editing && <DecisionSummary decision={decision} score={score} evidence={p.evidence} />}
      {p.editing && (
        <div onClick={(e) => e.stopPropagation()}>
          <DecisionEditor row={row} kind={p.editing} initial={decision} suggestions={p.suggestions} evidence={p.evidence} check={p.check} onSave={p.onSave} onCancel={p.onCancel} />
        </div>
      )}
    </li>
  )
})

function DecisionSummary({ decision, score, evidence }: { decision: Decision; score: ItemScore | undefined; evidence: EvidenceTools }) {
  if (decision.kind === 'conforming') return null
  if (decision.kind === 'deducted')
    return (
      <ul className="decision-summary">
        {decision.deductions.map((d, i) => {
          const applied = score?.deductions[i]
          return (
            <li key={i} data-testid="deduction-line">
              <span className="muted">{applied ? `${applied.ruleText} −${applied.applied}分：` : ''}</span>
              {d.reason}
              <EvidenceChips evidence={d.evidence ?? []} markLabel={evidence.markLabel} onOpen={evidence.open} />
            </li>
          )
        })}
      </ul>
    )
  return (
    <ul className="decision-summary">
      <li>
        {decision.reason}
        {'evidence' in decision && <EvidenceChips evidence={decision.evidence ?? []} markLabel={evidence.markLabel} onOpen={evidence.open} />}
      </li>
    </ul>
  )
}
