import type { BasicItem, BonusItem, DeductionRule, Item, Rubric, VetoRule } from '@scoring/index'

/** One line of the score sheet as the reviewer walks it: basic-layer vetoes, scored items, bonus items. */
export type SheetRow =
  | { kind: 'basic'; id: string; name: string; group: string; item: BasicItem }
  | { kind: 'scored'; id: string; name: string; group: string; sectionId: string; item: Item; rules: DeductionRule[]; vetoes: VetoRule[] }
  | { kind: 'bonus'; id: string; name: string; group: string; item: BonusItem }

export interface SheetGroup {
  id: string
  title: string
  rows: SheetRow[]
}

/** The rubric in reading order, grouped as on the paper sheet. */
export function sheetGroups(rubric: Rubric): SheetGroup[] {
  const groups: SheetGroup[] = []
  if (rubric.basic) groups.push({ id: 'basic', title: rubric.basic.title, rows: rubric.basic.items.map((item) => ({ kind: 'basic', id: item.id, name: item.text, group: 'basic', item })) })
  for (const section of rubric.sections) {
    groups.push({
      id: section.id,
      title: section.name,
      rows: section.items.map((item) => ({ kind: 'scored', id: item.id, name: item.name, group: section.id, sectionId: section.id, item, rules: item.rules ?? [], vetoes: item.vetoes ?? [] })),
    })
  }
  if (rubric.bonus) groups.push({ id: 'bonus', title: rubric.bonus.title ?? '加分项', rows: rubric.bonus.items.map((item) => ({ kind: 'bonus', id: item.id, name: item.name, group: 'bonus', item })) })
  return groups
}

export function allRows(groups: SheetGroup[]): SheetRow[] {
  return groups.flatMap((g) => g.rows)
}

/** Describes how a rule deducts, in the words of a paper sheet. */
export function ruleSummary(rule: DeductionRule): string {
  switch (rule.kind) {
    case 'fixed':
      return `扣${rule.amount}分`
    case 'full':
      return '扣全分'
    case 'perOccurrence':
      return `每处扣${rule.amount}分${rule.maxDeduction ? `，最多扣${rule.maxDeduction}分` : ''}`
    case 'perElement':
      return `每缺一项扣${rule.amount}分${rule.maxDeduction ? `，最多扣${rule.maxDeduction}分` : ''}`
    case 'range':
      return `扣${rule.min}–${rule.max}分（步长${rule.step}）`
  }
}
