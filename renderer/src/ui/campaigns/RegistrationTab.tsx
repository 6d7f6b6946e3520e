import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { listCaseFiles } from '../../store/caseFiles'
import { caseTypeName } from '../../workflow/caseList'
import { CaseForm } from './CaseForm'
import { CaseListImport } from './CaseListImport'
import type { CampaignData } from './useCampaignData'

export function RegistrationTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { cases } = data
  const files = useLiveQuery(() => listCaseFiles(db), [db])
  const fileName = (id: string | null) => (id ? (files?.find((f) => f.id === id)?.name ?? '（案卷库中已无此文件）') : '—')
  return (
    <div className="cr-stack">
      <div className="cr-columns">
        <CaseForm data={data} files={files ?? []} />
        <CaseListImport data={data} files={files ?? []} />
      </div>
      <section className="cr-card">
        <h2>已登记案卷（{cases.length} 件）</h2>
        {cases.length === 0 ? (
          <p className="muted">尚未登记案卷。</p>
        ) : (
          <div className="cr-scroll">
            <table className="cr-table" data-testid="case-table" data-count={cases.length}>
              <thead>
                <tr>
                  <th>案号</th>
                  <th>执法单位</th>
                  <th>案件类型</th>
                  <th>当事人</th>
                  <th>案由</th>
                  <th>承办人</th>
                  <th>立案日期</th>
                  <th>结案日期</th>
                  <th>案卷文件</th>
                  <th className="num">页数</th>
                  <th>抽取</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} data-testid="case-row" data-case-id={c.id} data-case-number={c.caseNumber} data-sampled={c.sampled}>
                    <td className="name">{c.caseNumber}</td>
                    <td>{data.agencyName(c.agencyId)}</td>
                    <td>{caseTypeName(c.caseType)}</td>
                    <td>{c.party}</td>
                    <td>{c.cause}</td>
                    <td>{c.handlers.join('、')}</td>
                    <td>{c.filedOn}</td>
                    <td>{c.closedOn}</td>
                    <td>{fileName(c.caseFileId)}</td>
                    <td className="num">{c.pageCount}</td>
                    <td>{c.sampled ? <span className="cr-tag cr-tag-ok">已抽中</span> : ''}</td>
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
