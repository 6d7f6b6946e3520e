import type { PanelMember } from '@scoring/index'
import { actorLabel } from '../../workflow/identity'
import type { Actor } from '../../workflow/reviews'

/** The actor every write is recorded under; without a chosen identity the audit says 未指定人员. */
export function actorOf(member: PanelMember | null): Actor {
  return { label: actorLabel(member), role: member?.role === 'lead' ? 'lead' : 'reviewer', memberId: member?.id ?? '' }
}

export const isLead = (member: PanelMember | null) => member?.role === 'lead'

export const LEAD_ONLY = '只有评查组长可以执行此操作：请在页首「当前身份」中选择组长'

export const roleText = (role: PanelMember['role']) => (role === 'lead' ? '组长' : '评查员')

export function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : '操作失败，请重试'
}
