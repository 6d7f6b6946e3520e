import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { updateCampaign } from '../../workflow/campaigns'
import { actorOf, errorText } from '../campaigns/campaignActor'
import type { CampaignData } from '../campaigns/useCampaignData'

const FIELDS = [
  { key: 'documentNumber', label: '文号', placeholder: '如：某司通〔2026〕12号' },
  { key: 'scope', label: '评查范围', placeholder: '如：2025年7月1日至2026年6月30日办结的行政处罚案卷' },
  { key: 'basis', label: '评查依据', placeholder: '如：《某省行政执法案卷评查办法》' },
  { key: 'rectificationDeadline', label: '整改期限', placeholder: '' },
] as const

/** The campaign's own facts the circular prints (文号, 范围, 依据, 整改期限); saved on the campaign, audited. */
export function CircularFields({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const c = data.campaign
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, c[f.key] ?? ''])))
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const dirty = FIELDS.some((f) => (values[f.key] ?? '') !== (c[f.key] ?? ''))
  const save = async () => {
    setNote(null)
    const deadline = values.rectificationDeadline ?? ''
    if (deadline && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return setNote({ ok: false, text: '整改期限格式应为 YYYY-MM-DD' })
    try {
      const changes = Object.fromEntries(FIELDS.filter((f) => (values[f.key] ?? '') !== (c[f.key] ?? '')).map((f) => [f.key, (values[f.key] ?? '').trim() || undefined]))
      await updateCampaign(db, c.id, changes, actorOf(data.me).label)
      setNote({ ok: true, text: '已保存' })
    } catch (e) {
      setNote({ ok: false, text: errorText(e) })
    }
  }
  return (
    <section className="cr-card">
      <h2>通报要素</h2>
      <div className="cr-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className={f.key === 'scope' || f.key === 'basis' ? 'cr-wide' : undefined}>
            {f.label}
            <input
              data-testid={`report-field-${f.key}`}
              type={f.key === 'rectificationDeadline' ? 'date' : 'text'}
              placeholder={f.placeholder}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <div className="cr-actions">
        {note && (
          <span className={note.ok ? 'rp-ok small' : 'error small'} role={note.ok ? 'status' : 'alert'} data-testid="report-fields-note">
            {note.text}
          </span>
        )}
        <button data-testid="report-fields-save" disabled={!dirty} onClick={() => void save()}>
          保存通报要素
        </button>
      </div>
    </section>
  )
}
