import { useState, type FormEvent } from 'react'
import { useServices } from '../../app/AppServices'
import type { CaseFileRecord } from '../../store/records'
import { registerCases } from '../../workflow/campaigns'
import { caseTypeName, splitHandlers } from '../../workflow/caseList'
import { actorOf, errorText } from './campaignActor'
import type { CampaignData } from './useCampaignData'

const empty = { caseFileId: '', agencyId: '', caseNumber: '', caseType: '', party: '', cause: '', handlers: '', filedOn: '', closedOn: '' }

/** Registers one library case file with its particulars (案号、当事人、案由…). */
export function CaseForm({ data, files }: { data: CampaignData; files: CaseFileRecord[] }) {
  const { db } = useServices()
  const { campaign, cases, me } = data
  const [form, setForm] = useState({ ...empty, caseType: campaign.rubrics.length === 1 ? campaign.rubrics[0]!.caseType : '' })
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const registered = new Set(cases.map((c) => c.caseFileId))
  const available = files.filter((f) => !registered.has(f.id))
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setDone(null)
    const file = files.find((f) => f.id === form.caseFileId)
    if (!file) return setError('请从案卷库中选择案卷文件')
    try {
      await registerCases(db, campaign, [{ caseFileId: file.id, agencyId: form.agencyId, caseNumber: form.caseNumber, caseType: form.caseType, party: form.party.trim(), cause: form.cause.trim(), handlers: splitHandlers(form.handlers), filedOn: form.filedOn, closedOn: form.closedOn, pageCount: file.pageCount }], actorOf(me).label)
      setDone(`已登记「${form.caseNumber.trim()}」`)
      setForm({ ...empty, agencyId: form.agencyId, caseType: form.caseType })
    } catch (err) {
      setError(errorText(err))
    }
  }

  return (
    <form className="cr-card cr-form" data-testid="case-form" onSubmit={(e) => void submit(e)}>
      <h2>逐件登记</h2>
      <div className="cr-grid">
        <label className="cr-wide">
          案卷文件
          <select data-testid="case-file" value={form.caseFileId} onChange={set('caseFileId')}>
            <option value="">{available.length === 0 ? '（案卷库中没有未登记的案卷，请先导入）' : '从案卷库选择…'}</option>
            {available.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}（{f.pageCount} 页）
              </option>
            ))}
          </select>
        </label>
        <label>
          执法单位
          <select data-testid="case-agency" value={form.agencyId} onChange={set('agencyId')}>
            <option value="">请选择…</option>
            {campaign.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          案件类型
          <select data-testid="case-type" value={form.caseType} onChange={set('caseType')}>
            <option value="">请选择…</option>
            {campaign.rubrics.map((r) => (
              <option key={r.caseType} value={r.caseType}>
                {caseTypeName(r.caseType)}
              </option>
            ))}
          </select>
        </label>
        <label>
          案号
          <input data-testid="case-number" value={form.caseNumber} onChange={set('caseNumber')} placeholder="如：某市监处罚〔2024〕12号" />
        </label>
        <label>
          当事人
          <input data-testid="case-party" value={form.party} onChange={set('party')} />
        </label>
        <label>
          案由
          <input data-testid="case-cause" value={form.cause} onChange={set('cause')} />
        </label>
        <label>
          承办人
          <input data-testid="case-handlers" value={form.handlers} onChange={set('handlers')} placeholder="多人用顿号或逗号分隔" />
        </label>
        <label>
          立案日期
          <input type="date" data-testid="case-filed" value={form.filedOn} onChange={set('filedOn')} />
        </label>
        <label>
          结案日期
          <input type="date" data-testid="case-closed" value={form.closedOn} onChange={set('closedOn')} />
        </label>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="case-form-error">
          {error}
        </p>
      )}
      {done && (
        <p className="cr-ok" data-testid="case-form-done">
          {done}
        </p>
      )}
      <div className="cr-actions">
        <button type="submit" className="primary" data-testid="case-register">
          登记
        </button>
      </div>
    </form>
  )
}
