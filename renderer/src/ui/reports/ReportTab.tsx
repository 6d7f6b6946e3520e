import { useEffect, useMemo, useRef, useState } from 'react'
import { defaultNarrative, type NarrativeTexts, type ReportModel } from '@scoring/report/index'
import { useServices } from '../../app/AppServices'
import { campaignJsonFile, circularFile } from '../../reports/documents'
import { loadNarrative, saveNarrative } from '../../reports/narrativeTemplates'
import type { CampaignData } from '../campaigns/useCampaignData'
import { CircularFields } from './CircularFields'
import { ExportButton } from './ExportButton'
import { NarrativeEditor } from './NarrativeEditor'
import { PdfButton } from './PdfButton'
import { SheetList } from './SheetList'
import { useReportModel } from './useReportModel'
import { circularHtml } from '../../reports/printable/circularHtml'

/** 报告: the circular's fields and narrative (with templates), its exports, the campaign JSON, and every file's score sheet. */
export function ReportTab({ data }: { data: CampaignData }) {
  const { loaded } = useReportModel(data)
  return (
    <div className="cr-stack" data-testid="report-tab">
      <CircularFields data={data} />
      {!loaded && <p className="muted">正在汇总评查结果…</p>}
      {loaded && !loaded.ok && (
        <p className="error" role="alert" data-testid="report-model-error">
          {loaded.message}
        </p>
      )}
      {loaded?.ok && <CircularSection campaignId={data.campaign.id} model={loaded.model} />}
      {loaded?.ok && <SheetList model={loaded.model} />}
    </div>
  )
}

function CircularSection({ campaignId, model }: { campaignId: string; model: ReportModel }) {
  const { db } = useServices()
  const [draft, setDraft] = useState<Partial<NarrativeTexts> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    let cancelled = false
    void loadNarrative(db, campaignId).then((d) => !cancelled && setDraft(d))
    return () => {
      cancelled = true
    }
  }, [db, campaignId])
  const texts: NarrativeTexts = useMemo(() => ({ ...defaultNarrative(model), ...draft }), [model, draft])
  const latest = useRef<Partial<NarrativeTexts>>({})
  const flush = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    return saveNarrative(db, campaignId, latest.current)
  }
  // Typing saves shortly after it pauses, and an export always saves first, so the document and the store agree.
  const onDraft = (d: Partial<NarrativeTexts>) => {
    setDraft(d)
    latest.current = d
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush(), 400)
  }
  useEffect(() => () => void (timer.current && flush()), [])
  if (draft === null) return <p className="muted">正在读取通报正文…</p>
  return (
    <>
      <NarrativeEditor model={model} texts={texts} draft={draft} onDraft={onDraft} />
      <section className="cr-card">
        <h2>导出</h2>
        <div className="cr-inline rp-exports">
          <ExportButton testId="export-circular-docx" label="导出评查情况通报（DOCX）" make={async () => (await flush(), circularFile(model, texts))} />
          <PdfButton testId="export-circular-pdf" label="导出评查情况通报（PDF）" name={`${model.data.campaign.name}情况通报.pdf`} html={() => circularHtml(model, texts)} />
          <ExportButton testId="export-campaign-json" label="导出评查活动数据（JSON，供命令行工具使用）" make={async () => (await flush(), campaignJsonFile(model.data, texts))} />
        </div>
      </section>
    </>
  )
}
