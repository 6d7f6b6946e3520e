import { useRef, useState } from 'react'
import { useServices } from '../../app/AppServices'
import type { CaseFileRecord } from '../../store/records'
import { CASE_LIST_COLUMNS, caseListTemplateCsv, readCaseListFile, resolveCaseList, type CaseListResult } from '../../workflow/caseList'
import { actorOf, errorText } from './campaignActor'
import { registerCaseList } from './registerCaseList'
import type { CampaignData } from './useCampaignData'

/** Bulk registration from the agencies' case list (案卷目录): check everything first, then write all or nothing. */
export function CaseListImport({ data, files }: { data: CampaignData; files: CaseFileRecord[] }) {
  const { db, host } = useServices()
  const { campaign, cases, me } = data
  const input = useRef<HTMLInputElement>(null)
  const [checked, setChecked] = useState<{ fileName: string; result: CaseListResult } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const choose = async (file: File | undefined) => {
    if (!file) return
    setError(null)
    setDone(null)
    setChecked(null)
    try {
      const table = await readCaseListFile(file.name, new Uint8Array(await file.arrayBuffer()))
      const result = resolveCaseList(table, {
        caseTypes: campaign.rubrics.map((r) => r.caseType),
        agencies: campaign.agencies,
        caseFiles: files.map((f) => ({ id: f.id, name: f.name, pageCount: f.pageCount })),
        registered: cases.map((c) => ({ caseFileId: c.caseFileId, agencyId: c.agencyId, caseNumber: c.caseNumber })),
      })
      setChecked({ fileName: file.name, result })
    } catch (err) {
      setError(`无法读取「${file.name}」：${errorText(err)}`)
    } finally {
      if (input.current) input.current.value = ''
    }
  }

  const register = async () => {
    if (!checked) return
    setBusy(true)
    setError(null)
    try {
      const written = await registerCaseList(db, campaign.id, checked.result, actorOf(me).label)
      setDone(`已从「${checked.fileName}」登记 ${written.length} 件案卷${checked.result.newAgencies.length ? `，新建执法单位 ${checked.result.newAgencies.length} 个` : ''}。`)
      setChecked(null)
    } catch (err) {
      setError(`登记失败，未写入任何案卷：${errorText(err)}`)
    } finally {
      setBusy(false)
    }
  }

  const saveTemplate = async () => {
    const r = await host.saveFile('案卷目录模板.csv', new Blob([caseListTemplateCsv()], { type: 'text/csv;charset=utf-8' }))
    if (!r.ok) setError(`模板未能保存：${r.message}`)
  }

  const result = checked?.result
  return (
    <section className="cr-card cr-form" data-testid="caselist">
      <h2>按案卷目录批量登记</h2>
      <p className="hint">
        支持 Excel（.xlsx）和 CSV 文件：第一行为表头 {CASE_LIST_COLUMNS.join('、')}。「案卷文件」填写案卷库中的案卷名称；未登记过的执法单位会自动添加。CSV 请用 UTF-8 编码（Excel「CSV UTF-8」，带 BOM 亦可），GBK 编码也能识别。有任一行出错时不会登记任何案卷。
      </p>
      <div className="cr-inline">
        <input ref={input} type="file" accept=".xlsx,.csv,.txt" hidden data-testid="caselist-input" onChange={(e) => void choose(e.target.files?.[0])} />
        <button type="button" data-testid="caselist-choose" onClick={() => input.current?.click()}>
          选择案卷目录文件…
        </button>
        <button type="button" className="link" data-testid="caselist-template" onClick={() => void saveTemplate()}>
          下载模板
        </button>
      </div>
      {result && result.errors.length > 0 && (
        <div role="alert" data-testid="caselist-errors">
          <p className="error">「{checked.fileName}」有 {result.errors.length} 处问题，未登记任何案卷。请修改后重新选择：</p>
          <ul className="cr-problems">
            {result.errors.map((e) => (
              <li key={e} data-testid="caselist-error">
                {e}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && result.errors.length === 0 && (
        <div className="cr-preview" data-testid="caselist-preview" data-count={result.cases.length}>
          <p>
            「{checked.fileName}」检查通过：共 {result.cases.length} 件案卷
            {result.newAgencies.length > 0 && `，将新建执法单位：${result.newAgencies.join('、')}`}。
          </p>
          <div className="cr-actions">
            <button type="button" onClick={() => setChecked(null)}>
              取消
            </button>
            <button type="button" className="primary" data-testid="caselist-register" disabled={busy} onClick={() => void register()}>
              确认登记 {result.cases.length} 件
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="caselist-failed">
          {error}
        </p>
      )}
      {done && (
        <p className="cr-ok" data-testid="caselist-done">
          {done}
        </p>
      )}
    </section>
  )
}
