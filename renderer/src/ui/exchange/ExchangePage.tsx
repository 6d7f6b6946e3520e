import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { listCampaigns } from '../../workflow/campaigns'
import { AssignmentSection } from './AssignmentSection'
import { BackupSection } from './BackupSection'
import { ResultSection } from './ResultSection'

/** 数据交换: packages between the lead's and the reviewers' offline laptops, and backups. */
export function ExchangePage() {
  const { db } = useServices()
  const campaigns = useLiveQuery(() => listCampaigns(db), [db])
  const [campaignId, setCampaignId] = useState('')
  const campaign = campaigns?.find((c) => c.id === campaignId) ?? campaigns?.[0]
  return (
    <main className="campaigns pad" data-testid="exchange-page">
      <div className="cr-titlebar">
        <h1>数据交换</h1>
      </div>
      <div className="cr-stack">
        <p className="hint">评查组成员各用一台电脑、互不联网：组长导出分配包交给评查人员，评查人员评完后导出结果包交回组长合并。所有数据包都带校验值，导入前先整体校验，出错则本机数据不变。</p>
        <label className="cr-inline">
          评查活动
          <select data-testid="exchange-campaign" value={campaign?.id ?? ''} onChange={(e) => setCampaignId(e.target.value)}>
            {campaigns?.length === 0 && <option value="">（本机还没有评查活动，可先导入分配包）</option>}
            {campaigns?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{c.year}）
              </option>
            ))}
          </select>
        </label>
        <AssignmentSection campaign={campaign} />
        <ResultSection campaign={campaign} onCampaign={setCampaignId} />
        <BackupSection />
      </div>
    </main>
  )
}
