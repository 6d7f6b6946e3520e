import { useState, type FormEvent } from 'react'
import { DEFAULT_TOLERANCE_CENTS, formatCents, parseDecimal } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { listPinnableRubrics, type CatalogEntry } from '../../rubrics/rubricCatalog'
import { createCampaign } from '../../workflow/campaigns'
import { caseTypeName } from '../../workflow/caseList'
import { errorText } from './campaignActor'

const refKey = (e: { rubricId: string; version: number }) => `${e.rubricId}@${e.version}`

/** Case types in a stable order: the three named ones first, then whatever other rubrics bring. */
function caseTypesOf(entries: CatalogEntry[]): string[] {
  const known = ['licensing', 'penalty', 'enforcement']
  const others = [...new Set(entries.map((e) => e.caseType))].filter((t) => !known.includes(t)).sort()
  return [...known.filter((t) => entries.some((e) => e.caseType === t)), ...others]
}

export function NewCampaignForm({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const { db } = useServices()
  const rubrics = useLiveQuery(() => listPinnableRubrics(db), [db])
  const thisYear = new Date().getFullYear()
  const [name, setName] = useState('')
  const [year, setYear] = useState(String(thisYear))
  const [organiser, setOrganiser] = useState('')
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const [mode, setMode] = useState<'single' | 'double'>('single')
  const [tolerance, setTolerance] = useState(formatCents(DEFAULT_TOLERANCE_CENTS))
  // caseType → "rubricId@version", or '' for case types this campaign does not review.
  const [pinned, setPinned] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    const y = Number(year)
    if (!name.trim()) return setError('请填写活动名称')
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError('年度须为 2000—2100 之间的四位数字')
    if (!organiser.trim()) return setError('请填写组织单位')
    if (startDate && endDate && startDate > endDate) return setError('结束日期早于开始日期')
    const toleranceCents = mode === 'double' ? parseDecimal(tolerance) : DEFAULT_TOLERANCE_CENTS
    if (toleranceCents === null || toleranceCents < 0) return setError('允许差须为不小于 0 的分数，最多两位小数')
    const chosen = Object.entries(pinned)
      .filter(([, key]) => key)
      .map(([caseType, key]) => {
        const entry = rubrics?.find((r) => refKey(r) === key)
        return { caseType, rubricId: entry!.rubricId, version: entry!.version }
      })
    if (chosen.length === 0) return setError('请至少为一种案件类型选择评查标准')
    setBusy(true)
    try {
      const c = await createCampaign(db, { name: name.trim(), year: y, organiser: organiser.trim(), startDate, endDate, mode, toleranceCents, rubrics: chosen })
      onCreated(c.id)
    } catch (err) {
      setError(`未能创建评查活动：${errorText(err)}`)
      setBusy(false)
    }
  }

  return (
    <form className="cr-card cr-form" data-testid="campaign-form" onSubmit={(e) => void submit(e)}>
      <h2>新建评查活动</h2>
      <div className="cr-grid">
        <label>
          活动名称
          <input data-testid="campaign-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="如：2024 年度全市行政执法案卷评查" />
        </label>
        <label>
          年度
          <input data-testid="campaign-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        </label>
        <label>
          组织单位
          <input data-testid="campaign-organiser" value={organiser} onChange={(e) => setOrganiser(e.target.value)} placeholder="如：某市司法局" />
        </label>
        <label>
          开始日期
          <input type="date" data-testid="campaign-start" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </label>
        <label>
          结束日期
          <input type="date" data-testid="campaign-end" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        </label>
      </div>

      <fieldset>
        <legend>评查标准（每种案件类型固定一个版本，活动中不再变动）</legend>
        {rubrics === undefined ? (
          <p className="muted">正在读取评查标准…</p>
        ) : rubrics.length === 0 ? (
          <p className="error">没有可用的评查标准：请先在「评查标准」中发布一个版本。</p>
        ) : (
          <div className="cr-rubric-picks">
            {caseTypesOf(rubrics).map((t) => (
              <label key={t}>
                {caseTypeName(t)}
                <select data-testid={`campaign-rubric-${t}`} value={pinned[t] ?? ''} onChange={(e) => setPinned({ ...pinned, [t]: e.target.value })}>
                  <option value="">（本次不评查此类案件）</option>
                  {rubrics
                    .filter((r) => r.caseType === t)
                    .map((r) => (
                      <option key={refKey(r)} value={refKey(r)}>
                        {r.name}（第 {r.version} 版{r.builtIn ? '，内置' : ''}）
                      </option>
                    ))}
                </select>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>评查方式</legend>
        <div className="cr-inline">
          <label className="cr-radio">
            <input type="radio" name="mode" data-testid="campaign-mode-single" checked={mode === 'single'} onChange={() => setMode('single')} />
            单人评查（每卷一名评查人员）
          </label>
          <label className="cr-radio">
            <input type="radio" name="mode" data-testid="campaign-mode-double" checked={mode === 'double'} onChange={() => setMode('double')} />
            双人评查（每卷两名评查人员背靠背评分）
          </label>
          {mode === 'double' && (
            <label className="cr-inline">
              两人总分相差超过
              <input className="cr-short" data-testid="campaign-tolerance" value={tolerance} onChange={(e) => setTolerance(e.target.value)} />
              分时由组长裁定
            </label>
          )}
        </div>
      </fieldset>

      {error && (
        <p className="error" role="alert" data-testid="campaign-form-error">
          {error}
        </p>
      )}
      <div className="cr-actions">
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="primary" data-testid="campaign-create" disabled={busy}>
          创建
        </button>
      </div>
    </form>
  )
}
