import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SamplingCandidate, SamplingPlan } from '@scoring/index'
import { checkSamplingPlan, describeSample, drawCount, drawSample, newSeed, normaliseSeed } from '@scoring/index'
import { cyrb128, randomBelow, seededUint32, xoshiro128ss } from '../../../scoring/workflow/random'

const SEED = 'K7M2Q9X4B8TD'
// Agency A has 4 files, B 7, C 10.
const candidates: SamplingCandidate[] = ['A', 'B', 'C'].flatMap((ag, i) =>
  Array.from({ length: 4 + i * 3 }, (_, k) => ({ id: `${ag}-${String(k + 1).padStart(2, '0')}`, agencyId: `agency-${ag}` })),
)

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs]
  const next = xoshiro128ss([seed, 7, 11, 13])
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(next, i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('the generator', () => {
  it('is xoshiro128** (reference output for state 1, 2, 3, 4)', () => {
    const next = xoshiro128ss([1, 2, 3, 4])
    expect([next(), next(), next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492])
  })

  it('is pinned: a recorded seed must give the same numbers forever', () => {
    expect(cyrb128(SEED)).toEqual([445993254, 3565896652, 1977831376, 3270311244])
    const next = seededUint32(SEED)
    expect([next(), next(), next(), next()]).toEqual([1031106219, 3299974141, 1469796653, 329342181])
  })

  it('randomBelow stays in range and rejects the biased tail', () => {
    // 2^32 − 1 is in the tail for n = 3 (2^32 mod 3 = 1), so it must be skipped, not folded into 0.
    const values = [0xffffffff, 5]
    expect(randomBelow(() => values.shift() as number, 3)).toBe(2)
    expect(() => randomBelow(() => 0, 0)).toThrow(RangeError)
  })
})

describe('drawSample', () => {
  it('is pinned for a known list and seed', () => {
    expect(drawSample(candidates, { mode: 'count', amount: 3, seed: SEED })).toEqual({
      seed: SEED,
      plan: { mode: 'count', amount: 3, seed: SEED },
      selected: ['A-02', 'A-01', 'A-04', 'B-07', 'B-05', 'B-02', 'C-05', 'C-09', 'C-04'],
      perAgency: { 'agency-A': { available: 4, drawn: 3 }, 'agency-B': { available: 7, drawn: 3 }, 'agency-C': { available: 10, drawn: 3 } },
    })
  })

  it('gives the same draw for the same seed whatever the order of the list', () => {
    const plan: SamplingPlan = { mode: 'percent', amount: 40, seed: SEED }
    const first = drawSample(candidates, plan)
    for (let s = 1; s <= 20; s++) expect(drawSample(shuffled(candidates, s), plan)).toEqual(first)
  })

  it('gives different draws for different seeds', () => {
    const draws = new Set<string>()
    for (let s = 0; s < 20; s++) draws.add(drawSample(candidates, { mode: 'count', amount: 3, seed: `seed-${s}` }).selected.join(','))
    expect(draws.size).toBeGreaterThan(15)
  })

  it("does not change one agency's draw when another agency's files change", () => {
    const plan: SamplingPlan = { mode: 'count', amount: 2, seed: SEED }
    const before = drawSample(candidates, plan).selected.filter((id) => id.startsWith('A-'))
    const more = [...candidates, { id: 'B-99', agencyId: 'agency-B' }, { id: 'D-01', agencyId: 'agency-D' }]
    expect(drawSample(more, plan).selected.filter((id) => id.startsWith('A-'))).toEqual(before)
  })

  it.each([
    { amount: 30, available: 10, drawn: 3 },
    { amount: 30, available: 4, drawn: 2 }, // 1.2 → 2
    { amount: 30, available: 7, drawn: 3 }, // 2.1 → 3
    { amount: 10, available: 3, drawn: 1 }, // 0.3 → 1
    { amount: 1, available: 1, drawn: 1 },
    { amount: 0, available: 5, drawn: 1 }, // at least one from an agency that has files
    { amount: 100, available: 5, drawn: 5 },
    { amount: 33.33, available: 3, drawn: 1 }, // 0.9999 → 1, no float noise pushing it to 2
    { amount: 20, available: 0, drawn: 0 },
  ])('percent $amount% of $available → $drawn', ({ amount, available, drawn }) => {
    expect(drawCount({ mode: 'percent', amount, seed: SEED }, available)).toBe(drawn)
  })

  it.each([
    { amount: 3, available: 10, drawn: 3 },
    { amount: 3, available: 2, drawn: 2 },
    { amount: 0, available: 2, drawn: 0 },
  ])('count $amount of $available → $drawn', ({ amount, available, drawn }) => {
    expect(drawCount({ mode: 'count', amount, seed: SEED }, available)).toBe(drawn)
  })

  it('draws everything when the count exceeds what an agency has', () => {
    const r = drawSample(candidates, { mode: 'count', amount: 50, seed: SEED })
    expect([...r.selected].sort()).toEqual(candidates.map((c) => c.id).sort())
  })

  it.each([
    [{ mode: 'count', amount: 2.5, seed: SEED }, '整数'],
    [{ mode: 'count', amount: -1, seed: SEED }, '负数'],
    [{ mode: 'percent', amount: 101, seed: SEED }, '100%'],
    [{ mode: 'count', amount: 1, seed: '  ' }, '种子'],
  ] as [SamplingPlan, string][])('refuses an invalid plan %j', (plan, fragment) => {
    expect(checkSamplingPlan(plan)).toContain(fragment)
    expect(() => drawSample(candidates, plan)).toThrow(RangeError)
  })

  it('refuses duplicate candidate ids', () => {
    expect(() => drawSample([...candidates, { id: 'A-01', agencyId: 'agency-B' }], { mode: 'count', amount: 1, seed: SEED })).toThrow(/重复/)
  })

  it('property: drawn ⊆ candidates, no duplicates, per-agency counts follow the plan', () => {
    const candidateList = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), agencyId: fc.constantFrom('a1', 'a2', 'a3', 'a4') }), { selector: (c) => c.id, maxLength: 60 })
    const plan = fc.oneof(
      fc.record({ mode: fc.constant('count' as const), amount: fc.integer({ min: 0, max: 20 }), seed: fc.string({ minLength: 1 }) }),
      fc.record({ mode: fc.constant('percent' as const), amount: fc.integer({ min: 0, max: 10000 }).map((x) => x / 100), seed: fc.string({ minLength: 1 }) }),
    )
    fc.assert(
      fc.property(candidateList, plan, (list, p) => {
        fc.pre(p.seed.trim() !== '')
        const r = drawSample(list, p)
        const ids = new Set(list.map((c) => c.id))
        expect(new Set(r.selected).size).toBe(r.selected.length)
        for (const id of r.selected) expect(ids.has(id)).toBe(true)
        const agencyOf = new Map(list.map((c) => [c.id, c.agencyId]))
        for (const agency of new Set(list.map((c) => c.agencyId))) {
          const available = list.filter((c) => c.agencyId === agency).length
          const drawn = r.selected.filter((id) => agencyOf.get(id) === agency).length
          const want = p.mode === 'count' ? Math.min(p.amount, available) : Math.min(available, Math.max(1, Math.ceil((available * Math.round(p.amount * 100)) / 10000)))
          expect(r.perAgency[agency]).toEqual({ available, drawn: want })
          expect(drawn).toBe(want)
        }
        expect(drawSample([...list].reverse(), p)).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })
})

describe('seeds', () => {
  it('newSeed makes 12 Crockford base32 characters from two 32-bit numbers', () => {
    const words = [0, 0xffffffff]
    const seed = newSeed(() => words.shift() as number)
    expect(seed).toBe('000000ZZZZZZ')
    let n = 12345
    const s2 = newSeed(() => (n = (Math.imul(n, 1103515245) + 12345) >>> 0))
    expect(s2).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
  })

  it('newSeed refuses a source that is not uint32', () => {
    expect(() => newSeed(() => 0.5)).toThrow(RangeError)
    expect(() => newSeed(() => 2 ** 32)).toThrow(RangeError)
  })

  it('normaliseSeed reads a hand-copied seed back', () => {
    expect(normaliseSeed(' k7m2q9x4b8td ')).toBe(SEED)
    expect(normaliseSeed('o1il')).toBe('0111')
  })
})

describe('describeSample', () => {
  it('records the plan, the seed and the counts in Chinese', () => {
    const r = drawSample(candidates, { mode: 'percent', amount: 30, seed: SEED })
    const lines = describeSample(r, { 'agency-A': '市场监管局', 'agency-B': '生态环境局' })
    expect(lines[0]).toBe('抽样方式：每个单位按 30% 随机抽取（向上取整，有案卷的单位至少抽取 1 件）')
    expect(lines).toContain(`随机种子：${SEED}`)
    expect(lines).toContain('共 3 个单位、21 件候选案卷，抽中 8 件')
    expect(lines).toContain('  市场监管局：候选 4 件，抽中 2 件')
    expect(lines).toContain('  agency-C：候选 10 件，抽中 3 件')
    expect(lines.join('\n')).toContain('xoshiro128**')
  })
})
