import { useState } from 'react'
import { ModalForm } from '../ModalForm'
import { MIN_OVERRIDE_REASON_LENGTH } from '@scoring/index'

/** The lead's exception to cross review: allowed only with a reason, which the assignment and the audit log keep. */
export function OverrideDialog({ caseNumber, memberName, refusal, onCancel, onConfirm }: { caseNumber: string; memberName: string; refusal: string; onCancel(): void; onConfirm(reason: string): Promise<string | null> }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (Array.from(reason.trim()).length < MIN_OVERRIDE_REASON_LENGTH) return setError(`请填写例外指派的理由（至少 ${MIN_OVERRIDE_REASON_LENGTH} 个字）`)
    setError(await onConfirm(reason.trim()))
  }
  return (
    <ModalForm title="例外指派（交叉评查规则之外）" testId="override-dialog" onSubmit={() => void submit()} onCancel={onCancel} cancelTestId="override-cancel" submitLabel="确认例外指派" submitTestId="override-confirm">
      <p className="muted">{refusal}</p>
      <p>
        将案卷「{caseNumber}」指派给 <strong>{memberName}</strong>。理由将随分配记录和审计日志一并保存，评查报告中可查。
      </p>
      <textarea data-testid="override-reason" rows={3} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：该领域仅此一名具备资格的评查人员" aria-label="例外指派理由" />
      {error && (
        <p className="error" role="alert" data-testid="override-error">
          {error}
        </p>
      )}
    </ModalForm>
  )
}
