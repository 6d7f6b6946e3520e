import { useState } from 'react'
import { checkCrossReview, workloads, type PanelMember } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import type { CampaignCaseRecord } from '../../store/workflowRecords'
import { assign, autoAssign, unassign } from '../../workflow/assignments'
import { actorOf, errorText, isLead, LEAD_ONLY, roleText } from './campaignActor'
import { OverrideDialog } from './OverrideDialog'
import type { CampaignData } from './useCampaignData'

interface Refusal {
  caseId: string
  message: string
  /** Set when the refusal is the cross-review rule, which the lead may override. */
  member?: PanelMember
}

export function AssignmentTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, cases, assignments, me } = data
  const lead = isLead(me)
  const actor = actorOf(me).label
  const sampled = cases.filter((c) => c.sampled)
  const perCase = campaign.mode === 'double' ? 2 : 1
  const [picked, setPicked] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [overriding, setOverriding] = useState<{ c: CampaignCaseRecord; member: PanelMember; message: string } | null>(null)
  const [summary, setSummary] = useState<{ text: string; problems: string[] } | null>(null)
  const [busy, setBusy] = useState(false)

  const byCase = new Map<string, string[]>()
  for (const a of assignments) byCase.set(a.campaignCaseId, [...(byCase.get(a.campaignCaseId) ?? []), a.reviewerId])
  const load = workloads(
    [...byCase].map(([caseId, reviewerIds]) => ({ caseId, reviewerIds })),
    cases.map((c) => ({ id: c.id, agencyId: c.agencyId, pageCount: c.pageCount })),
  )

  const runAuto = async () => {
    setBusy(true)
    setSummary(null)
    setRefusal(null)
    try {
      const r = await autoAssign(db, campaign, actor)
      const caseNumber = (id: string) => cases.find((c) => c.id === id)?.caseNumber ?? id
      setSummary({ text: r.assigned === 0 && r.unassignable.length === 0 ? '所有抽中的案卷都已分配，无需再分配。' : `已自动分配 ${r.assigned} 人次。`, problems: r.unassignable.map((u) => `${caseNumber(u.caseId)}：${u.reason}`) })
    } catch (err) {
      setSummary({ text: `自动分配中断：${errorText(err)}（中断前已完成的分配保留，可再次点击继续）`, problems: [] })
    } finally {
      setBusy(false)
    }
  }

  const manual = async (c: CampaignCaseRecord) => {
    setRefusal(null)
    const member = campaign.members.find((m) => m.id === picked[c.id])
    if (!member) return setRefusal({ caseId: c.id, message: '请先选择评查人员' })
    try {
      await assign(db, campaign, c.id, member, actor)
      setPicked({ ...picked, [c.id]: '' })
    } catch (err) {
      const cross = checkCrossReview(c.agencyId, member)
      setRefusal({ caseId: c.id, message: errorText(err), ...(cross.ok ? {} : { member }) })
    }
  }

  const remove = async (caseId: string, assignmentId: string) => {
    setRefusal(null)
    try {
      await unassign(db, campaign, assignmentId, actor)
    } catch (err) {
      setRefusal({ caseId, message: errorText(err) })
    }
  }

  return (
    <div className="cr-stack">
      <section className="cr-card">
        <div className="cr-titlebar">
          <h2>工作量（按页数均衡）</h2>
          <span title={lead ? undefined : LEAD_ONLY}>
            <button className="primary" data-testid="assign-auto" disabled={!lead || busy || sampled.length === 0} onClick={() => void runAuto()}>
              自动分配
            </button>
          </span>
        </div>
        <p className="hint">自动分配：抽中的案卷按页数从多到少，依次交给当前工作量最少的评查员；任何人都不会分到本单位的案卷（交叉评查）。{campaign.mode === 'double' ? '双人评查：每卷两名评查人员。' : ''}</p>
        {summary && (
          <div data-testid="assign-summary" role="status">
            <p className={summary.problems.length ? 'cr-warn' : 'cr-ok'}>{summary.text}</p>
            {summary.problems.length > 0 && (
              <ul className="cr-problems">
                {summary.problems.map((p) => (
                  <li key={p} data-testid="assign-unassignable">
                    {p}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <table className="cr-table cr-narrow" data-testid="workload-table">
          <thead>
            <tr>
              <th>评查人员</th>
              <th>所在单位</th>
              <th className="num">案卷</th>
              <th className="num">页数</th>
            </tr>
          </thead>
          <tbody>
            {campaign.members.map((m) => (
              <tr key={m.id} data-testid="workload-row" data-member={m.name} data-cases={load[m.id]?.cases ?? 0} data-pages={load[m.id]?.pages ?? 0}>
                <td>
                  {m.name} {m.role === 'lead' && <span className="cr-tag cr-tag-lead">{roleText(m.role)}</span>}
                </td>
                <td>{data.agencyName(m.agencyId)}</td>
                <td className="num">{load[m.id]?.cases ?? 0}</td>
                <td className="num">{load[m.id]?.pages ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="cr-card">
        <h2>
          抽中案卷的分配（{sampled.length} 件，每卷 {perCase} 人）
        </h2>
        {sampled.length === 0 ? (
          <p className="muted">尚无抽中的案卷：请先在「抽取」中抽取。</p>
        ) : (
          <table className="cr-table" data-testid="assign-table">
            <thead>
              <tr>
                <th>案号</th>
                <th>执法单位</th>
                <th className="num">页数</th>
                <th>评查人员</th>
                <th>手工分配</th>
              </tr>
            </thead>
            <tbody>
              {sampled.map((c) => {
                const mine = assignments.filter((a) => a.campaignCaseId === c.id)
                const full = mine.length >= perCase
                return (
                  <tr key={c.id} data-testid="assign-row" data-case-id={c.id} data-case-number={c.caseNumber} data-agency={data.agencyName(c.agencyId)}>
                    <td className="name">{c.caseNumber}</td>
                    <td>{data.agencyName(c.agencyId)}</td>
                    <td className="num">{c.pageCount}</td>
                    <td>
                      {mine.length === 0 && <span className="muted">未分配</span>}
                      {mine.map((a) => {
                        const m = campaign.members.find((x) => x.id === a.reviewerId)
                        return (
                          <div key={a.id} className="cr-assignee" data-testid="assignee" data-member={m?.name} data-agency={m ? data.agencyName(m.agencyId) : ''} data-override={a.overrideReason ?? ''}>
                            <span>{m?.name ?? '（未知人员）'}</span>
                            {a.overrideReason && (
                              <span className="cr-tag cr-tag-warn" data-testid="override-tag" title={`例外指派理由：${a.overrideReason}`}>
                                例外指派：{a.overrideReason}
                              </span>
                            )}
                            <span title={lead ? '撤回（评查人员已开始评查的不能撤回）' : LEAD_ONLY}>
                              <button className="link danger" data-testid="unassign" disabled={!lead} onClick={() => void remove(c.id, a.id)}>
                                撤回
                              </button>
                            </span>
                          </div>
                        )
                      })}
                      {refusal?.caseId === c.id && (
                        <div className="cr-refusal" role="alert" data-testid="assign-error">
                          <span className="error">{refusal.message}</span>
                          {refusal.member && lead && (
                            <button className="link" data-testid="override-open" onClick={() => setOverriding({ c, member: refusal.member!, message: refusal.message })}>
                              组长例外指派…
                            </button>
                          )}
                        </div>
                      )}
                    </td>
                    <td>
                      <div className="cr-inline">
                        <select className="cr-member-pick" data-testid="assign-member" value={picked[c.id] ?? ''} disabled={!lead || full} onChange={(e) => setPicked({ ...picked, [c.id]: e.target.value })} aria-label="评查人员">
                          <option value="">{full ? '已满' : '选择人员…'}</option>
                          {campaign.members
                            .filter((m) => !mine.some((a) => a.reviewerId === m.id))
                            .map((m) => (
                              <option key={m.id} value={m.id}>
                                {m.name}（{data.agencyName(m.agencyId)}）{m.agencyId === c.agencyId ? ' · 本单位' : ''}
                              </option>
                            ))}
                        </select>
                        <span title={lead ? undefined : LEAD_ONLY}>
                          <button data-testid="assign-manual" disabled={!lead || full} onClick={() => void manual(c)}>
                            分配
                          </button>
                        </span>
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
      {overriding && (
        <OverrideDialog
          caseNumber={overriding.c.caseNumber}
          memberName={overriding.member.name}
          refusal={overriding.message}
          onCancel={() => setOverriding(null)}
          onConfirm={async (reason) => {
            try {
              await assign(db, campaign, overriding.c.id, overriding.member, actor, reason)
              setOverriding(null)
              setRefusal(null)
              setPicked({ ...picked, [overriding.c.id]: '' })
              return null
            } catch (err) {
              return errorText(err)
            }
          }}
        />
      )}
    </div>
  )
}
