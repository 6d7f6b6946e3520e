import { formatCents, toCents } from '../decimal/points'
import type { Rubric } from '../rubric/types'

const p = (v: number): string => `${formatCents(toCents(v))}分`

/**
 * The rubric text a problem rests on, quoted in notices: B-2-3「询问笔录」：询问笔录未载明告知事项（每处扣0.5分）,
 * prefixed with 《标准名称》 when `withName` (a notice names the rubric once above its table instead).
 */
export function ruleBasisText(rubric: Rubric, itemId: string, ruleId: string | null, withName = false): string {
  const name = withName ? `《${rubric.name}》` : ''
  const basic = rubric.basic?.items.find((b) => b.id === itemId)
  if (basic) return `${name}${rubric.basic?.title ?? '基本标准'} ${basic.id}：${basic.text}（否决项）`
  const item = rubric.sections.flatMap((s) => s.items).find((it) => it.id === itemId)
  if (!item) return `${name}${itemId}`
  const head = `${name}${item.id}「${item.name}」`
  const veto = item.vetoes?.find((v) => v.id === ruleId)
  if (veto) return `${head}：${veto.text}（否决项）`
  const rule = item.rules?.find((r) => r.id === ruleId)
  if (!rule) return head
  let how: string
  switch (rule.kind) {
    case 'fixed': how = `扣${p(rule.amount)}`; break
    case 'full': how = '扣除该项全部分值'; break
    case 'perOccurrence': how = `每处扣${p(rule.amount)}${rule.maxDeduction !== undefined ? `，最多扣${p(rule.maxDeduction)}` : ''}`; break
    case 'perElement': how = `每缺一项扣${p(rule.amount)}${rule.maxDeduction !== undefined ? `，最多扣${p(rule.maxDeduction)}` : ''}`; break
    case 'range': how = `酌情扣${formatCents(toCents(rule.min))}至${p(rule.max)}`; break
  }
  return `${head}：${rule.text}（${how}）`
}
