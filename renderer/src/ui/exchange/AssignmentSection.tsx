import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { exportAssignmentPackage } from '../../exchange/exportWork'
import { importWorkPackage } from '../../exchange/importWork'
import type { CampaignRecord } from '../../store/workflowRecords'
import { FilePick } from './FilePick'
import { NoticeLine, useExchangeAction } from './useExchangeAction'

/** 导出分配包 (the lead, per reviewer) and 导入分配包 (on the reviewer's laptop). */
export function AssignmentSection({ campaign }: { campaign: CampaignRecord | undefined }) {
  const { db, host, version } = useServices()
  const [reviewerId, setReviewerId] = useState('')
  const out = useExchangeAction()
  const inn = useExchangeAction()
  const counts = useLiveQuery(async () => {
    const m = new Map<string, number>()
    if (campaign) for (const a of await db.assignments.where('campaignId').equals(campaign.id).toArray()) m.set(a.reviewerId, (m.get(a.reviewerId) ?? 0) + 1)
    return m
  }, [db, campaign?.id])
  const members = campaign?.members ?? []
  const chosen = members.find((m) => m.id === reviewerId) ?? members.find((m) => (counts?.get(m.id) ?? 0) > 0)

  return (
    <div className="cr-columns">
      <section className="cr-card" data-testid="section-export-assignment">
        <h2>导出分配包</h2>
        <p className="hint small">组长为每位评查人员导出一个分配包：评查活动、所用评查标准、分给他的案卷（含扫描件）、已有的卷内目录和标记。用 U 盘拷到评查人员的电脑上导入。</p>
        {!campaign ? (
          <p className="muted">请先在上方选择评查活动。</p>
        ) : (
          <div className="cr-inline">
            <label className="cr-inline">
              评查人员
              <select data-testid="exchange-reviewer" value={chosen?.id ?? ''} onChange={(e) => setReviewerId(e.target.value)}>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}（已分配 {counts?.get(m.id) ?? 0} 件）
                  </option>
                ))}
              </select>
            </label>
            <button
              className="primary"
              data-testid="export-assignment"
              disabled={out.busy || !chosen}
              onClick={() =>
                void out.run(async () => {
                  const pkg = await exportAssignmentPackage(db, campaign.id, chosen!.id, version)
                  const saved = await host.saveFile(pkg.fileName, pkg.blob)
                  if (!saved.ok) throw new Error(saved.message)
                  return saved.savedTo ? `${pkg.summary}已保存：${saved.savedTo}` : '已取消保存。'
                })
              }
            >
              {out.busy ? '正在生成…' : '导出分配包…'}
            </button>
          </div>
        )}
        <NoticeLine notice={out.notice} testId="export-assignment-message" />
      </section>

      <section className="cr-card" data-testid="section-import-assignment">
        <h2>导入分配包</h2>
        <p className="hint small">在评查人员的电脑上导入组长给的分配包。导入后本机即可开始评查，本机身份设为分配包对应的评查人员。重复导入不会产生重复数据。</p>
        <div className="cr-inline">
          <FilePick
            label={inn.busy ? '正在导入…' : '选择分配包…'}
            testId="import-assignment-input"
            disabled={inn.busy}
            onFile={(file) =>
              void inn.run(async () => {
                const r = await importWorkPackage(db, file, 'assignment')
                const files = r.caseFilesAdded > 0 ? `，新增案卷扫描件 ${r.caseFilesAdded} 个` : ''
                const conflicts = r.conflicts.length > 0 ? `；有 ${r.conflicts.length} 处冲突待处理（见下方「导入结果包」）` : ''
                return r.changed ? `已导入「${r.campaignName}」给「${r.reviewerName}」的分配包：新增 ${r.added} 项，更新 ${r.updated} 项${files}${conflicts}。` : `该分配包已导入过，本机数据没有变化。`
              })
            }
          />
        </div>
        <NoticeLine notice={inn.notice} testId="import-assignment-message" />
      </section>
    </div>
  )
}
