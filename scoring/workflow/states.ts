/**
 * The life of one file's review: first review (初评) by a reviewer, then second review (复核) by the panel lead, who
 * either returns it for rework or finalises it. A finalised review is reopened only with a reason, because the score
 * may already be in a circular (通报).
 */
export type ReviewState = 'not-started' | 'in-progress' | 'submitted' | 'in-second-review' | 'returned' | 'finalised'

export const reviewStates: readonly ReviewState[] = ['not-started', 'in-progress', 'submitted', 'in-second-review', 'returned', 'finalised']

export const reviewStateNames: Record<ReviewState, string> = {
  'not-started': '未开始',
  'in-progress': '评查中',
  submitted: '已提交',
  'in-second-review': '复核中',
  returned: '已退回',
  finalised: '已定稿',
}

export type ReviewAction =
  | { type: 'start' }
  | { type: 'submit' }
  | { type: 'begin-second-review' }
  | { type: 'return'; comment: string }
  | { type: 'finalise'; note?: string }
  | { type: 'reopen'; reason: string }

export type ReviewActionType = ReviewAction['type']

export const reviewActionTypes: readonly ReviewActionType[] = ['start', 'submit', 'begin-second-review', 'return', 'finalise', 'reopen']

export const reviewActionNames: Record<ReviewActionType, string> = {
  start: '开始评查',
  submit: '提交',
  'begin-second-review': '开始复核',
  return: '退回修改',
  finalise: '定稿',
  reopen: '重新打开',
}

export type Role = 'reviewer' | 'lead'

export const roleNames: Record<Role, string> = { reviewer: '评查人员', lead: '评查组长' }

export interface ReviewTransition {
  from: ReviewState
  action: ReviewActionType
  to: ReviewState
  roles: readonly Role[]
}

/** Every allowed move; anything not listed is refused. */
export const reviewTransitions: readonly ReviewTransition[] = [
  { from: 'not-started', action: 'start', to: 'in-progress', roles: ['reviewer', 'lead'] },
  { from: 'in-progress', action: 'submit', to: 'submitted', roles: ['reviewer'] },
  { from: 'returned', action: 'start', to: 'in-progress', roles: ['reviewer', 'lead'] },
  { from: 'returned', action: 'submit', to: 'submitted', roles: ['reviewer'] },
  { from: 'submitted', action: 'begin-second-review', to: 'in-second-review', roles: ['lead'] },
  { from: 'in-second-review', action: 'return', to: 'returned', roles: ['lead'] },
  { from: 'in-second-review', action: 'finalise', to: 'finalised', roles: ['lead'] },
  { from: 'finalised', action: 'reopen', to: 'in-second-review', roles: ['lead'] },
]

export const MIN_REOPEN_REASON_LENGTH = 2

export function transition(state: ReviewState, action: ReviewAction, role: Role): { ok: true; state: ReviewState } | { ok: false; message: string } {
  const stateName = reviewStateNames[state] ?? state
  const actionName = reviewActionNames[action.type] ?? action.type
  const t = reviewTransitions.find((x) => x.from === state && x.action === action.type)
  if (!t) return { ok: false, message: `评查处于「${stateName}」状态，不能执行「${actionName}」。` }
  if (!t.roles.includes(role)) {
    return { ok: false, message: `评查处于「${stateName}」状态时，「${actionName}」只能由${t.roles.map((r) => roleNames[r]).join('或')}执行，${roleNames[role] ?? role}不能执行。` }
  }
  if (action.type === 'return' && (typeof action.comment !== 'string' || action.comment.trim() === '')) {
    return { ok: false, message: `「${actionName}」须填写退回意见，说明需要修改的内容。` }
  }
  if (action.type === 'reopen' && (typeof action.reason !== 'string' || Array.from(action.reason.trim()).length < MIN_REOPEN_REASON_LENGTH)) {
    return { ok: false, message: `「${stateName}」的评查${actionName}须填写理由（至少 ${MIN_REOPEN_REASON_LENGTH} 个字）。` }
  }
  return { ok: true, state: t.to }
}

/**
 * Who may change deductions and findings now. A submitted review is frozen until the lead begins the second review,
 * so the lead never reviews a sheet that is still moving; a finalised one is frozen until reopened.
 */
export function canEditDecisions(state: ReviewState, role: Role): boolean {
  if (role === 'reviewer') return state === 'not-started' || state === 'in-progress' || state === 'returned'
  return state === 'in-second-review'
}

/** The actions the role may take in this state, in a fixed order (for buttons); payload rules still apply on use. */
export function availableActions(state: ReviewState, role: Role): ReviewActionType[] {
  return reviewActionTypes.filter((a) => reviewTransitions.some((t) => t.from === state && t.action === a && t.roles.includes(role)))
}
