import { useMemo, useState } from 'react'
import { overdueText, rectificationStatusText, type LedgerRow, type RectificationStatus, type ReportModel } from '@scoring/report/index'
import { useServices } from '../../app/AppServices'
import { ledgerFile, noticeFile } from '../../reports/documents'
import { generateRectifications, localDate, rectificationOverdue, updateRectification } from '../../reports/rectifications'
import type { RectificationRecord } from '../../store/workflowRecords'
import { actorOf, errorText } from '../campaigns/campaignActor'
import type { CampaignData } from '../campaigns/useCampaignData'
import { ExportButton } from './ExportButton'
import { useReportModel } from './useReportModel'

const STATUSES = Object.keys(rectificationStatusText) as RectificationStatus[]

/** 整改: tracking per problem, the 整改台账 and one 整改通知书 per agency. */
export function RectificationTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { loaded, rectifications } = useReportModel(data)
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const model = loaded?.ok ? loaded.model : null
  const ledger = useMemo(() => new Map((model?.ledger ?? []).map((l) => [l.id, l])), [model])
  const rows = useMemo(() => {
    const order = new Map((model?.ledger ?? []).map((l, i) => [l.id, i]))
    return [...(rectifications ?? [])].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9) || a.problemKey.localeCompare(b.problemKey))
  }, [rectifications, model])
  const generate = async () => {
    setNote(null)
    try {
      const r = await generateRectifications(db, data.campaign.id, actorOf(data.me).label)
      setNote({ ok: true, text: `新增整改事项 ${r.added} 条，已有 ${r.existing} 条保持不变${r.skipped ? `；${r.skipped} 份定稿记录无法计分，未生成` : ''}。` })
    } catch (e) {
      setNote({ ok: false, text: errorText(e) })
    }
  }
  const today = localDate()
  const overdueCount = rows.filter((r) => rectificationOverdue(r, today) === 'overdue').length
  return (
    <div className="cr-stack">
      <section className="cr-card">
        <div className="cr-titlebar">
          <div>
            <h2>整改跟踪</h2>
            <p className="muted small">每个定稿案卷的每个问题对应一条整改事项；重复生成只会补充新问题，不会重置已有状态。</p>
          </div>
          <div className="cr-inline">
            <button data-testid="rect-generate" onClick={() => void generate()}>
              从定稿评查记录生成整改事项
            </button>
          </div>
        </div>
        {note && (
          <p className={note.ok ? 'rp-ok' : 'error'} data-testid="rect-note" role={note.ok ? 'status' : 'alert'}>
            {note.text}
          </p>
        )}
        {rows.length === 0 ? (
          <p className="muted" data-testid="rect-empty">
            暂无整改事项。评查记录定稿后，点击上方按钮生成。
          </p>
        ) : (
          <>
            <p className="small" data-testid="rect-summary" data-overdue={overdueCount}>
              共 {rows.length} 条：{STATUSES.map((s) => `${rectificationStatusText[s]} ${rows.filter((r) => r.status === s).length}`).join('，')}
              {overdueCount > 0 && <span className="rp-overdue-tag">逾期未整改 {overdueCount} 条</span>}
            </p>
            <div className="cr-scroll">
              <table className="cr-table rp-rect-table" data-testid="rect-table">
                <thead>
                  <tr>
                    <th>被评查单位</th>
                    <th>案号</th>
                    <th>评查项目</th>
                    <th>问题描述</th>
                    <th>整改状态</th>
                    <th>说明 / 整改反馈</th>
                    <th>反馈日期</th>
                    <th>整改期限</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <RectificationRow key={r.id} row={r} line={ledger.get(r.id)} data={data} today={today} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section className="cr-card">
        <h2>整改台账与整改通知书</h2>
        {loaded && !loaded.ok && (
          <p className="error" role="alert" data-testid="rect-model-error">
            {loaded.message}
          </p>
        )}
        {!loaded && <p className="muted">正在汇总评查结果…</p>}
        {model && <LedgerExports model={model} />}
      </section>
    </div>
  )
}

function LedgerExports({ model }: { model: ReportModel }) {
  const withFiles = model.agencies.map((a) => a.agency)
  return (
    <div className="cr-stack">
      <div className="cr-inline">
        <ExportButton testId="export-ledger-xlsx" label="导出整改台账（XLSX）" make={() => ledgerFile(model)} />
        <ExportButton
          testId="export-notices-all"
          label={`导出全部整改通知书（${withFiles.length} 份 DOCX）`}
          disabled={withFiles.length === 0}
          make={async (progress) => {
            const out = []
            for (const [i, a] of withFiles.entries()) {
              progress(i, withFiles.length)
              out.push(await noticeFile(model, a.id))
            }
            return out
          }}
        />
      </div>
      <table className="cr-table cr-narrow" data-testid="notice-table">
        <thead>
          <tr>
            <th>被评查单位</th>
            <th className="num">问题数</th>
            <th>整改通知书</th>
          </tr>
        </thead>
        <tbody>
          {withFiles.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td className="num">{model.agencies.find((r) => r.agency.id === a.id)?.problems ?? 0}</td>
              <td>
                <ExportButton testId="export-notice-docx" agencyId={a.id} label="导出 DOCX" make={() => noticeFile(model, a.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RectificationRow({ row, line, data, today }: { row: RectificationRecord; line: LedgerRow | undefined; data: CampaignData; today: string }) {
  const { db } = useServices()
  const [status, setStatus] = useState<RectificationStatus>(row.status)
  const [reason, setReason] = useState(row.reason ?? '')
  const [feedback, setFeedback] = useState(row.feedback ?? '')
  const [feedbackOn, setFeedbackOn] = useState(row.feedbackOn ?? '')
  const [deadline, setDeadline] = useState(row.deadline)
  const [error, setError] = useState('')
  const dirty = status !== row.status || reason !== (row.reason ?? '') || feedback !== (row.feedback ?? '') || feedbackOn !== (row.feedbackOn ?? '') || deadline !== row.deadline
  const overdue = rectificationOverdue(row, today)
  const save = async () => {
    setError('')
    try {
      // A finished item without a date would never count as late; default the feedback date to today.
      const on = feedbackOn || (status === 'done' && row.status !== 'done' ? today : '')
      await updateRectification(db, row.id, { status, reason, feedback, feedbackOn: on, deadline }, actorOf(data.me).label)
      setFeedbackOn(on)
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <tr data-testid="rect-row" data-id={row.id} data-status={row.status} data-overdue={overdue} className={overdue === 'overdue' ? 'rp-overdue' : overdue === 'lateDone' ? 'rp-late' : undefined}>
      <td className="cr-nowrap">{data.agencyName(row.agencyId)}</td>
      <td className="cr-nowrap">{line?.caseNumber ?? data.cases.find((c) => c.id === row.caseId)?.caseNumber ?? ''}</td>
      <td>
        {line?.itemName ?? row.itemId}
        {line?.categoryName && <div className="muted small">{line.categoryName}</div>}
      </td>
      <td className="rp-desc">{row.description}</td>
      <td>
        <select data-testid="rect-status" value={status} onChange={(e) => setStatus(e.target.value as RectificationStatus)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {rectificationStatusText[s]}
            </option>
          ))}
        </select>
        {overdue !== 'no' && (
          <div className="rp-overdue-tag" data-testid="rect-overdue">
            {overdueText[overdue]}
          </div>
        )}
      </td>
      <td className="rp-feedback">
        {status === 'declined' && <input data-testid="rect-reason" placeholder="不予整改的理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />}
        <textarea data-testid="rect-feedback" rows={2} placeholder="整改反馈" value={feedback} onChange={(e) => setFeedback(e.target.value)} />
      </td>
      <td>
        <input type="date" data-testid="rect-feedback-on" value={feedbackOn} onChange={(e) => setFeedbackOn(e.target.value)} />
      </td>
      <td>
        <input type="date" data-testid="rect-deadline" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </td>
      <td>
        <button data-testid="rect-save" disabled={!dirty} onClick={() => void save()}>
          保存
        </button>
        {error && (
          <div className="error small" role="alert" data-testid="rect-error">
            {error}
          </div>
        )}
      </td>
    </tr>
  )
}
