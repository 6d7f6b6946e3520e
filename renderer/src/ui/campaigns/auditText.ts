import { reviewActionNames, type ReviewActionType } from '@scoring/index'
import type { AuditRecord } from '../../store/workflowRecords'
import type { CampaignData } from './useCampaignData'

const actions: Record<string, string> = {
  'case.register': '登记案卷',
  'sampling.draw': '抽取案卷',
  'assignment.add': '分配案卷',
  'assignment.remove': '撤回分配',
  'review.state': '评查状态变更',
  'review.decision': '记录评查结论',
  'review.highlights': '填写亮点',
  'review.dispute': '记录争议',
  'review.arbitrate': '组长裁定',
}

/** The action in the words a panel uses; unknown actions show their code so nothing is hidden. */
export function actionText(e: AuditRecord): string {
  if (e.action === 'campaign.update') {
    const keys = Object.keys((e.after ?? {}) as object)
    if (keys.length === 1 && keys[0] === 'agencies') return '添加执法单位'
    if (keys.length === 1 && keys[0] === 'members') return '添加评查人员'
    return '修改活动设置'
  }
  if (e.action === 'assignment.add' && (e.after as { overrideReason?: string } | null)?.overrideReason) return '例外指派（本单位案卷）'
  const review = /^review\.(.+)$/.exec(e.action)?.[1] as ReviewActionType | undefined
  if (review && review in reviewActionNames) return reviewActionNames[review]
  return actions[e.action] ?? e.action
}

/** What the entry is about: the case number, the review's case and reviewer, or the campaign. */
export function subjectText(e: AuditRecord, data: CampaignData): string {
  const caseNumber = (id: string) => data.cases.find((c) => c.id === id)?.caseNumber
  if (e.subject.kind === 'case') return `案卷 ${caseNumber(e.subject.id) ?? e.subject.id.slice(0, 8)}`
  if (e.subject.kind === 'review') {
    const r = data.reviews.find((x) => x.id === e.subject.id)
    return r ? `评查记录 ${caseNumber(r.campaignCaseId) ?? ''}（${data.memberName(r.reviewerId)}）` : `评查记录 ${e.subject.id.slice(0, 8)}`
  }
  if (e.subject.kind === 'campaign') return '本活动'
  return `${e.subject.kind} ${e.subject.id.slice(0, 8)}`
}

/** A short detail line: the reason of an override, the names added, the seed of a draw. */
export function detailText(e: AuditRecord, data: CampaignData): string {
  const after = e.after as Record<string, unknown> | null
  if (!after || typeof after !== 'object') return ''
  if (e.action === 'assignment.add') {
    const who = data.memberName(String(after.reviewerId ?? ''))
    return after.overrideReason ? `${who}；理由：${String(after.overrideReason)}` : who
  }
  if (e.action === 'assignment.remove') return data.memberName(String((e.before as { reviewerId?: string } | null)?.reviewerId ?? ''))
  if (e.action === 'sampling.draw') {
    const plan = after.plan as { mode: string; amount: number; seed: string }
    return `${plan.mode === 'count' ? `每单位 ${plan.amount} 件` : `${plan.amount}%`}，种子 ${plan.seed}，抽中 ${(after.selected as unknown[]).length} 件`
  }
  if (e.action === 'campaign.update') {
    const before = (e.before ?? {}) as Record<string, unknown>
    const added = (k: string) => ((after[k] as { name: string }[]) ?? []).filter((x) => !((before[k] as { name: string }[] | undefined) ?? []).some((y) => y.name === x.name)).map((x) => x.name)
    if ('agencies' in after) return added('agencies').join('、')
    if ('members' in after) return added('members').join('、')
  }
  if (e.action === 'review.arbitrate' && typeof after.note === 'string') return after.note
  if (typeof after.comment === 'string') return after.comment
  if (typeof after.reason === 'string') return after.reason
  return ''
}
