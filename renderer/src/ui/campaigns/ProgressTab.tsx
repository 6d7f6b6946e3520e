import { useState } from 'react'
import { reviewStateNames, reviewStates } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import type { ReviewRecord } from '../../store/workflowRecords'
import { DONE, nextReviewFor } from './nextReview'
import type { CampaignData } from './useCampaignData'

function CountsTable({ testId, title, rows }: { testId: string; title: string; rows: { key: string; label: string; reviews: ReviewRecord[] }[] }) {
  return (
    <section className="cr-card">
      <h2>{title}</h2>
      <table className="cr-table cr-counts" data-testid={testId}>
        <thead>
          <tr>
            <th />
            {reviewStates.map((s) => (
              <th key={s} className="num">
                {reviewStateNames[s]}
              </th>
            ))}
            <th className="num">合计</th>
            <th className="cr-progress-col">初评完成</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, reviews }) => {
            const done = reviews.filter((r) => DONE.includes(r.state)).length
            const pct = reviews.length ? Math.round((done / reviews.length) * 100) : 0
            return (
              <tr key={key} data-testid="progress-row" data-label={label} data-total={reviews.length} data-done={done} {...Object.fromEntries(reviewStates.map((s) => [`data-${s}`, reviews.filter((r) => r.state === s).length]))}>
                <td className="name">{label}</td>
                {reviewStates.map((s) => {
                  const n = reviews.filter((r) => r.state === s).length
                  return (
                    <td key={s} className={`num ${n === 0 ? 'muted' : ''}`}>
                      {n}
                    </td>
                  )
                })}
                <td className="num">{reviews.length}</td>
                <td>
                  <div className="cr-bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} title={`${done}/${reviews.length}`}>
                    <div style={{ width: `${pct}%` }} />
                    <span>
                      {done}/{reviews.length}
                    </span>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

export function ProgressTab({ data }: { data: CampaignData }) {
  const { navigate } = useServices()
  const { campaign, reviews, cases, me } = data
  const [onlyMine, setOnlyMine] = useState(false)
  const caseById = new Map(cases.map((c) => [c.id, c]))
  const next = nextReviewFor(data)
  const open = (r: ReviewRecord) => navigate({ page: 'review', campaignId: campaign.id, reviewId: r.id })
  const listed = reviews
    .filter((r) => !onlyMine || r.reviewerId === me?.id)
    .sort((a, b) => (caseById.get(a.campaignCaseId)?.caseNumber ?? '').localeCompare(caseById.get(b.campaignCaseId)?.caseNumber ?? '', 'zh-CN', { numeric: true }) || data.memberName(a.reviewerId).localeCompare(data.memberName(b.reviewerId), 'zh-CN'))

  return (
    <div className="cr-stack">
      <section className="cr-card cr-titlebar">
        <p data-testid="progress-summary">
          共 {reviews.length} 份评查记录，初评完成 {reviews.filter((r) => DONE.includes(r.state)).length} 份，已定稿 {reviews.filter((r) => r.state === 'finalised').length} 份。
        </p>
        <span title={!me ? '请先在页首选择当前身份' : next ? undefined : '您没有待处理的案卷'}>
          <button className="primary" data-testid="next-review" disabled={!next} onClick={() => next && open(next)}>
            下一个案卷{next ? `：${caseById.get(next.campaignCaseId)?.caseNumber ?? ''}` : ''}
          </button>
        </span>
      </section>
      <CountsTable testId="progress-by-reviewer" title="按评查人员" rows={campaign.members.map((m) => ({ key: m.id, label: m.name, reviews: reviews.filter((r) => r.reviewerId === m.id) }))} />
      <CountsTable
        testId="progress-by-agency"
        title="按被评查单位"
        rows={campaign.agencies.map((a) => ({ key: a.id, label: a.name, reviews: reviews.filter((r) => caseById.get(r.campaignCaseId)?.agencyId === a.id) }))}
      />
      <section className="cr-card">
        <div className="cr-titlebar">
          <h2>评查记录</h2>
          <label className="cr-radio">
            <input type="checkbox" data-testid="progress-only-mine" checked={onlyMine} disabled={!me} onChange={(e) => setOnlyMine(e.target.checked)} />
            只看我的
          </label>
        </div>
        {listed.length === 0 ? (
          <p className="muted">暂无评查记录：案卷分配后出现在这里。</p>
        ) : (
          <table className="cr-table" data-testid="review-table">
            <thead>
              <tr>
                <th>案号</th>
                <th>被评查单位</th>
                <th>评查人员</th>
                <th>状态</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {listed.map((r) => {
                const c = caseById.get(r.campaignCaseId)
                return (
                  <tr key={r.id} data-testid="review-row" data-review-id={r.id} data-state={r.state}>
                    <td className="name">{c?.caseNumber}</td>
                    <td>{c ? data.agencyName(c.agencyId) : ''}</td>
                    <td>{data.memberName(r.reviewerId)}</td>
                    <td>
                      <span className={`cr-state cr-state-${r.state}`}>{reviewStateNames[r.state]}</span>
                    </td>
                    <td>
                      <button className="link" data-testid="review-open" onClick={() => open(r)}>
                        打开
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
