import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AuditEntry, AuditProblemKind, HashFn } from '@scoring/index'
import { canonicalJson, entryHashInput, GENESIS_HASH, sealEntry, verifyChain } from '@scoring/index'

const sha256: HashFn = async (text) => createHash('sha256').update(text, 'utf8').digest('hex')

type Draft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>
const draft = (chainId: string, n: number): Draft => ({
  id: `${chainId}-e${n}`,
  chainId,
  at: `2025-03-04T10:${String(n).padStart(2, '0')}:00+08:00`,
  actor: chainId === 'laptop-a' ? 'lead:王建国' : 'reviewer:刘敏',
  action: n % 2 ? 'decision.set' : 'review.transition',
  subject: { kind: 'review', id: `review-${n % 3}` },
  before: n === 1 ? null : { itemId: `S${n}`, status: 'undecided' },
  after: { itemId: `S${n}`, status: 'deducted', points: n / 2, reason: `第 ${n} 页缺签名` },
})

async function chain(chainId: string, length: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = []
  let prev: AuditEntry | null = null
  for (let n = 1; n <= length; n++) {
    prev = await sealEntry(prev, draft(chainId, n), sha256)
    out.push(prev)
  }
  return out
}

const kinds = (r: Awaited<ReturnType<typeof verifyChain>>): AuditProblemKind[] => (r.ok ? [] : r.problems.map((p) => p.kind))
const clone = (xs: AuditEntry[]): AuditEntry[] => structuredClone(xs)

describe('sealEntry', () => {
  it('numbers from 1, links to GENESIS, and hashes everything but the hash', async () => {
    const [first, second] = await chain('laptop-a', 2)
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH })
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash })
    expect(GENESIS_HASH).toMatch(/^0{64}$/)
    const { hash, ...rest } = first!
    expect(hash).toBe(await sha256(canonicalJson(rest)))
    expect(entryHashInput(first!)).toBe(canonicalJson(rest))
  })

  it('refuses to append to another chain', async () => {
    const [a] = await chain('laptop-a', 1)
    await expect(sealEntry(a!, draft('laptop-b', 2), sha256)).rejects.toThrow(/不能接在/)
  })

  it('ignores seq, prevHash or hash smuggled into the draft', async () => {
    const e = await sealEntry(null, { ...draft('laptop-a', 1), seq: 9, prevHash: 'x', hash: 'y' } as Draft, sha256)
    expect(e).toMatchObject({ seq: 1, prevHash: GENESIS_HASH })
    expect(e.hash).not.toBe('y')
  })
})

describe('verifyChain', () => {
  it('verifies an intact chain and reports its head', async () => {
    const log = await chain('laptop-a', 6)
    expect(await verifyChain(log, sha256)).toEqual({ ok: true, chains: [{ chainId: 'laptop-a', count: 6, head: log[5]!.hash }] })
  })

  it('verifies two interleaved chains, in any array order', async () => {
    const a = await chain('laptop-a', 5)
    const b = await chain('laptop-b', 4)
    const mixed = [b[3]!, a[0]!, b[0]!, a[4]!, a[2]!, b[2]!, a[1]!, b[1]!, a[3]!]
    expect(await verifyChain(mixed, sha256)).toEqual({
      ok: true,
      chains: [
        { chainId: 'laptop-a', count: 5, head: a[4]!.hash },
        { chainId: 'laptop-b', count: 4, head: b[3]!.hash },
      ],
    })
    expect(await verifyChain([], sha256)).toEqual({ ok: true, chains: [] })
  })

  it('survives a round trip through a JSON file (undefined fields dropped)', async () => {
    const e = await sealEntry(null, { ...draft('laptop-a', 1), before: undefined }, sha256)
    expect(await verifyChain(JSON.parse(JSON.stringify([e])) as AuditEntry[], sha256)).toMatchObject({ ok: true })
  })

  const fields = ['id', 'at', 'actor', 'action', 'subject', 'before', 'after'] as const
  it.each(fields.flatMap((field) => [1, 3, 6].map((seq) => ({ field, seq }))))('detects an edit of $field in entry $seq', async ({ field, seq }) => {
    const log = clone(await chain('laptop-a', 6))
    const e = log[seq - 1] as unknown as Record<string, unknown>
    e[field] = field === 'subject' ? { kind: 'review', id: 'other' } : field === 'after' ? { points: 0 } : `${String(e[field])}x`
    const r = await verifyChain(log, sha256)
    expect(r).toEqual({ ok: false, problems: [{ chainId: 'laptop-a', seq, kind: 'hash-mismatch', message: `第 ${seq} 条记录的内容被修改` }] })
  })

  it('detects an edit of a nested value', async () => {
    const log = clone(await chain('laptop-a', 4))
    ;(log[1]!.after as { points: number }).points = 0
    expect(kinds(await verifyChain(log, sha256))).toEqual(['hash-mismatch'])
  })

  it('detects an added field', async () => {
    const log = clone(await chain('laptop-a', 3))
    ;(log[2] as unknown as Record<string, unknown>).note = '补记'
    expect(kinds(await verifyChain(log, sha256))).toEqual(['hash-mismatch'])
  })

  it('detects an edit of seq, prevHash or hash', async () => {
    const seqEdit = clone(await chain('laptop-a', 4))
    seqEdit[1]!.seq = 7
    expect(kinds(await verifyChain(seqEdit, sha256))).toEqual(expect.arrayContaining(['missing-entry', 'hash-mismatch']))
    const prevEdit = clone(await chain('laptop-a', 4))
    prevEdit[2]!.prevHash = 'f'.repeat(64)
    expect(kinds(await verifyChain(prevEdit, sha256))).toEqual(['hash-mismatch', 'broken-link'])
    const hashEdit = clone(await chain('laptop-a', 4))
    hashEdit[1]!.hash = 'e'.repeat(64)
    expect(kinds(await verifyChain(hashEdit, sha256))).toEqual(['hash-mismatch', 'broken-link'])
  })

  it('detects a deleted entry, at the start or in the middle', async () => {
    const log = await chain('laptop-a', 6)
    const middle = await verifyChain([...log.slice(0, 2), ...log.slice(3)], sha256)
    expect(middle).toEqual({ ok: false, problems: [{ chainId: 'laptop-a', seq: 3, kind: 'missing-entry', message: '第 3 条记录缺失' }] })
    const two = await verifyChain([...log.slice(0, 2), ...log.slice(4)], sha256)
    expect(two.ok ? null : two.problems[0]?.message).toBe('第 3–4 条记录缺失')
    expect(kinds(await verifyChain(log.slice(1), sha256))).toEqual(['missing-entry'])
  })

  it('detects a truncated tail only against a recorded head', async () => {
    const log = await chain('laptop-a', 6)
    const head = { chainId: 'laptop-a', count: 6, head: log[5]!.hash }
    expect((await verifyChain(log.slice(0, 5), sha256)).ok).toBe(true)
    const r = await verifyChain(log.slice(0, 5), sha256, { expectedHeads: [head] })
    expect(r).toEqual({ ok: false, problems: [{ chainId: 'laptop-a', seq: 6, kind: 'missing-entry', message: '第 6 条记录缺失（应有 6 条，链尾被截去）' }] })
    expect(kinds(await verifyChain([], sha256, { expectedHeads: [head] }))).toEqual(['missing-entry'])
    expect(await verifyChain(log, sha256, { expectedHeads: [head] })).toMatchObject({ ok: true })
  })

  it('detects two entries swapped in the chain', async () => {
    const log = clone(await chain('laptop-a', 5))
    // Swap the positions of entries 2 and 4 by exchanging their seq numbers.
    ;[log[1]!.seq, log[3]!.seq] = [log[3]!.seq, log[1]!.seq]
    const r = await verifyChain(log, sha256)
    expect(kinds(r)).toContain('hash-mismatch')
    expect(r.ok ? [] : r.problems.map((p) => p.seq)).toEqual(expect.arrayContaining([2, 4]))
  })

  it('detects a swap even when the forger re-seals both swapped entries', async () => {
    const log = await chain('laptop-a', 5)
    const forged = [...log]
    // Event 4 re-sealed as seq 2 after entry 1, event 2 re-sealed as seq 4 after entry 3: only entry 5 still points at the old 4.
    const { seq: _s2, prevHash: _p2, hash: _h2, ...e4 } = log[3]!
    const { seq: _s4, prevHash: _p4, hash: _h4, ...e2 } = log[1]!
    forged[1] = await sealEntry(log[0]!, e4, sha256)
    forged[3] = await sealEntry(log[2]!, e2, sha256)
    expect(kinds(await verifyChain(forged, sha256))).toEqual(['broken-link', 'broken-link'])
  })

  it('detects a forged entry inserted with an existing seq', async () => {
    const log = await chain('laptop-a', 5)
    const forged = await sealEntry(log[2]!, { ...draft('laptop-a', 99), id: 'forged' }, sha256)
    const r = await verifyChain([...log, forged], sha256)
    expect(r).toEqual({ ok: false, problems: [{ chainId: 'laptop-a', seq: 4, kind: 'duplicate-seq', message: '第 4 条记录出现 2 次，其中有伪造或重复插入的记录' }] })
  })

  it('detects a forged entry inserted with the later entries renumbered', async () => {
    const log = clone(await chain('laptop-a', 5))
    const forged = await sealEntry(log[2]!, { ...draft('laptop-a', 99), id: 'forged' }, sha256)
    for (const e of log.slice(3)) e.seq += 1
    const r = await verifyChain([...log, forged], sha256)
    // The forgery itself fits after entry 3; the renumbered entries no longer match their hashes, and old 4 does not follow it.
    expect(r.ok ? [] : r.problems.map((p) => `${p.seq}:${p.kind}`)).toEqual(['5:hash-mismatch', '5:broken-link', '6:hash-mismatch'])
  })

  it('detects a rewritten tail against a recorded head', async () => {
    const log = await chain('laptop-a', 4)
    const head = { chainId: 'laptop-a', count: 4, head: log[3]!.hash }
    // A forger who re-seals everything after the insertion produces a chain that is consistent on its own.
    const rewritten = log.slice(0, 2)
    let prev = rewritten[1]!
    for (const d of [{ ...draft('laptop-a', 99), id: 'forged' }, draft('laptop-a', 3), draft('laptop-a', 4)]) {
      prev = await sealEntry(prev, d, sha256)
      rewritten.push(prev)
    }
    expect((await verifyChain(rewritten, sha256)).ok).toBe(true)
    expect(kinds(await verifyChain(rewritten, sha256, { expectedHeads: [head] }))).toEqual(['broken-link'])
  })

  it('detects a chain that does not start at GENESIS', async () => {
    const log = clone(await chain('laptop-a', 3))
    log[0]!.prevHash = '1'.repeat(64)
    expect(kinds(await verifyChain(log, sha256))).toEqual(['hash-mismatch', 'bad-genesis'])
    // Re-sealed so its own hash fits: the genesis link and the link to it both fail.
    const { seq: _s, prevHash: _p, hash: _h, ...d } = log[0]!
    const first = { ...d, seq: 1, prevHash: '1'.repeat(64) }
    const resealed = [{ ...first, hash: await sha256(entryHashInput(first)) }, ...log.slice(1)]
    const r = await verifyChain(resealed, sha256)
    expect(kinds(r)).toEqual(['bad-genesis', 'broken-link'])
    expect(r.ok ? '' : r.problems[0]!.message).toContain('64 个 0')
  })

  it('reports problems per chain, leaving the intact chain alone', async () => {
    const a = clone(await chain('laptop-a', 3))
    const b = await chain('laptop-b', 3)
    a[1]!.actor = '他人'
    const r = await verifyChain([...b, ...a], sha256)
    expect(r).toEqual({ ok: false, problems: [{ chainId: 'laptop-a', seq: 2, kind: 'hash-mismatch', message: '第 2 条记录的内容被修改' }] })
  })

  it('moving an entry to another chain breaks both', async () => {
    const a = clone(await chain('laptop-a', 3))
    const b = await chain('laptop-b', 3)
    a[1]!.chainId = 'laptop-b'
    const r = await verifyChain([...a, ...b], sha256)
    expect(r.ok ? [] : r.problems.map((p) => `${p.chainId}:${p.seq}:${p.kind}`)).toEqual(['laptop-a:2:missing-entry', 'laptop-b:2:duplicate-seq', 'laptop-b:2:hash-mismatch', 'laptop-b:2:broken-link'])
  })
})

describe('canonicalJson', () => {
  it('sorts keys, drops undefined, has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [1, undefined, 'x'], c: undefined, d: { z: null, y: true } })).toBe('{"a":[1,null,"x"],"b":1,"d":{"y":true,"z":null}}')
  })

  it('ignores key order and normalises -0', () => {
    expect(canonicalJson({ x: 1, y: { q: 2, p: 3 } })).toBe(canonicalJson({ y: { p: 3, q: 2 }, x: 1 }))
    expect(canonicalJson(-0)).toBe('0')
  })

  it('writes strings and numbers as JSON.stringify does', () => {
    expect(canonicalJson({ s: '评查\n"引号"', n: 0.1 + 0.2, e: 1e21 })).toBe(`{"e":1e+21,"n":${JSON.stringify(0.1 + 0.2)},"s":${JSON.stringify('评查\n"引号"')}}`)
  })

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(NaN)).toThrow(TypeError)
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError)
    expect(() => canonicalJson(1n)).toThrow(TypeError)
  })
})
