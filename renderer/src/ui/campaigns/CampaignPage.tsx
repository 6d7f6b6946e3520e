import { useState } from 'react'
import { formatCents } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import type { Route } from '../../app/route'
import { AssignmentTab } from './AssignmentTab'
import { AuditTab } from './AuditTab'
import { DoubleReviewTab } from './DoubleReviewTab'
import { IdentityPicker } from './IdentityPicker'
import { ProgressTab } from './ProgressTab'
import { RegistrationTab } from './RegistrationTab'
import { SamplingTab } from './SamplingTab'
import { SettingsTab } from './SettingsTab'
import { useCampaignData, type CampaignData } from './useCampaignData'
import { RectificationTab } from '../reports/RectificationTab'
import { ReportTab } from '../reports/ReportTab'
import { StatsTab } from '../reports/StatsTab'

const tabs = [
  { id: 'settings', label: '设置', Component: SettingsTab },
  { id: 'cases', label: '案卷登记', Component: RegistrationTab },
  { id: 'sampling', label: '抽取', Component: SamplingTab },
  { id: 'assignment', label: '分配', Component: AssignmentTab },
  { id: 'progress', label: '进度', Component: ProgressTab },
  { id: 'double', label: '复核与仲裁', Component: DoubleReviewTab },
  { id: 'report', label: '报告', Component: ReportTab },
  { id: 'rectification', label: '整改', Component: RectificationTab },
  { id: 'stats', label: '统计', Component: StatsTab },
  { id: 'audit', label: '审计', Component: AuditTab },
] as const satisfies readonly { id: string; label: string; Component: (p: { data: CampaignData }) => unknown }[]

type TabId = (typeof tabs)[number]['id']

// The open tab outlives a trip to the scoring screen and back, so a reviewer lands where they left.
const lastTab = new Map<string, TabId>()

export function CampaignPage({ route }: { route: Route }) {
  const campaignId = route.page === 'campaign' ? route.campaignId : ''
  const { navigate } = useServices()
  const data = useCampaignData(campaignId)
  const [tab, setTabState] = useState<TabId>(lastTab.get(campaignId) ?? 'settings')
  const setTab = (t: TabId) => {
    lastTab.set(campaignId, t)
    setTabState(t)
  }
  if (data === null) return <main className="pad muted">正在读取评查活动…</main>
  if (data === 'missing')
    return (
      <main className="pad">
        <p className="error" data-testid="campaign-missing">
          找不到该评查活动，可能已在其他设备上删除或尚未同步。
        </p>
        <button onClick={() => navigate({ page: 'campaigns' })}>返回评查活动列表</button>
      </main>
    )
  const { campaign } = data
  const Active = tabs.find((t) => t.id === tab)!.Component
  return (
    <main className="campaign" data-testid="campaign-page" data-campaign-id={campaign.id}>
      <header className="cr-campaign-head">
        <div>
          <button className="link" data-testid="back-to-campaigns" onClick={() => navigate({ page: 'campaigns' })}>
            ‹ 评查活动
          </button>
          <h1 data-testid="campaign-title">{campaign.name}</h1>
          <p className="muted">
            {campaign.year} 年度 · {campaign.organiser} · {campaign.mode === 'double' ? `双人评查，允许差 ${formatCents(campaign.toleranceCents)} 分` : '单人评查'}
            {campaign.startDate || campaign.endDate ? ` · ${campaign.startDate || '？'} 至 ${campaign.endDate || '？'}` : ''}
          </p>
        </div>
        <IdentityPicker data={data} />
      </header>
      <nav className="tabs cr-tabs" role="tablist">
        {tabs.map((t) => (
          <button key={t.id} role="tab" data-testid={`campaign-tab-${t.id}`} aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      <section className="cr-tab-body" role="tabpanel" data-testid={`campaign-panel-${tab}`}>
        <Active data={data} />
      </section>
    </main>
  )
}
