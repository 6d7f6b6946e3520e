import { useState } from 'react'
import { describeAuditProblem, type ChainVerification } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import type { AuditRecord } from '../../store/workflowRecords'
import { auditOf, verifyCampaignAudit } from '../../workflow/audit'
import { formatDateTime } from '../format'
import { errorText } from './campaignActor'
import { actionText, detailText, subjectText } from './auditText'
import type { CampaignData } from './useCampaignData'

export function AuditTab({ data }: { data: CampaignData }) {
  const { db, host } = useServices()
  const { campaign } = data
  const live = useLiveQuery(() => auditOf(db, campaign.id), [db, campaign.id])
  // 校验 reads the stored rows themselves: a change made behind the app's back (the tampering it looks for)
  // never reaches the live query's cache, so the table shows what was verified until the app writes again.
  const [verified, setVerified] = useState<{ from: typeof live; rows: AuditRecord[] } | null>(null)
  const entries = verified && verified.from === live ? verified.rows : live
  const [verification, setVerification] = useState<{ at: string; count: number; result: ChainVerification } | { at: string; error: string } | null>(null)
  const [exported, setExported] = useState<string | null>(null)

  const verify = async () => {
    const at = new Date().toISOString()
    try {
      const count = await db.auditLog.where('campaignId').equals(campaign.id).count()
      setVerification({ at, count, result: await verifyCampaignAudit(db, campaign.id) })
      setVerified({ from: live, rows: await auditOf(db, campaign.id) })
    } catch (err) {
      setVerification({ at, error: errorText(err) })
    }
  }

  const exportLog = async () => {
    setExported(null)
    try {
      // The CLI verifies entries exactly as sealed: our campaignId column is not part of the seal, so it stays out.
      const audit = (await auditOf(db, campaign.id)).map(({ campaignId: _c, ...entry }) => entry)
      const blob = new Blob([JSON.stringify({ audit }, null, 2)], { type: 'application/json' })
      const r = await host.saveFile(`${campaign.name}-审计日志.json`, blob)
      setExported(r.ok ? (r.savedTo === null ? null : `已导出 ${audit.length} 条审计记录${r.savedTo ? `：${r.savedTo}` : ''}`) : `导出失败：${r.message}`)
    } catch (err) {
      setExported(`导出失败：${errorText(err)}`)
    }
  }

  const flagged = new Set(verification && 'result' in verification && !verification.result.ok ? verification.result.problems.map((p) => `${p.chainId}#${p.seq}`) : [])
  return (
    <div className="cr-stack">
      <section className="cr-card">
        <div className="cr-titlebar">
          <h2>审计日志（{entries?.length ?? '…'} 条）</h2>
          <div className="cr-inline">
            <button data-testid="audit-verify" onClick={() => void verify()}>
              校验
            </button>
            <button data-testid="audit-export" onClick={() => void exportLog()}>
              导出审计日志
            </button>
          </div>
        </div>
        <p className="hint">每条记录都带有前一条记录的哈希值，构成一条链：任何记录被修改、删除或插入，校验都会发现。导出的 JSON 可用命令行 audit verify 独立核验。</p>
        {verification && 'error' in verification && (
          <p className="error" role="alert" data-testid="audit-result" data-ok="false">
            校验未能完成：{verification.error}
          </p>
        )}
        {verification && 'result' in verification && verification.result.ok && (
          <p className="cr-ok" role="status" data-testid="audit-result" data-ok="true">
            ✓ 审计日志完整：{verification.count} 条记录、{verification.result.chains.length} 条链均未被改动（校验于 {formatDateTime(verification.at)}）。
          </p>
        )}
        {verification && 'result' in verification && !verification.result.ok && (
          <div className="cr-alert" role="alert" data-testid="audit-result" data-ok="false">
            <p>✗ 审计日志校验未通过：发现 {verification.result.problems.length} 处问题，记录可能被篡改（校验于 {formatDateTime(verification.at)}）。</p>
            <ul className="cr-problems">
              {verification.result.problems.map((p) => (
                <li key={`${p.chainId}-${p.seq}-${p.kind}`} data-testid="audit-problem" data-kind={p.kind} data-seq={p.seq}>
                  {describeAuditProblem(p)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {exported && (
          <p className={exported.startsWith('导出失败') ? 'error' : 'cr-ok'} data-testid="audit-exported">
            {exported}
          </p>
        )}
      </section>
      <section className="cr-card">
        {entries === undefined ? (
          <p className="muted">正在读取审计日志…</p>
        ) : entries.length === 0 ? (
          <p className="muted">暂无审计记录。</p>
        ) : (
          <div className="cr-scroll">
            <table className="cr-table" data-testid="audit-table" data-count={entries.length}>
              <thead>
                <tr>
                  <th className="num">序号</th>
                  <th>时间</th>
                  <th>操作人</th>
                  <th>操作</th>
                  <th>对象</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action} data-seq={e.seq} data-problem={flagged.has(`${e.chainId}#${e.seq}`)} className={flagged.has(`${e.chainId}#${e.seq}`) ? 'cr-row-bad' : undefined}>
                    <td className="num muted">{e.seq}</td>
                    <td className="cr-nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{actionText(e)}</td>
                    <td>{subjectText(e, data)}</td>
                    <td className="cr-detail">{detailText(e, data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}
