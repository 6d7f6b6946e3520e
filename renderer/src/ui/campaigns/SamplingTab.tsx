import { useState } from 'react'
import { checkSamplingPlan, describeSample, normaliseSeed, type SamplingPlan } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { freshSeed, runSampling } from '../../workflow/sampling'
import { formatDateTime } from '../format'
import { actorOf, errorText, isLead, LEAD_ONLY } from './campaignActor'
import type { CampaignData } from './useCampaignData'

export function SamplingTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, cases, assignments, me } = data
  const last = campaign.sampling
  const [mode, setMode] = useState<SamplingPlan['mode']>(last?.plan.mode ?? 'count')
  const [amount, setAmount] = useState(String(last?.plan.amount ?? 2))
  const [seed, setSeed] = useState(() => freshSeed())
  const [error, setError] = useState<string | null>(null)
  const [confirmRedraw, setConfirmRedraw] = useState(false)
  const lead = isLead(me)

  const draw = async () => {
    setError(null)
    const plan: SamplingPlan = { mode, amount: Number(amount), seed: normaliseSeed(seed) }
    if (amount.trim() === '' || !Number.isFinite(plan.amount)) return setError(mode === 'count' ? '请填写每个单位抽取的件数' : '请填写抽取比例')
    const problem = checkSamplingPlan(plan)
    if (problem) return setError(problem)
    if (cases.length === 0) return setError('尚未登记案卷，无法抽取')
    if (last && !confirmRedraw) return setConfirmRedraw(true)
    setConfirmRedraw(false)
    try {
      await runSampling(db, campaign, plan, actorOf(me).label)
      setSeed(freshSeed())
    } catch (err) {
      setError(`抽取失败，未作任何改动：${errorText(err)}`)
    }
  }

  const agencyNames = Object.fromEntries(campaign.agencies.map((a) => [a.id, a.name]))
  const caseById = new Map(cases.map((c) => [c.id, c]))
  return (
    <div className="cr-stack">
      <section className="cr-card cr-form">
        <h2>随机抽取案卷</h2>
        <p className="hint">从已登记的 {cases.length} 件案卷中，按执法单位分别随机抽取。抽取使用公开的随机种子：以同一份登记名单和同一种子重新抽取，结果完全相同，可供核验。</p>
        <div className="cr-inline">
          <label className="cr-radio">
            <input type="radio" name="sampling-mode" data-testid="sampling-mode-count" checked={mode === 'count'} onChange={() => setMode('count')} />
            每个单位抽取
          </label>
          <label className="cr-radio">
            <input type="radio" name="sampling-mode" data-testid="sampling-mode-percent" checked={mode === 'percent'} onChange={() => setMode('percent')} />
            按比例抽取
          </label>
          <input className="cr-short" data-testid="sampling-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label={mode === 'count' ? '件数' : '比例'} />
          <span>{mode === 'count' ? '件' : '%'}</span>
        </div>
        <div className="cr-inline">
          <label className="cr-inline">
            随机种子
            <input className="cr-seed" data-testid="sampling-seed" value={seed} onChange={(e) => setSeed(e.target.value)} spellCheck={false} />
          </label>
          <button type="button" data-testid="sampling-new-seed" onClick={() => setSeed(freshSeed())}>
            换一个种子
          </button>
          <span className="hint">要复现以前的抽取，请输入当时记录的种子。</span>
        </div>
        {confirmRedraw && (
          <p className="cr-warn" role="alert" data-testid="sampling-confirm">
            本活动已于 {formatDateTime(last!.drawnAt)} 抽取过。重新抽取将以新结果替换抽中名单（已分配的案卷保留）。确定要重新抽取吗？
          </p>
        )}
        {error && (
          <p className="error" role="alert" data-testid="sampling-error">
            {error}
          </p>
        )}
        <div className="cr-actions">
          {confirmRedraw && (
            <button type="button" onClick={() => setConfirmRedraw(false)}>
              取消
            </button>
          )}
          <span title={lead ? undefined : LEAD_ONLY}>
            <button type="button" className="primary" data-testid="sampling-draw" disabled={!lead} onClick={() => void draw()}>
              {confirmRedraw ? '确定重新抽取' : last ? '重新抽取' : '抽取'}
            </button>
          </span>
        </div>
      </section>

      {last && (
        <section className="cr-card" data-testid="sampling-record" data-seed={last.result.seed} data-selected={last.result.selected.length}>
          <h2>抽样记录</h2>
          <p className="muted">
            抽取人：<span data-testid="sampling-drawn-by">{last.drawnBy}</span> · 抽取时间：{formatDateTime(last.drawnAt)}
          </p>
          <pre className="cr-record" data-testid="sampling-lines">
            {describeSample(last.result, agencyNames).join('\n')}
          </pre>
          <table className="cr-table cr-narrow" data-testid="sampling-per-agency">
            <thead>
              <tr>
                <th>执法单位</th>
                <th className="num">候选</th>
                <th className="num">抽中</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(last.result.perAgency).map(([agencyId, p]) => (
                <tr key={agencyId} data-testid="sampling-agency-row" data-agency={agencyNames[agencyId] ?? agencyId} data-available={p.available} data-drawn={p.drawn}>
                  <td>{agencyNames[agencyId] ?? agencyId}</td>
                  <td className="num">{p.available}</td>
                  <td className="num">{p.drawn}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>抽中案卷（按抽取顺序）</h3>
          <ol className="cr-drawn" data-testid="sampling-selected">
            {last.result.selected.map((id) => {
              const c = caseById.get(id)
              return (
                <li key={id} data-case-id={id}>
                  {c ? `${c.caseNumber}（${data.agencyName(c.agencyId)}）` : '（该案卷已不在登记名单中）'}
                </li>
              )
            })}
          </ol>
          {assignments.some((a) => !last.result.selected.includes(a.campaignCaseId)) && <p className="hint">另有已分配但未在本次抽中的案卷，保留为抽取状态，未丢弃已开始的工作。</p>}
        </section>
      )}
    </div>
  )
}
