import { formatCents, toCents } from '../decimal/points'
import type { DeductionKind, FloorMode, NaPolicy, VetoEffect } from './types'

// One wording for the codes of the rubric format, shared by the CLI, the editor, the XLSX layout and change reports,
// so an author sees the same Chinese term everywhere.

export const deductionKindLabels: Record<DeductionKind, string> = {
  fixed: '固定扣分',
  full: '扣全分',
  perOccurrence: '每处扣分',
  perElement: '每缺一项扣分',
  range: '区间酌情扣分',
}

export const vetoEffectLabels: Record<VetoEffect, string> = {
  zero: '总分计0分',
  lowestBand: '保留得分、定为最低档',
  stop: '不合格卷、停止评分',
}

export const floorLabels: Record<FloorMode, string> = {
  capped: '逐项扣完为止',
  global: '总分减扣分合计（最低0分）',
}

export const naLabels: Record<NaPolicy, string> = {
  rescale: '按适用项折算为满分制',
  fullPoints: '不适用项按满分计',
  exclude: '不适用项从满分中剔除',
}

export const tieBreakLabels: Record<'total' | 'count' | 'none', string> = {
  total: '平均分相同按总分',
  count: '平均分相同按案卷数',
  none: '不再区分',
}

export const unitConditionLabels: Record<'share' | 'mean' | 'noVeto', string> = {
  share: '档次占比',
  mean: '平均分',
  noVeto: '无否决卷',
}

const enumLabels: Record<string, Record<string, string>> = {
  kind: deductionKindLabels,
  effect: vetoEffectLabels,
  'policies.floor': floorLabels,
  'policies.na': naLabels,
  'policies.vetoEffect': vetoEffectLabels,
}

/** A changed value as an author reads it: points as exact decimals, codes as their Chinese terms, absent as （无）. */
export function describeValue(field: string, value: unknown): string {
  if (value === undefined || value === null) return '（无）'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') return formatCents(toCents(value))
  if (typeof value === 'string') return enumLabels[field]?.[value] ?? value
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、')
  if (field === 'units.ranking' && typeof value === 'object') {
    const tb = (value as { tieBreak?: keyof typeof tieBreakLabels }).tieBreak
    return `按平均分排名${tb ? `，${tieBreakLabels[tb]}` : ''}`
  }
  return JSON.stringify(value)
}
