import { checkReview } from '../review/checks'
import type { Decision, Review } from '../review/types'
import { compileRubric } from './compile'
import type { FieldChange } from './diff'
import { bonusItemFields, changedFields, diffRubrics } from './diff'
import { describeValue } from './labels'
import type { BasicItem, BonusItem, DeductionRule, Item, Rubric, VetoRule } from './types'

export type MigrationOutcome = 'carried' | 'reReview' | 'undecided'

export type MigrationReasonCode =
  | 'itemRemoved'
  | 'layerChanged'
  | 'pointsChanged'
  | 'maxDeductionChanged'
  | 'naNoLongerAllowed'
  | 'ruleAdded'
  | 'ruleRemoved'
  | 'ruleChanged'
  | 'vetoAdded'
  | 'vetoRemoved'
  | 'vetoChanged'
  | 'basicItemChanged'
  | 'bonusItemChanged'
  | 'itemAdded'
  | 'invalidUnderNew'

export interface MigrationReason {
  code: MigrationReasonCode
  message: string
  /** The rule or veto the reason is about, when it is about one. */
  ruleId?: string
  fields?: FieldChange[]
}

export interface DecisionMigration {
  itemId: string
  /** Name in the newer version, or in the older one when the item was removed. */
  itemName: string
  layer: 'basic' | 'scored' | 'bonus'
  /** The reviewer's decision on the older version; null for items added in the newer one. */
  decision: Decision | null
  outcome: MigrationOutcome
  /** Why the decision cannot carry over; empty when it does. */
  reasons: MigrationReason[]
}

export interface ReviewMigration {
  reviewId: string
  from: { rubricId: string; version: number }
  to: { rubricId: string; version: number }
  /** Decisions in the newer version's order, then decisions on removed items. */
  entries: DecisionMigration[]
  counts: Record<MigrationOutcome, number>
  /** Rubric-wide changes (total, policies, bands, bonus cap) that move every file's total even where decisions carry over. */
  notices: string[]
  /** The review rebased on the newer version, holding only the carried-over decisions: the rest must be decided again. */
  draft: Review
}

type Entry = { layer: 'basic'; node: BasicItem } | { layer: 'scored'; node: Item } | { layer: 'bonus'; node: BonusItem }

// Only what a reviewer judged against or what moves points counts; categories, notes, wording of
// descriptions and document types change reports, not decisions.
const judgedRuleFields = [
  ['kind', '扣分方式'],
  ['text', '规则说明'],
  ['amount', '扣分值'],
  ['min', '最小扣分'],
  ['max', '最大扣分'],
  ['step', '步长'],
  ['maxDeduction', '本规则上限'],
  ['elements', '要素'],
] as const
const judgedBonusFields = bonusItemFields.filter(([k]) => k === 'name' || k === 'max' || k === 'step')

const layerName = { basic: '基本标准（否决项）', scored: '评分项目', bonus: '加分项' } as const

/**
 * Rebases a review of `older` onto `newer` without rescoring anything silently: a decision carries over only when
 * nothing it rests on changed; every other decision is listed with the reason and left for the reviewer to make again.
 * Throws when the review was not made on `older`.
 */
export function migrateReview(older: Rubric, newer: Rubric, review: Review): ReviewMigration {
  if (review.rubricId !== older.id || review.rubricVersion !== older.version) {
    throw new Error(`评查记录基于评查标准 ${review.rubricId} 第${review.rubricVersion}版，不是「${older.name}」第${older.version}版`)
  }
  const a = indexEntries(older)
  const b = indexEntries(newer)
  const entries: DecisionMigration[] = []
  for (const d of review.decisions) {
    const was = a.get(d.itemId)
    const now = b.get(d.itemId)
    const itemName = nameOf(now ?? was) ?? d.itemId
    const layer = (now ?? was)?.layer ?? 'scored'
    const reasons: MigrationReason[] = []
    if (!now || !was) reasons.push({ code: 'itemRemoved', message: '新版本中已删除该项目' })
    else if (was.layer !== now.layer) reasons.push({ code: 'layerChanged', message: `项目类型由「${layerName[was.layer]}」改为「${layerName[now.layer]}」` })
    else reasons.push(...compare(was, now, d, older, newer))
    entries.push({ itemId: d.itemId, itemName, layer, decision: d, outcome: reasons.length > 0 ? 'reReview' : 'carried', reasons })
  }
  const decided = new Set(review.decisions.map((d) => d.itemId))
  for (const [id, e] of b) {
    if (!a.has(id) && !decided.has(id)) {
      entries.push({ itemId: id, itemName: nameOf(e) ?? id, layer: e.layer, decision: null, outcome: 'undecided', reasons: [{ code: 'itemAdded', message: '新增项目，尚未评查' }] })
    }
  }

  let draft = buildDraft(review, newer, entries)
  // A last guard with the engine's own checks: whatever the comparison missed must not slip into the draft.
  const errors = checkReview(compileRubric(newer), draft)
  if (errors.length > 0) {
    const carried = entries.filter((e) => e.outcome === 'carried')
    for (const error of errors) {
      const m = /^\$\.decisions\[(\d+)\]/.exec(error.path)
      const entry = m ? carried[Number(m[1])] : undefined
      if (entry) {
        entry.outcome = 'reReview'
        entry.reasons.push({ code: 'invalidUnderNew', message: error.message })
      }
    }
    draft = buildDraft(review, newer, entries)
  }

  const order = new Map([...b.keys()].map((id, i) => [id, i]))
  entries.sort((x, y) => (order.get(x.itemId) ?? Infinity) - (order.get(y.itemId) ?? Infinity))
  const counts = { carried: 0, reReview: 0, undecided: 0 }
  for (const e of entries) counts[e.outcome]++
  return {
    reviewId: review.id,
    from: { rubricId: older.id, version: older.version },
    to: { rubricId: newer.id, version: newer.version },
    entries,
    counts,
    notices: rubricNotices(older, newer),
    draft,
  }
}

function buildDraft(review: Review, newer: Rubric, entries: DecisionMigration[]): Review {
  const keep = entries.filter((e) => e.outcome === 'carried' && e.decision).map((e) => JSON.parse(JSON.stringify(e.decision)) as Decision)
  return { ...review, rubricId: newer.id, rubricVersion: newer.version, decisions: keep }
}

function compare(was: Entry, now: Entry, d: Decision, older: Rubric, newer: Rubric): MigrationReason[] {
  if (was.layer === 'basic' && now.layer === 'basic') {
    const fields = changedFields(was.node, now.node, [['text', '否决情形']])
    const ea = was.node.effect ?? older.policies.vetoEffect
    const eb = now.node.effect ?? newer.policies.vetoEffect
    if (ea !== eb) fields.push({ field: 'effect', label: '否决效果', from: ea, to: eb })
    return fields.length > 0 ? [{ code: 'basicItemChanged', message: `否决情形已修改：${describeFields(fields)}`, fields }] : []
  }
  if (was.layer === 'bonus' && now.layer === 'bonus') {
    const fields = changedFields(was.node, now.node, judgedBonusFields)
    return fields.length > 0 ? [{ code: 'bonusItemChanged', message: `加分项已修改：${describeFields(fields)}`, fields }] : []
  }
  if (was.layer !== 'scored' || now.layer !== 'scored') return []
  const A = was.node
  const B = now.node
  const out: MigrationReason[] = []
  if (A.points !== B.points) out.push({ code: 'pointsChanged', message: `分值由${describeValue('points', A.points)}分改为${describeValue('points', B.points)}分`, fields: [{ field: 'points', label: '分值', from: A.points, to: B.points }] })
  if (A.maxDeduction !== B.maxDeduction) {
    out.push({ code: 'maxDeductionChanged', message: `本项最多扣分由${describeValue('maxDeduction', A.maxDeduction)}改为${describeValue('maxDeduction', B.maxDeduction)}`, fields: [{ field: 'maxDeduction', label: '本项最多扣分', from: A.maxDeduction, to: B.maxDeduction }] })
  }
  switch (d.kind) {
    case 'na':
      if (!B.naAllowed) out.push({ code: 'naNoLongerAllowed', message: '新版本不再允许该项目标记为不适用' })
      return out
    case 'veto': {
      const vetoId = d.vetoId ?? (A.vetoes?.length === 1 ? A.vetoes[0]!.id : undefined)
      const va = A.vetoes?.find((v) => v.id === vetoId)
      const vb = B.vetoes?.find((v) => v.id === vetoId)
      if (vetoId && va && !vb) out.push({ code: 'vetoRemoved', ruleId: vetoId, message: `所认定的否决情形「${vetoId}」已删除` })
      else if (va && vb) out.push(...vetoChange(va, vb, older, newer))
      return out
    }
    case 'conforming':
    case 'deducted': {
      const cited = new Set(d.kind === 'deducted' ? d.deductions.map((x) => x.ruleId) : [])
      out.push(...ruleChanges(A.rules ?? [], B.rules ?? [], cited))
      const vetoesA = new Map((A.vetoes ?? []).map((v) => [v.id, v]))
      for (const vb of B.vetoes ?? []) {
        const va = vetoesA.get(vb.id)
        if (!va) out.push({ code: 'vetoAdded', ruleId: vb.id, message: `新增否决情形「${vb.id} ${vb.text}」，原评查未据此审查` })
        else out.push(...vetoChange(va, vb, older, newer))
      }
      return out
    }
    case 'bonus':
      return out
  }
}

function ruleChanges(a: readonly DeductionRule[], b: readonly DeductionRule[], cited: Set<string>): MigrationReason[] {
  const out: MigrationReason[] = []
  const before = new Map(a.map((r) => [r.id, r]))
  const after = new Set(b.map((r) => r.id))
  for (const r of a) if (!after.has(r.id) && cited.has(r.id)) out.push({ code: 'ruleRemoved', ruleId: r.id, message: `所适用的扣分规则「${r.id}」已删除` })
  for (const r of b) {
    const old = before.get(r.id)
    if (!old) {
      out.push({ code: 'ruleAdded', ruleId: r.id, message: `新增扣分规则「${r.id} ${r.text}」，原评查未据此审查` })
      continue
    }
    const fields = changedFields(old, r, judgedRuleFields)
    if (fields.length > 0) out.push({ code: 'ruleChanged', ruleId: r.id, fields, message: `扣分规则「${r.id}」已修改：${describeFields(fields)}` })
  }
  return out
}

function vetoChange(va: VetoRule, vb: VetoRule, older: Rubric, newer: Rubric): MigrationReason[] {
  const fields = changedFields(va, vb, [['text', '否决情形']])
  const ea = va.effect ?? older.policies.vetoEffect
  const eb = vb.effect ?? newer.policies.vetoEffect
  if (ea !== eb) fields.push({ field: 'effect', label: '否决效果', from: ea, to: eb })
  return fields.length > 0 ? [{ code: 'vetoChanged', ruleId: vb.id, fields, message: `否决情形「${vb.id}」已修改：${describeFields(fields)}` }] : []
}

export function describeFields(fields: readonly FieldChange[]): string {
  return fields.map((f) => `${f.label}「${describeValue(f.field, f.from)}」→「${describeValue(f.field, f.to)}」`).join('；')
}

function rubricNotices(older: Rubric, newer: Rubric): string[] {
  const diff = diffRubrics(older, newer)
  const out: string[] = []
  const scoring = new Set(['total', 'bonus.cap', 'bonus.mayExceedTotal'])
  for (const c of diff.changes) {
    if (c.target === 'rubric') {
      const fields = c.fields.filter((f) => scoring.has(f.field))
      if (fields.length > 0) out.push(`${describeFields(fields)}：所有案卷的得分按新版本计算`)
    } else if (c.target === 'policy') out.push(`计分规则已修改（${describeFields(c.fields)}）：所有案卷的得分按新版本计算`)
  }
  if (diff.changes.some((c) => c.target === 'band')) out.push('等次划分已修改：案卷等次按新版本的分档确定')
  return out
}

function indexEntries(r: Rubric): Map<string, Entry> {
  const m = new Map<string, Entry>()
  for (const node of r.basic?.items ?? []) m.set(node.id, { layer: 'basic', node })
  for (const s of r.sections) for (const node of s.items) m.set(node.id, { layer: 'scored', node })
  for (const node of r.bonus?.items ?? []) m.set(node.id, { layer: 'bonus', node })
  return m
}

function nameOf(e: Entry | undefined): string | undefined {
  if (!e) return undefined
  return e.layer === 'basic' ? e.node.text : e.node.name
}
