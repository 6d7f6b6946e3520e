import { useState } from 'react'
import { compareScores, describeComparison, formatCents, isScoreErrors, leniency, toCents, type ScoreComparison, type ScoreResult } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { getRubricVersion } from '../../rubrics/rubricCatalog'
import type { ReviewRecord } from '../../store/workflowRecords'
import { chooseFinal } from '../../workflow/reviews'
import { scoreRecord } from '../../workflow/scoreRecord'
import { actorOf, errorText, isLead, LEAD_ONLY } from './campaignActor'
import { DONE } from './nextReview'
import type { CampaignData } from './useCampaignData'
import { ModalForm } from '../ModalForm'

type Scored = { review: ReviewRecord; result: ScoreResult } | { review: ReviewRecord; error: string }

interface Pair {
  caseId: string
  a: Scored
  b: Scored
  comparison: ScoreComparison | null
  problem: string | null
}

export function DoubleReviewTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, reviews, cases, me } = data
  const rubrics = useLiveQuery(() => Promise.all(campaign.rubrics.map((r) => getRubricVersion(db, r))), [db, JSON.stringify(campaign.rubrics)])
  const [choosing, setChoosing] = useState<{ caseId: string; review: ReviewRecord } | null>(null)
  if (!rubrics) return <p className="muted">正在读取评查标准…</p>

  // The engine computes every score shown here; nothing is added up in the UI.
  const score = (r: ReviewRecord): Scored => {
    const entry = rubrics.find((e) => e?.rubricId === r.rubricId && e.version === r.rubricVersion)
    if (!entry) return { review: r, error: '本机没有该评查记录所用的评查标准版本' }
    const out = scoreRecord(entry.rubric, r)
    return isScoreErrors(out) ? { review: r, error: out.errors.map((e) => e.message).join('；') } : { review: r, result: out }
  }
  const submitted = reviews.filter((r) => DONE.includes(r.state)).map(score)
  const caseById = new Map(cases.map((c) => [c.id, c]))
  const pairs: Pair[] = []
  for (const c of cases) {
    const two = submitted.filter((s) => s.review.campaignCaseId === c.id)
    if (two.length !== 2) continue
    const [a, b] = two as [Scored, Scored]
    let comparison: ScoreComparison | null = null
    let problem: string | null = null
    if ('result' in a && 'result' in b) {
      try {
        comparison = compareScores(a.result, b.result, campaign.toleranceCents)
      } catch (e) {
        problem = errorText(e)
      }
    } else problem = ('error' in a ? a.error : '') || ('error' in b ? b.error : '')
    pairs.push({ caseId: c.id, a, b, comparison, problem })
  }
  const arbitration = pairs.filter((p) => p.comparison?.needsArbitration || p.problem)
  const rows = leniency(submitted.flatMap((s) => ('result' in s ? [{ reviewerId: s.review.reviewerId, deductedCents: s.result.items.reduce((sum, i) => sum + toCents(i.deducted), 0) }] : [])))
  const lead = isLead(me)

  const total = (s: Scored) => ('result' in s ? s.result.totalText : '—')
  return (
    <div className="cr-stack">
      {campaign.mode === 'single' && <p className="cr-card muted">本活动为单人评查，没有两份评分需要比对；下方仍可查看各评查人员的宽严情况。</p>}
      {campaign.mode === 'double' && (
        <section className="cr-card">
          <h2>
            双人评分比对（允许差 {formatCents(campaign.toleranceCents)} 分；需裁定 <span data-testid="arbitration-count">{arbitration.length}</span> 件）
          </h2>
          {pairs.length === 0 ? (
            <p className="muted">还没有两名评查人员都已提交的案卷。</p>
          ) : (
            <table className="cr-table" data-testid="double-table">
              <thead>
                <tr>
                  <th>案号</th>
                  <th>第一评查人</th>
                  <th className="num">总分</th>
                  <th>第二评查人</th>
                  <th className="num">总分</th>
                  <th>比对</th>
                  <th>组长裁定：采用</th>
                </tr>
              </thead>
              <tbody>
                {pairs.map((p) => {
                  const needs = Boolean(p.comparison?.needsArbitration || p.problem)
                  return (
                    <tr key={p.caseId} data-testid="double-row" data-case-id={p.caseId} data-needs-arbitration={needs} className={needs ? 'cr-row-warn' : undefined}>
                      <td className="name">{caseById.get(p.caseId)?.caseNumber}</td>
                      <td>{data.memberName(p.a.review.reviewerId)}</td>
                      <td className="num">{total(p.a)}</td>
                      <td>{data.memberName(p.b.review.reviewerId)}</td>
                      <td className="num">{total(p.b)}</td>
                      <td>{p.problem ? <span className="error">{p.problem}</span> : p.comparison ? describeComparison(p.comparison, campaign.toleranceCents) : ''}</td>
                      <td>
                        {[p.a, p.b].map((s) => (
                          <span key={s.review.id} title={lead ? `采用 ${data.memberName(s.review.reviewerId)} 的评查结果` : LEAD_ONLY}>
                            <button className={s.review.final ? 'primary' : undefined} data-testid="choose-final" disabled={!lead} onClick={() => setChoosing({ caseId: p.caseId, review: s.review })}>
                              {s.review.final ? '✓ ' : ''}
                              {data.memberName(s.review.reviewerId)}
                            </button>{' '}
                          </span>
                        ))}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section className="cr-card">
        <h2>评查人员宽严度（已提交的评查记录）</h2>
        <p className="hint">平均扣分与全组平均扣分之差：正数表示比全组严格（扣分多），负数表示比全组宽松。</p>
        {rows.length === 0 ? (
          <p className="muted">还没有已提交的评查记录。</p>
        ) : (
          <table className="cr-table cr-narrow" data-testid="leniency-table">
            <thead>
              <tr>
                <th>评查人员</th>
                <th className="num">案卷数</th>
                <th className="num">平均扣分</th>
                <th className="num">全组平均</th>
                <th className="num">差值</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reviewerId} data-testid="leniency-row" data-member={data.memberName(r.reviewerId)}>
                  <td>{data.memberName(r.reviewerId)}</td>
                  <td className="num">{r.files}</td>
                  <td className="num">{formatCents(r.meanDeductionCents)}</td>
                  <td className="num">{formatCents(r.panelMeanCents)}</td>
                  <td className="num">
                    {r.deltaCents > 0 ? '+' : ''}
                    {formatCents(r.deltaCents)} {r.deltaCents > 0 ? '（偏严）' : r.deltaCents < 0 ? '（偏宽）' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {submitted.some((s) => 'error' in s) && (
        <p className="error" role="alert">
          有 {submitted.filter((s) => 'error' in s).length} 份已提交的评查记录无法计分，未计入上表：
          {submitted.flatMap((s) => ('error' in s ? [`${caseById.get(s.review.campaignCaseId)?.caseNumber ?? ''}（${data.memberName(s.review.reviewerId)}）：${s.error}`] : [])).join('；')}
        </p>
      )}
      {choosing && <ChooseDialog data={data} choosing={choosing} onDone={() => setChoosing(null)} />}
    </div>
  )
}

function ChooseDialog({ data, choosing, onDone }: { data: CampaignData; choosing: { caseId: string; review: ReviewRecord }; onDone(): void }) {
  const { db } = useServices()
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!note.trim()) return setError('请填写裁定意见')
    try {
      await chooseFinal(db, choosing.caseId, choosing.review.id, note.trim(), actorOf(data.me))
      onDone()
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <ModalForm title="组长裁定" testId="arbitrate-dialog" onSubmit={() => void submit()} onCancel={onDone} submitLabel="确认裁定" submitTestId="arbitrate-confirm">
      <p>采用 {data.memberName(choosing.review.reviewerId)} 的评查结果作为该案卷的评查结论。</p>
      <textarea data-testid="arbitrate-note" rows={3} autoFocus value={note} onChange={(e) => setNote(e.target.value)} placeholder="裁定意见（记入审计日志）" aria-label="裁定意见" />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </ModalForm>
  )
}
