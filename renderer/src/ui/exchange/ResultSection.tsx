import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { exportResultPackage } from '../../exchange/exportWork'
import { importWorkPackage, type MergeReport } from '../../exchange/importWork'
import type { CampaignRecord } from '../../store/workflowRecords'
import { currentMember } from '../../workflow/identity'
import { ConflictList } from './ConflictList'
import { FilePick } from './FilePick'
import { NoticeLine, useExchangeAction } from './useExchangeAction'

function MergeReportView({ report }: { report: MergeReport }) {
  return (
    <div className="cr-card" data-testid="merge-report" data-added={report.added} data-updated={report.updated} data-unchanged={report.unchanged} data-conflicts={report.conflicts.length} data-changed={String(report.changed)}>
      <h3>合并报告：{report.reviewerName} 的结果包</h3>
      <table className="cr-table cr-narrow">
        <tbody>
          <tr>
            <th>新增</th>
            <td className="num" data-testid="report-added">{report.added}</td>
            <th>更新</th>
            <td className="num" data-testid="report-updated">{report.updated}</td>
            <th>未变</th>
            <td className="num" data-testid="report-unchanged">{report.unchanged}</td>
            <th>冲突</th>
            <td className="num" data-testid="report-conflicts">{report.conflicts.length}</td>
            <th>审计记录</th>
            <td className="num">+{report.auditAdded}</td>
          </tr>
        </tbody>
      </table>
      {!report.changed && <p className="hint">该结果包已导入过，本机数据没有变化。</p>}
    </div>
  )
}

/** 导出结果包 (the reviewer) and 导入结果包 (the lead), with the merge report and the conflicts to decide. */
export function ResultSection({ campaign, onCampaign }: { campaign: CampaignRecord | undefined; onCampaign: (id: string) => void }) {
  const { db, host, version } = useServices()
  const me = useLiveQuery(async () => (campaign ? currentMember(db, campaign) : null), [db, campaign])
  const out = useExchangeAction()
  const inn = useExchangeAction()
  const [report, setReport] = useState<MergeReport | null>(null)
  return (
    <>
      <div className="cr-columns">
        <section className="cr-card" data-testid="section-export-result">
          <h2>导出结果包</h2>
          <p className="hint small">评查人员把本机的评查结论、标记、卷内目录、页面状态和审计记录导出为结果包，交给组长合并。案卷扫描件不重复导出。</p>
          {campaign && (
            <p className="small">
              本机身份：<strong data-testid="exchange-identity">{me?.name ?? '未指定'}</strong>
            </p>
          )}
          <button
            className="primary"
            data-testid="export-result"
            disabled={out.busy || !campaign || !me}
            onClick={() =>
              void out.run(async () => {
                const pkg = await exportResultPackage(db, campaign!.id, version)
                const saved = await host.saveFile(pkg.fileName, pkg.blob)
                if (!saved.ok) throw new Error(saved.message)
                return saved.savedTo ? `${pkg.summary}已保存：${saved.savedTo}` : '已取消保存。'
              })
            }
          >
            {out.busy ? '正在生成…' : '导出结果包…'}
          </button>
          <NoticeLine notice={out.notice} testId="export-result-message" />
        </section>
        <section className="cr-card" data-testid="section-import-result">
          <h2>导入结果包</h2>
          <p className="hint small">组长导入评查人员交回的结果包。按编号合并：只在一方改动的内容直接合并；双方都改动了同一项、或会改变已定稿的评查记录时，列出冲突由组长选择。重复导入不会改变任何数据。</p>
          <FilePick
            label={inn.busy ? '正在导入…' : '选择结果包…'}
            testId="import-result-input"
            disabled={inn.busy}
            onFile={(file) =>
              void inn.run(async () => {
                setReport(null)
                const r = await importWorkPackage(db, file, 'result')
                setReport(r)
                onCampaign(r.campaignId)
                return r.changed ? `已合并「${r.reviewerName}」的结果包。` : '该结果包已导入过，本机数据没有变化。'
              })
            }
          />
          <NoticeLine notice={inn.notice} testId="import-result-message" />
        </section>
      </div>
      {report && <MergeReportView report={report} />}
      {campaign && <ConflictList campaign={campaign} />}
    </>
  )
}
