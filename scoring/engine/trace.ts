import type { Cents } from '../decimal/points'
import { centsToNumber, formatCents as f } from '../decimal/points'
import type { VetoEffect } from '../rubric/types'
import type { TraceLine } from './result'

// All Chinese wording of the trace lives here so reports and the CLI say the same thing.

export const vetoEffectText: Record<VetoEffect, string> = {
  zero: '总分计0分',
  lowestBand: '保留得分，等次定为最低档',
  stop: '不合格卷，停止评分',
}

export const naPolicyText = {
  rescale: '按适用项折算为满分制',
  fullPoints: '不适用项按满分计',
  exclude: '不适用项从满分中剔除',
} as const

export function line(itemId: string | null, kind: TraceLine['kind'], text: string, delta?: Cents): TraceLine {
  return delta === undefined ? { itemId, kind, text } : { itemId, kind, text, delta: centsToNumber(delta) }
}

export function itemCapText(itemId: string, raw: Cents, cap: Cents, capIsPoints: boolean): string {
  return `${itemId} 本项扣分合计${f(raw)}分，超过本项${capIsPoints ? '分值' : '扣分上限'}${f(cap)}分，按${f(cap)}分计（扣完为止）`
}

export function sectionCapText(sectionId: string, name: string, raw: Cents, cap: Cents): string {
  return `${sectionId} ${name}：扣分合计${f(raw)}分，超过本部分可扣分值${f(cap)}分，按${f(cap)}分计（扣完为止，不计负分）`
}
