import { useServices } from '../../app/AppServices'
import { setCurrentMember } from '../../workflow/identity'
import { roleText } from './campaignActor'
import type { CampaignData } from './useCampaignData'

/** Offline laptops have no accounts: whoever sits here picks their name, and the audit log records it. */
export function IdentityPicker({ data }: { data: CampaignData }) {
  const { db } = useServices()
  const { campaign, me } = data
  return (
    <label className="cr-identity" title="本机没有账号：请选择正在使用本机的评查组成员，所有操作都以此身份记入审计日志">
      当前身份
      <select data-testid="identity-select" value={me?.id ?? ''} disabled={campaign.members.length === 0} onChange={(e) => e.target.value && void setCurrentMember(db, campaign.id, e.target.value)}>
        <option value="">{campaign.members.length === 0 ? '（请先在「设置」中添加评查人员）' : '（请选择）'}</option>
        {campaign.members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}（{roleText(m.role)} · {data.agencyName(m.agencyId)}）
          </option>
        ))}
      </select>
    </label>
  )
}
