import { useState, type FormEvent } from 'react'
import type { PanelMember } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { listPinnableRubrics } from '../../rubrics/rubricCatalog'
import { addAgency, addMember } from '../../workflow/campaigns'
import { caseTypeName } from '../../workflow/caseList'
import { actorOf, errorText, roleText } from './campaignActor'
import type { CampaignData } from './useCampaignData'
import { RubricVersionChange } from './RubricVersionChange'

export function SettingsTab({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign } = data
  const catalog = useLiveQuery(() => listPinnableRubrics(db), [db])
  return (
    <div className="cr-stack">
      <section className="cr-card">
        <h2>评查标准</h2>
        <table className="cr-table" data-testid="settings-rubrics">
          <thead>
            <tr>
              <th>案件类型</th>
              <th>评查标准</th>
              <th className="num">版本</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {campaign.rubrics.map((r) => {
              const entry = catalog?.find((e) => e.rubricId === r.rubricId && e.version === r.version)
              return (
                <tr key={r.caseType}>
                  <td>{caseTypeName(r.caseType)}</td>
                  <td>{entry ? entry.name : catalog ? <span className="error">本机没有该评查标准版本（{r.rubricId}）</span> : '…'}</td>
                  <td className="num">第 {r.version} 版</td>
                  <td>{catalog && <RubricVersionChange data={data} caseType={r.caseType} catalog={catalog} />}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
      <div className="cr-columns">
        <AgenciesCard data={data} />
        <MembersCard data={data} />
      </div>
    </div>
  )
}

function AgenciesCard({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, cases, me } = data
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await addAgency(db, campaign, name, actorOf(me).label)
      setName('')
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <section className="cr-card">
      <h2>执法单位（被评查单位）</h2>
      {campaign.agencies.length === 0 ? (
        <p className="muted">尚未添加执法单位。</p>
      ) : (
        <ul className="cr-list" data-testid="agency-list">
          {campaign.agencies.map((a) => (
            <li key={a.id} data-testid="agency-row" data-agency-id={a.id}>
              <span>{a.name}</span>
              <span className="muted">登记 {cases.filter((c) => c.agencyId === a.id).length} 件</span>
            </li>
          ))}
        </ul>
      )}
      <form className="cr-inline" onSubmit={(e) => void submit(e)}>
        <input data-testid="agency-name" value={name} onChange={(e) => {
            setName(e.target.value)
            setError(null)
          }} placeholder="执法单位名称" aria-label="执法单位名称" />
        <button type="submit" data-testid="agency-add">
          添加单位
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="agency-error">
          {error}
        </p>
      )}
    </section>
  )
}

function MembersCard({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, me } = data
  const [name, setName] = useState('')
  const [agencyId, setAgencyId] = useState('')
  const [role, setRole] = useState<PanelMember['role']>('reviewer')
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await addMember(db, campaign, { name, agencyId, role }, actorOf(me).label)
      setName('')
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <section className="cr-card">
      <h2>评查组成员</h2>
      {campaign.members.length === 0 ? (
        <p className="muted">尚未添加评查人员。交叉评查：评查人员不评查本单位的案卷。</p>
      ) : (
        <ul className="cr-list" data-testid="member-list">
          {campaign.members.map((m) => (
            <li key={m.id} data-testid="member-row" data-member-id={m.id} data-role={m.role}>
              <span>
                {m.name} <span className={`cr-tag ${m.role === 'lead' ? 'cr-tag-lead' : ''}`}>{roleText(m.role)}</span>
              </span>
              <span className="muted">{data.agencyName(m.agencyId)}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="cr-inline" onSubmit={(e) => void submit(e)}>
        <input data-testid="member-name" value={name} onChange={(e) => {
            setName(e.target.value)
            setError(null)
          }} placeholder="姓名" aria-label="姓名" />
        <select data-testid="member-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)} aria-label="所在单位">
          <option value="">所在单位…</option>
          {campaign.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select data-testid="member-role" value={role} onChange={(e) => setRole(e.target.value as PanelMember['role'])} aria-label="角色">
          <option value="reviewer">评查员</option>
          <option value="lead">组长</option>
        </select>
        <button type="submit" data-testid="member-add">
          添加成员
        </button>
      </form>
      {campaign.agencies.length === 0 && <p className="hint">先添加执法单位，再添加评查人员。</p>}
      {error && (
        <p className="error" role="alert" data-testid="member-error">
          {error}
        </p>
      )}
    </section>
  )
}
