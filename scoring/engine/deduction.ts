import type { Cents } from '../decimal/points'
import { formatCents as f, toCents } from '../decimal/points'
import type { DeductionEntry } from '../review/types'
import type { DeductionRule } from '../rubric/types'

export interface ComputedDeduction {
  count: number
  /** After the rule's own cap, before item/section caps. */
  requested: Cents
  /** Chinese explanation of the arithmetic, without the item prefix. */
  text: string
}

/**
 * Cost of one deduction entry under its rule. Entries have been checked against the rule already,
 * so this only does arithmetic; the wording mirrors how score sheets phrase each rule kind.
 */
export function computeDeduction(rule: DeductionRule, entry: DeductionEntry, itemPoints: Cents | null): ComputedDeduction {
  switch (rule.kind) {
    case 'fixed': {
      const a = toCents(rule.amount)
      return { count: 1, requested: a, text: `${rule.text}：扣${f(a)}分` }
    }
    case 'full': {
      const a = itemPoints ?? 0
      return { count: 1, requested: a, text: `${rule.text}：扣全分${f(a)}分` }
    }
    case 'range': {
      const a = toCents(entry.amount ?? rule.min)
      return { count: 1, requested: a, text: `${rule.text}：酌情扣${f(toCents(rule.min))}–${f(toCents(rule.max))}分，选定扣${f(a)}分` }
    }
    case 'perOccurrence':
    case 'perElement': {
      const per = toCents(rule.amount)
      const named = rule.kind === 'perElement' && entry.elements ? entry.elements : undefined
      const count = named ? named.length : (entry.occurrences ?? 1)
      const raw = per * count
      const cap = rule.maxDeduction === undefined ? null : toCents(rule.maxDeduction)
      const requested = cap === null ? raw : Math.min(raw, cap)
      const unit = rule.kind === 'perOccurrence' ? '处' : '项'
      const lead = rule.kind === 'perOccurrence' ? `每处扣${f(per)}分` : `每缺一项扣${f(per)}分`
      const which = named ? `（缺：${named.join('、')}）` : ''
      let text = `${rule.text}：${lead} × ${count} ${unit}${which} = 扣${f(raw)}分`
      if (cap !== null) text += raw > cap ? `，超过本规则上限${f(cap)}分，按${f(cap)}分计` : `（本规则上限${f(cap)}分）`
      return { count, requested, text }
    }
  }
}
