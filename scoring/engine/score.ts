import type { Cents } from '../decimal/points'
import { centsToNumber as n, formatCents as f, mulDivRound, toCents } from '../decimal/points'
import { bandFor, lowestBand } from '../grade/bands'
import type { Decision, Review } from '../review/types'
import { validateReview } from '../review/validate'
import type { CompiledItem, CompiledRubric, CompiledSection } from '../rubric/compile'
import { compileRubric } from '../rubric/compile'
import type { Rubric, VetoEffect } from '../rubric/types'
import { allocateCap } from './allocate'
import { computeDeduction } from './deduction'
import type { AppliedDeduction, ItemScore, ScoreOutcome, ScoreResult, SectionScore, TraceLine, VetoHit } from './result'
import { itemCapText, line, naPolicyText, sectionCapText, vetoEffectText } from './trace'

/**
 * Scores a review against its rubric. The rubric must have passed validateRubric; the review is
 * untrusted and is checked first: a review that does not fit its rubric yields errors, never a number.
 *
 * Undecided items make the result provisional: they count as full points (no deduction, no veto,
 * no bonus) and `complete` is false, so a total shown while reviewing only ever goes down as work continues
 * (bonus aside).
 */
export function scoreReview(rubric: Rubric, review: unknown): ScoreOutcome {
  const checked = validateReview(rubric, review)
  if (!checked.ok) return { errors: checked.errors }
  return scoreValidReview(compileRubric(rubric), checked.review)
}

const effectStrength: Record<VetoEffect, number> = { lowestBand: 1, zero: 2, stop: 3 }

/** Scoring proper, for reviews that have already passed validateReview against the same rubric. */
export function scoreValidReview(c: CompiledRubric, review: Review): ScoreResult {
  const rubric = c.rubric
  const decisions = new Map<string, Decision>()
  for (const d of review.decisions) decisions.set(d.itemId, d)
  const items: ItemScore[] = []
  const trace: TraceLine[] = []
  const undecided: string[] = []
  const vetoes: VetoHit[] = []
  const category = (id: string): { id: string; name: string } => ({ id, name: c.categories.get(id)?.name ?? id })

  for (const b of c.basic) {
    const d = decisions.get(b.id)
    const s: ItemScore = { itemId: b.id, name: b.text, layer: 'basic', sectionId: null, max: null, awarded: null, deducted: 0, bonus: 0, status: 'conforming', deductions: [], trace: [] }
    if (!d) {
      s.status = 'unscored'
      undecided.push(b.id)
    } else if (d.kind === 'veto') {
      const hit: VetoHit = { itemId: b.id, vetoId: b.id, text: b.text, category: category(b.category), effect: b.effect ?? c.defaultVetoEffect, reason: d.reason, evidence: d.evidence ?? [] }
      s.status = 'veto'
      s.veto = hit
      vetoes.push(hit)
      const l = line(b.id, 'veto', `${b.id} ${b.text}：否决项命中（${d.reason}），${vetoEffectText[hit.effect]}`)
      s.trace.push(l.text)
      trace.push(l)
    }
    items.push(s)
  }

  const naPolicy = rubric.policies.na
  const sections: SectionScore[] = []
  let naPoints: Cents = 0
  let deductedTotal: Cents = 0
  for (const cs of c.sections) {
    const scored = cs.items.map((ci) => scoreItem(ci, cs, decisions.get(ci.item.id), naPolicy === 'fullPoints', category, c.defaultVetoEffect))
    let secNa: Cents = 0
    let secRaw: Cents = 0
    for (const r of scored) {
      secNa += r.na
      secRaw += r.deducted
      if (r.veto) vetoes.push(r.veto)
      if (r.score.status === 'unscored') undecided.push(r.score.itemId)
    }
    let secDeducted = secRaw
    const sectionLines: TraceLine[] = []
    if (cs.points !== null && secRaw > cs.points - secNa) {
      // Only reachable in global-floor rubrics, where items may lack points of their own.
      const cap = cs.points - secNa
      const perItem = allocateCap(scored.map((r) => r.deducted), cap)
      scored.forEach((r, k) => {
        r.deducted = perItem[k]!
        const perDeduction = allocateCap(r.score.deductions.map((d) => toCents(d.applied)), r.deducted)
        r.score.deductions.forEach((d, j) => (d.applied = n(perDeduction[j]!)))
      })
      secDeducted = cap
      sectionLines.push(line(cs.section.id, 'cap', sectionCapText(cs.section.id, cs.section.name, secRaw, cap), secRaw - cap))
    }
    for (const r of scored) {
      r.score.deducted = n(r.deducted)
      if (r.points !== null && r.score.awarded !== null) r.score.awarded = n(r.points - r.deducted)
      items.push(r.score)
      trace.push(...r.lines)
    }
    trace.push(...sectionLines)
    naPoints += secNa
    deductedTotal += secDeducted
    const maxApplicable = cs.points === null ? null : cs.points - secNa
    const awarded = maxApplicable === null ? null : maxApplicable - secDeducted + (naPolicy === 'fullPoints' ? secNa : 0)
    sections.push({ sectionId: cs.section.id, name: cs.section.name, max: cs.points === null ? null : n(cs.points), maxApplicable: maxApplicable === null ? null : n(maxApplicable), awarded: awarded === null ? null : n(awarded), deducted: n(secDeducted) })
    if (cs.points !== null) trace.push(line(cs.section.id, 'section', `${cs.section.id} ${cs.section.name}：满分${f(cs.points)}分${secNa > 0 ? `（不适用${f(secNa)}分）` : ''}，扣${f(secDeducted)}分，得${f(awarded ?? 0)}分`))
  }

  const T = c.total
  const applicable = T - naPoints
  let earned = applicable - deductedTotal
  if (earned < 0) {
    trace.push(line(null, 'total', `扣分合计${f(deductedTotal)}分超过可得分${f(applicable)}分，按0分计（不计负分）`, -earned))
    earned = 0
  }
  let base: Cents
  let maxEffective: Cents
  if (naPolicy === 'fullPoints') {
    base = earned + naPoints
    maxEffective = T
    if (naPoints > 0) trace.push(line(null, 'na', `不适用项合计${f(naPoints)}分，${naPolicyText.fullPoints}`))
  } else if (naPolicy === 'exclude') {
    base = earned
    maxEffective = applicable
    if (naPoints > 0) trace.push(line(null, 'na', `不适用项合计${f(naPoints)}分，${naPolicyText.exclude}：满分按${f(applicable)}分计`))
  } else {
    maxEffective = T
    base = applicable === 0 ? T : mulDivRound(earned, T, applicable)
    if (naPoints > 0) {
      const text = applicable === 0 ? `全部项目不适用，按满分${f(T)}分计` : `不适用项合计${f(naPoints)}分，${naPolicyText.rescale}：${f(earned)} ÷ ${f(applicable)} × ${f(T)} = ${f(base)}分（四舍五入到0.01分）`
      trace.push(line(null, 'na', text, base - earned))
    }
  }

  let bonusRaw: Cents = 0
  for (const b of c.bonusItems) {
    const d = decisions.get(b.id)
    const amount = d?.kind === 'bonus' ? toCents(d.amount) : 0
    const s: ItemScore = { itemId: b.id, name: b.name, layer: 'bonus', sectionId: null, max: n(toCents(b.max)), awarded: null, deducted: 0, bonus: n(amount), status: d ? 'conforming' : 'unscored', deductions: [], trace: [] }
    if (d?.kind === 'bonus' && amount > 0) {
      const l = line(b.id, 'bonus', `${b.id} ${b.name}：加${f(amount)}分（${d.reason}）`, amount)
      s.trace.push(l.text)
      trace.push(l)
    }
    bonusRaw += amount
    items.push(s)
  }
  let bonus = bonusRaw
  if (bonusRaw > c.bonusCap) {
    bonus = c.bonusCap
    trace.push(line(null, 'bonus', `加分合计${f(bonusRaw)}分，超过加分上限${f(c.bonusCap)}分，按${f(c.bonusCap)}分计`, c.bonusCap - bonusRaw))
  }
  let total = base + bonus
  if (bonus > 0) {
    if (!rubric.bonus?.mayExceedTotal && total > maxEffective) {
      trace.push(line(null, 'bonus', `基础得分${f(base)}分加分${f(bonus)}分，总分不得超过满分${f(maxEffective)}分，按${f(maxEffective)}分计`, maxEffective - total))
      total = maxEffective
    }
  }

  let effect: VetoEffect | null = null
  for (const v of vetoes) if (effect === null || effectStrength[v.effect] > effectStrength[effect]) effect = v.effect
  const stopped = effect === 'stop'
  if (effect === 'zero' || effect === 'stop') {
    trace.push(line(null, 'veto', `否决项命中（${vetoes.map((v) => v.vetoId).join('、')}），${vetoEffectText[effect]}，总分${f(total)}分改计0分`, -total))
    total = 0
  }
  const totalPrefix = bonus > 0 ? `基础得分${f(base)}分 + 加分${f(bonus)}分 = ` : ''
  trace.push(line(null, 'total', `总分：${totalPrefix}${f(total)}分（满分${f(maxEffective)}分）`))

  let gradeScore = total
  if (naPolicy === 'exclude' && maxEffective !== T) gradeScore = maxEffective === 0 ? T : mulDivRound(total, T, maxEffective)
  const band = vetoes.length > 0 ? lowestBand(rubric.bands) : bandFor(rubric.bands, gradeScore)
  const gradeWhy = vetoes.length > 0 ? `否决项命中，等次定为最低档「${band.name}」` : `等次：${band.name}（${f(toCents(band.min))}分及以上）${gradeScore !== total ? `，按${f(T)}分制折算为${f(gradeScore)}分定档` : ''}`
  trace.push(line(null, 'grade', gradeWhy))
  const complete = undecided.length === 0 || stopped
  if (!complete) trace.push(line(null, 'unscored', `尚有${undecided.length}项未作结论（${undecided.join('、')}），暂按满分计，以上为暂定分`))

  return {
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    reviewId: review.id,
    items,
    sections,
    declaredTotal: n(T),
    base: n(base),
    bonus: n(bonus),
    total: n(total),
    totalText: f(total),
    maxEffective: n(maxEffective),
    gradeScore: n(gradeScore),
    grade: { id: band.id, name: band.name },
    veto: { hit: vetoes.length > 0, effect, items: vetoes },
    scoringStopped: stopped,
    complete,
    undecided,
    trace,
  }
}

interface ItemOutcome {
  score: ItemScore
  points: Cents | null
  deducted: Cents
  na: Cents
  veto?: VetoHit
  lines: TraceLine[]
}

function scoreItem(
  ci: CompiledItem,
  cs: CompiledSection,
  d: Decision | undefined,
  naFullPoints: boolean,
  category: (id: string) => { id: string; name: string },
  defaultEffect: VetoEffect,
): ItemOutcome {
  const it = ci.item
  const points = ci.points
  const score: ItemScore = {
    itemId: it.id,
    name: it.name,
    layer: 'scored',
    sectionId: cs.section.id,
    max: points === null ? null : n(points),
    awarded: points === null ? null : n(points),
    deducted: 0,
    bonus: 0,
    status: 'conforming',
    deductions: [],
    trace: [],
  }
  const out: ItemOutcome = { score, points, deducted: 0, na: 0, lines: [] }
  const push = (l: TraceLine): void => {
    out.lines.push(l)
    score.trace.push(l.text)
  }
  if (!d) {
    score.status = 'unscored'
    return out
  }
  switch (d.kind) {
    case 'conforming':
    case 'bonus':
      return out
    case 'na':
      score.status = 'na'
      score.naReason = d.reason
      out.na = points ?? 0
      if (!naFullPoints) score.awarded = null
      push(line(it.id, 'na', `${it.id} ${it.name}：不适用（${d.reason}）`))
      return out
    case 'veto': {
      const vetoId = d.vetoId ?? ci.vetoes.keys().next().value!
      const rule = ci.vetoes.get(vetoId)!
      const effect = rule.effect ?? defaultEffect
      out.veto = { itemId: it.id, vetoId, text: rule.text, category: category(rule.category), effect, reason: d.reason, evidence: d.evidence ?? [] }
      score.veto = out.veto
      score.status = 'veto'
      // The defect that triggers the veto also costs the item its own points, which matters when the score is kept.
      out.deducted = points ?? 0
      push(line(it.id, 'veto', `${it.id} ${rule.text}：否决项命中（${d.reason}），${vetoEffectText[effect]}${points ? `；本项${f(points)}分不得分` : ''}`, points ? -points : undefined))
      return out
    }
    case 'deducted': {
      score.status = 'deducted'
      const computed = d.deductions.map((e) => ({ e, rule: ci.rules.get(e.ruleId)!, c: computeDeduction(ci.rules.get(e.ruleId)!, e, points) }))
      const raw = computed.reduce((s, x) => s + x.c.requested, 0)
      const applied = allocateCap(computed.map((x) => x.c.requested), ci.cap)
      computed.forEach(({ e, rule, c }, k) => {
        const capNote = ci.cap !== null && !('maxDeduction' in rule && rule.maxDeduction !== undefined) ? `（本项上限${f(ci.cap)}分）` : ''
        push(line(it.id, 'deduction', `${it.id} ${c.text}${capNote}`, -c.requested))
        const ad: AppliedDeduction = {
          itemId: it.id,
          ruleId: rule.id,
          ruleText: rule.text,
          kind: rule.kind,
          category: category(rule.category),
          count: c.count,
          requested: n(c.requested),
          applied: n(applied[k]!),
          reason: e.reason,
          evidence: e.evidence ?? [],
        }
        if (e.elements) ad.elements = e.elements
        score.deductions.push(ad)
      })
      out.deducted = ci.cap === null ? raw : Math.min(raw, ci.cap)
      if (raw > out.deducted) push(line(it.id, 'cap', itemCapText(it.id, raw, out.deducted, ci.cap === points), raw - out.deducted))
      return out
    }
  }
}
