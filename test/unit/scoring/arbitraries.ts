import fc from 'fast-check'
import type { Decision, DeductionRule, Item, Rubric } from '@scoring/index'
import { toCents } from '@scoring/index'

export interface ReviewShape {
  vetoes: boolean
  bonus: boolean
  undecided: boolean
}

const reason = '自动生成'

function deductionArb(rule: DeductionRule): fc.Arbitrary<Record<string, unknown>> {
  switch (rule.kind) {
    case 'fixed':
    case 'full':
      return fc.constant({ ruleId: rule.id, reason })
    case 'perOccurrence':
      return fc.integer({ min: 1, max: 12 }).map((occurrences) => ({ ruleId: rule.id, occurrences, reason }))
    case 'perElement':
      return rule.elements
        ? fc.subarray(rule.elements, { minLength: 1 }).map((elements) => ({ ruleId: rule.id, elements, reason }))
        : fc.integer({ min: 1, max: 8 }).map((occurrences) => ({ ruleId: rule.id, occurrences, reason }))
    case 'range': {
      const steps = (toCents(rule.max) - toCents(rule.min)) / toCents(rule.step)
      return fc.integer({ min: 0, max: steps }).map((k) => ({ ruleId: rule.id, amount: (toCents(rule.min) + k * toCents(rule.step)) / 100, reason }))
    }
  }
}

function itemDecisionArb(item: Item, shape: ReviewShape, naFixed?: boolean): fc.Arbitrary<Decision | null> {
  const options: fc.Arbitrary<Decision | null>[] = [fc.constant({ itemId: item.id, kind: 'conforming' } as Decision)]
  const rules = item.rules ?? []
  if (rules.length > 0) {
    options.push(
      fc.subarray(rules, { minLength: 1 }).chain((chosen) => fc.tuple(...chosen.map(deductionArb))).map((deductions) => ({ itemId: item.id, kind: 'deducted', deductions }) as Decision),
    )
  }
  if (naFixed !== undefined) {
    return naFixed ? fc.constant({ itemId: item.id, kind: 'na', reason } as Decision) : fc.oneof(...options)
  }
  if (item.naAllowed) options.push(fc.constant({ itemId: item.id, kind: 'na', reason } as Decision))
  if (shape.vetoes && (item.vetoes?.length ?? 0) > 0) options.push(fc.constantFrom(...item.vetoes!).map((v) => ({ itemId: item.id, kind: 'veto', vetoId: v.id, reason }) as Decision))
  if (shape.undecided) options.push(fc.constant(null))
  return fc.oneof(...options)
}

/** Random reviews that fit `rubric`; `naSet` pins which items are N/A (for order-preservation properties). */
export function decisionsArb(rubric: Rubric, shape: ReviewShape, naSet?: ReadonlySet<string>): fc.Arbitrary<Decision[]> {
  const parts: fc.Arbitrary<Decision | null>[] = []
  for (const b of rubric.basic?.items ?? []) {
    const opts: fc.Arbitrary<Decision | null>[] = [fc.constant({ itemId: b.id, kind: 'conforming' } as Decision)]
    if (shape.vetoes) opts.push(fc.constant({ itemId: b.id, kind: 'veto', reason } as Decision))
    if (shape.undecided) opts.push(fc.constant(null))
    // Vetoes are rare in practice; weight conforming so most generated files are scored normally.
    parts.push(fc.oneof({ arbitrary: opts[0]!, weight: 8 }, ...opts.slice(1).map((arbitrary) => ({ arbitrary, weight: 1 }))))
  }
  for (const s of rubric.sections) for (const it of s.items) parts.push(itemDecisionArb(it, shape, naSet ? naSet.has(it.id) : undefined))
  if (shape.bonus) {
    for (const b of rubric.bonus?.items ?? []) {
      const step = toCents(b.step ?? 0.01)
      parts.push(fc.integer({ min: 0, max: toCents(b.max) / step }).map((k) => ({ itemId: b.id, kind: 'bonus', amount: (k * step) / 100, reason }) as Decision))
    }
  }
  return fc.tuple(...parts).map((ds) => ds.filter((x): x is Decision => x !== null))
}

export function naCandidates(rubric: Rubric): string[] {
  return rubric.sections.flatMap((s) => s.items.filter((i) => i.naAllowed).map((i) => i.id))
}
