import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { listCampaigns } from '../../workflow/campaigns'
import { formatCents } from '@scoring/index'
import { NewCampaignForm } from './NewCampaignForm'

export function CampaignsPage() {
  const { db, navigate } = useServices()
  const campaigns = useLiveQuery(() => listCampaigns(db), [db])
  const [creating, setCreating] = useState(false)
  return (
    <main className="campaigns pad">
      <div className="cr-titlebar">
        <h1>评查活动</h1>
        {!creating && (
          <button className="primary" data-testid="campaign-new" onClick={() => setCreating(true)}>
            新建评查活动
          </button>
        )}
      </div>
      {creating && (
        <NewCampaignForm
          onCancel={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false)
            navigate({ page: 'campaign', campaignId: id })
          }}
        />
      )}
      {campaigns === undefined ? (
        <p className="muted">正在读取评查活动…</p>
      ) : campaigns.length === 0 ? (
        !creating && (
          <p className="empty" data-testid="campaigns-empty">
            还没有评查活动。点击「新建评查活动」开始组织一次案卷评查。
          </p>
        )
      ) : (
        <table className="cr-table" data-testid="campaigns-table" data-count={campaigns.length}>
          <thead>
            <tr>
              <th>活动名称</th>
              <th className="num">年度</th>
              <th>组织单位</th>
              <th>评查方式</th>
              <th className="num">执法单位</th>
              <th className="num">评查人员</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-testid="campaign-row" data-campaign-id={c.id} data-name={c.name}>
                <td className="name">{c.name}</td>
                <td className="num">{c.year}</td>
                <td>{c.organiser}</td>
                <td>{c.mode === 'double' ? `双人评查（允许差 ${formatCents(c.toleranceCents)} 分）` : '单人评查'}</td>
                <td className="num">{c.agencies.length}</td>
                <td className="num">{c.members.length}</td>
                <td>
                  <button data-testid="campaign-open" onClick={() => navigate({ page: 'campaign', campaignId: c.id })}>
                    打开
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
