import { describe, expect, it } from 'vitest'
import type { ReviewAction, ReviewState, Role } from '@scoring/index'
import { availableActions, canEditDecisions, reviewStateNames, transition } from '@scoring/index'

const states: ReviewState[] = ['not-started', 'in-progress', 'submitted', 'in-second-review', 'returned', 'finalised']
const roles: Role[] = ['reviewer', 'lead']
// Valid payloads, so this table tests only who may do what where.
const actions: ReviewAction[] = [
  { type: 'start' },
  { type: 'submit' },
  { type: 'begin-second-review' },
  { type: 'return', comment: '第3页询问笔录的扣分理由不充分' },
  { type: 'finalise' },
  { type: 'reopen', reason: '通报前发现计分错误' },
]

// Written out independently of the implementation's table: "state action role" → resulting state.
const allowed: Record<string, ReviewState> = {
  'not-started start reviewer': 'in-progress',
  'not-started start lead': 'in-progress',
  'in-progress submit reviewer': 'submitted',
  'returned start reviewer': 'in-progress',
  'returned start lead': 'in-progress',
  'returned submit reviewer': 'submitted',
  'submitted begin-second-review lead': 'in-second-review',
  'in-second-review return lead': 'returned',
  'in-second-review finalise lead': 'finalised',
  'finalised reopen lead': 'in-second-review',
}

const actionNames: Record<ReviewAction['type'], string> = {
  start: '开始评查',
  submit: '提交',
  'begin-second-review': '开始复核',
  return: '退回修改',
  finalise: '定稿',
  reopen: '重新打开',
}

const table = states.flatMap((state) => actions.flatMap((action) => roles.map((role) => ({ state, action, role, to: allowed[`${state} ${action.type} ${role}`] }))))

describe('review state machine', () => {
  it('covers every state × action × role', () => {
    expect(table).toHaveLength(6 * 6 * 2)
  })

  it.each(table)('$state + $action.type by $role → $to', ({ state, action, role, to }) => {
    const r = transition(state, action, role)
    if (to) {
      expect(r).toEqual({ ok: true, state: to })
    } else {
      expect(r.ok).toBe(false)
      if (r.ok) return
      // The refusal names the state and the action, in Chinese.
      expect(r.message).toContain(reviewStateNames[state])
      expect(r.message).toContain(actionNames[action.type])
    }
  })

  it.each(states.flatMap((state) => roles.map((role) => ({ state, role }))))('availableActions($state, $role) agrees with the table', ({ state, role }) => {
    const expected = actions.map((a) => a.type).filter((t) => allowed[`${state} ${t} ${role}`])
    expect(availableActions(state, role)).toEqual(expected)
  })

  it('a wrong role gets a message naming who may act', () => {
    const r = transition('submitted', { type: 'begin-second-review' }, 'reviewer')
    expect(r).toEqual({ ok: false, message: expect.stringContaining('评查组长') })
  })

  it.each(['', '   ', '\n'])('returning needs a comment (%j)', (comment) => {
    const r = transition('in-second-review', { type: 'return', comment }, 'lead')
    expect(r).toEqual({ ok: false, message: expect.stringContaining('退回意见') })
  })

  it.each(['', ' ', '错', ' 错 '])('reopening needs a reason of at least 2 characters (%j)', (reason) => {
    const r = transition('finalised', { type: 'reopen', reason }, 'lead')
    expect(r).toEqual({ ok: false, message: expect.stringContaining('至少 2 个字') })
  })

  it('a two-character reason is enough, and finalise takes an optional note', () => {
    expect(transition('finalised', { type: 'reopen', reason: ' 更正 ' }, 'lead')).toEqual({ ok: true, state: 'in-second-review' })
    expect(transition('in-second-review', { type: 'finalise', note: '复核无异议' }, 'lead')).toEqual({ ok: true, state: 'finalised' })
  })

  it('names all six states in Chinese', () => {
    expect(reviewStateNames).toEqual({ 'not-started': '未开始', 'in-progress': '评查中', submitted: '已提交', 'in-second-review': '复核中', returned: '已退回', finalised: '已定稿' })
  })
})

describe('canEditDecisions', () => {
  const editable: Record<Role, ReviewState[]> = { reviewer: ['not-started', 'in-progress', 'returned'], lead: ['in-second-review'] }
  it.each(states.flatMap((state) => roles.map((role) => ({ state, role, can: editable[role].includes(state) }))))('$state by $role → $can', ({ state, role, can }) => {
    expect(canEditDecisions(state, role)).toBe(can)
  })
})
