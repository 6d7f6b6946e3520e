import { conflictKindNames, conflictReasonNames } from '@scoring/exchange/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { resolvePendingConflict } from '../../exchange/resolveConflicts'
import { getRubricVersion } from '../../rubrics/rubricCatalog'
import { pendingConflicts } from '../../exchange/syncStore'
import type { CampaignRecord } from '../../store/workflowRecords'
import { actorLabel, currentMember } from '../../workflow/identity'
import { describeConflictValue, formatWhen } from './describeValue'
import { NoticeLine, useExchangeAction } from './useExchangeAction'

/** Conflicts waiting for the lead: both sides side by side, one choice each, every choice audited. */
export function ConflictList({ campaign }: { campaign: CampaignRecord }) {
  const { db } = useServices()
  const pending = useLiveQuery(() => pendingConflicts(db, campaign.id), [db, campaign.id]) ?? []
  const cases = useLiveQuery(async () => new Map((await db.campaignCases.where('campaignId').equals(campaign.id).toArray()).map((c) => [c.id, c.caseNumber])), [db, campaign.id])
  const reviews = useLiveQuery(async () => new Map((await db.reviews.where('campaignId').equals(campaign.id).toArray()).map((r) => [r.id, r.campaignCaseId])), [db, campaign.id])
  // Item names from the pinned rubrics, so the lead sees「立案审批」rather than an id.
  const itemNames = useLiveQuery(async () => {
    const names = new Map<string, string>()
    for (const pin of campaign.rubrics) {
      const rubric = (await getRubricVersion(db, pin))?.rubric
      for (const item of [...(rubric?.sections.flatMap((s) => s.items) ?? []), ...(rubric?.bonus?.items ?? [])]) names.set(item.id, item.name)
    }
    return names
  }, [db, campaign.rubrics])
  const action = useExchangeAction()
  if (pending.length === 0) return <NoticeLine notice={action.notice} testId="conflict-message" />
  const choose = (key: string, choice: 'local' | 'incoming') =>
    void action.run(async () => {
      await resolvePendingConflict(db, campaign.id, key, choice, actorLabel(await currentMember(db, campaign)))
      return choice === 'local' ? '已采用本机的内容，并记入审计日志。' : '已采用导入的内容，并记入审计日志。'
    })
  return (
    <div className="cr-stack" data-testid="conflict-list" data-count={pending.length}>
      <p className="cr-warn">有 {pending.length} 处冲突需要组长决定。本机数据在决定前保持不变；每次选择都记入审计日志。</p>
      <table className="cr-table">
        <thead>
          <tr>
            <th>内容</th>
            <th>本机</th>
            <th>导入</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {pending.map(({ conflict: c, reviewerId, detectedAt }) => {
            const reviewer = campaign.members.find((m) => m.id === reviewerId)?.name ?? '未知人员'
            const caseNo = c.reviewId ? cases?.get(reviews?.get(c.reviewId) ?? '') : undefined
            return (
              <tr key={c.key} data-testid="conflict-row" data-key={c.key} data-item-id={c.itemId ?? ''} data-reason={c.reason}>
                <td>
                  <div className="name">
                    {conflictKindNames[c.kind]}
                    {c.itemId ? ` · ${itemNames?.get(c.itemId) ?? c.itemId}` : ''}
                  </div>
                  <div className="cr-detail">
                    {caseNo ? `${caseNo} · ` : ''}
                    {reviewer} · {formatWhen(detectedAt)}
                  </div>
                  <div className="cr-detail">{conflictReasonNames[c.reason]}</div>
                </td>
                <td data-testid="conflict-local">{describeConflictValue(c.kind, c.local)}</td>
                <td data-testid="conflict-incoming">{describeConflictValue(c.kind, c.incoming)}</td>
                <td className="cr-nowrap">
                  <button data-testid="take-local" disabled={action.busy} onClick={() => choose(c.key, 'local')}>
                    采用本机
                  </button>{' '}
                  <button className="primary" data-testid="take-incoming" disabled={action.busy} onClick={() => choose(c.key, 'incoming')}>
                    采用导入
                  </button>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <NoticeLine notice={action.notice} testId="conflict-message" />
    </div>
  )
}
