import { z } from 'zod'
import { RANDOM_ALGORITHM, randomBelow, seededUint32 } from './random'

/**
 * Random sampling of case files (抽取案卷) from the list each agency submitted (案卷目录). The draw is public and
 * checkable: anyone with the same list and the recorded seed gets the same files, so the seed is shown on the record.
 */
export interface SamplingPlan {
  mode: 'count' | 'percent'
  /** Files per agency (count mode, a whole number), or a percentage 0–100 of each agency's files (percent mode). */
  amount: number
  seed: string
}

export interface SamplingCandidate {
  id: string
  agencyId: string
}

export interface SamplingResult {
  seed: string
  plan: SamplingPlan
  /** Candidate ids, in draw order: agencies by id, then the order the shuffle drew them. */
  selected: string[]
  perAgency: Record<string, { available: number; drawn: number }>
}

export const samplingPlanSchema = z
  .object({
    mode: z.enum(['count', 'percent'], { error: '抽样方式须为 count（按件数）或 percent（按比例）' }),
    amount: z.number({ error: '抽取数量须为数字' }).min(0, { error: '抽取数量不能为负数' }),
    seed: z.string({ error: '随机种子须为文字' }).trim().min(1, { error: '随机种子不能为空' }),
  })
  .superRefine((plan, ctx) => {
    if (plan.mode === 'count' && !Number.isInteger(plan.amount)) ctx.addIssue({ code: 'custom', path: ['amount'], message: '按件数抽取时，件数须为整数' })
    if (plan.mode === 'percent' && plan.amount > 100) ctx.addIssue({ code: 'custom', path: ['amount'], message: '抽取比例不能超过 100%' })
  })

/** A Chinese message for the first thing wrong with a plan, or null when it can be drawn. */
export function checkSamplingPlan(plan: SamplingPlan): string | null {
  const r = samplingPlanSchema.safeParse(plan)
  return r.success ? null : (r.error.issues[0]?.message ?? '抽样方案无效')
}

/** How many of `available` files the plan takes from one agency. */
export function drawCount(plan: SamplingPlan, available: number): number {
  if (available === 0) return 0
  if (plan.mode === 'count') return Math.min(plan.amount, available)
  // Percent is taken to hundredths of a percent and the ceiling done in integers, so 30% of 10 is 3, never 4 by float noise.
  const basisPoints = Math.round(plan.amount * 100)
  const ceil = Math.floor((available * basisPoints + 9999) / 10000)
  return Math.min(available, Math.max(1, ceil))
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Draws the sample: candidates sorted by id (so the order of the submitted list does not matter), grouped by agency,
 * agencies in id order, and a partial Fisher–Yates shuffle per agency. Each agency has its own stream, seeded with
 * `seed + "\u0000" + agencyId`, so adding or removing another agency's files never changes this agency's draw.
 * Throws RangeError for an invalid plan or duplicate candidate ids: both are caller errors, not data to report.
 */
export function drawSample(candidates: SamplingCandidate[], plan: SamplingPlan): SamplingResult {
  const problem = checkSamplingPlan(plan)
  if (problem) throw new RangeError(problem)
  const byAgency = new Map<string, string[]>()
  const seen = new Set<string>()
  for (const c of [...candidates].sort((x, y) => byCodeUnits(x.id, y.id))) {
    if (seen.has(c.id)) throw new RangeError(`候选案卷 ${c.id} 重复出现`)
    seen.add(c.id)
    const list = byAgency.get(c.agencyId)
    if (list) list.push(c.id)
    else byAgency.set(c.agencyId, [c.id])
  }
  const selected: string[] = []
  const perAgency: Record<string, { available: number; drawn: number }> = {}
  for (const agencyId of [...byAgency.keys()].sort(byCodeUnits)) {
    const pool = byAgency.get(agencyId) ?? []
    const k = drawCount(plan, pool.length)
    const next = seededUint32(`${plan.seed}\u0000${agencyId}`)
    for (let i = 0; i < k; i++) {
      const j = i + randomBelow(next, pool.length - i)
      const picked = pool[j] as string
      pool[j] = pool[i] as string
      pool[i] = picked
      selected.push(picked)
    }
    perAgency[agencyId] = { available: pool.length, drawn: k }
  }
  return { seed: plan.seed, plan: { ...plan }, selected, perAgency }
}

/** Crockford base32: no I, L, O or U, so a seed read aloud or copied by hand from a printed record survives. */
const SEED_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A fresh 12-character seed (60 random bits) from a source of uniform 32-bit integers, e.g. crypto.getRandomValues. */
export function newSeed(randomUint32: () => number): string {
  let out = ''
  for (let word = 0; word < 2; word++) {
    const r = randomUint32()
    if (!Number.isInteger(r) || r < 0 || r >= 2 ** 32) throw new RangeError(`newSeed: expected an unsigned 32-bit integer, got ${r}`)
    for (let i = 0; i < 6; i++) out += SEED_ALPHABET[(r >>> (5 * i)) & 31]
  }
  return out
}

/** A seed as typed back in by a person: trimmed, upper-cased, and O/I/L read as the digits Crockford base32 means. */
export function normaliseSeed(text: string): string {
  return text.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')
}

/** The draw as lines for the sampling record (抽样记录) shown to users and printed with the review. */
export function describeSample(result: SamplingResult, agencyNames: Record<string, string> = {}): string[] {
  const { plan } = result
  const agencies = Object.keys(result.perAgency).sort(byCodeUnits)
  const available = agencies.reduce((s, a) => s + (result.perAgency[a]?.available ?? 0), 0)
  const lines = [
    plan.mode === 'count'
      ? `抽样方式：每个单位随机抽取 ${plan.amount} 件（不足 ${plan.amount} 件的全部抽取）`
      : `抽样方式：每个单位按 ${plan.amount}% 随机抽取（向上取整，有案卷的单位至少抽取 1 件）`,
    `随机种子：${result.seed}`,
    `共 ${agencies.length} 个单位、${available} 件候选案卷，抽中 ${result.selected.length} 件`,
  ]
  for (const a of agencies) {
    const p = result.perAgency[a] ?? { available: 0, drawn: 0 }
    lines.push(`  ${agencyNames[a] ?? a}：候选 ${p.available} 件，抽中 ${p.drawn} 件`)
  }
  lines.push(
    `抽取方法：候选案卷按编号排序后按单位分组，各单位以「种子 + 单位编号」为种子的 ${RANDOM_ALGORITHM} 随机数做 Fisher–Yates 洗牌抽取。`,
    '以同一份案卷目录和同一随机种子重新抽取，结果完全相同，可供核验。',
  )
  return lines
}
