import { canonicalJson } from '../canonical/canonicalJson'

/**
 * The audit log: append-only and hash-chained, one chain per laptop (chainId), so that an edited, deleted, reordered
 * or forged record shows when the log is verified. The hash is unkeyed, so it proves integrity against a log whose
 * tail was not rewritten as a whole; keep each chain's head (count and hash) somewhere else too — in the campaign
 * export, on a printed report — and pass it as `expectedHeads` to catch a rewritten or truncated tail.
 * scoring/ has no crypto, so the hash function is passed in (hex SHA-256 in practice).
 */
export interface AuditEntry {
  id: string
  chainId: string
  /** 1, 2, 3… within the chain. */
  seq: number
  /** ISO 8601 time the action was recorded. */
  at: string
  actor: string
  action: string
  subject: { kind: string; id: string }
  before: unknown
  after: unknown
  /** hash of the previous entry of the chain; GENESIS_HASH for seq 1. */
  prevHash: string
  /** hash(canonicalJson(every other field of this entry)). */
  hash: string
}

export type HashFn = (text: string) => Promise<string>

export const GENESIS_HASH = '0'.repeat(64)

export type AuditProblemKind = 'hash-mismatch' | 'broken-link' | 'missing-entry' | 'duplicate-seq' | 'bad-genesis'

export interface AuditProblem {
  chainId: string
  seq: number
  kind: AuditProblemKind
  message: string
}

export interface ChainHead {
  chainId: string
  count: number
  head: string
}

export type ChainVerification = { ok: true; chains: ChainHead[] } | { ok: false; problems: AuditProblem[] }

/** The exact text that is hashed: the entry without its own hash, canonicalised (so extra fields are covered too). */
export function entryHashInput(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry
  return canonicalJson(rest)
}

/**
 * Appends `entry` after `prev` (null for the first entry of a chain). Entries of one chain must be sealed one at a
 * time: two entries sealed on the same `prev` would both claim the same seq.
 */
export async function sealEntry(prev: AuditEntry | null, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>, hash: HashFn): Promise<AuditEntry> {
  if (prev && prev.chainId !== entry.chainId) {
    throw new RangeError(`审计记录属于链 ${entry.chainId}，不能接在链 ${prev.chainId} 的记录之后`)
  }
  const { seq: _s, prevHash: _p, hash: _h, ...fields } = entry as AuditEntry
  const body = { ...fields, seq: prev ? prev.seq + 1 : 1, prevHash: prev ? prev.hash : GENESIS_HASH }
  return { ...body, hash: await hash(entryHashInput(body)) }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Checks every chain in `entries` (any order, several chains mixed). Each chain is sorted by seq, then: every entry's
 * hash is recomputed (an edited entry), seq runs 1, 2, 3… without gaps or repeats (deleted or forged entries), every
 * prevHash is the hash of the entry before (replaced or reordered entries), and seq 1 starts from GENESIS_HASH.
 * Problems come sorted by chain id, then seq.
 */
export async function verifyChain(
  entries: AuditEntry[],
  hash: HashFn,
  opts: { expectedHeads?: ChainHead[] } = {},
): Promise<ChainVerification> {
  const chains = new Map<string, AuditEntry[]>()
  for (const e of entries) {
    const list = chains.get(e.chainId)
    if (list) list.push(e)
    else chains.set(e.chainId, [e])
  }
  for (const h of opts.expectedHeads ?? []) if (!chains.has(h.chainId)) chains.set(h.chainId, [])

  const problems: AuditProblem[] = []
  const heads: ChainHead[] = []
  for (const chainId of [...chains.keys()].sort(byCodeUnits)) {
    const list = [...(chains.get(chainId) ?? [])].sort((a, b) => a.seq - b.seq)
    const found: AuditProblem[] = []
    const add = (seq: number, kind: AuditProblemKind, message: string): void => {
      found.push({ chainId, seq, kind, message })
    }
    const bySeq = new Map<number, AuditEntry[]>()
    for (const e of list) {
      if (!Number.isInteger(e.seq) || e.seq < 1) {
        add(e.seq, 'bad-genesis', `记录序号 ${String(e.seq)} 无效（序号应为从 1 开始的整数）`)
        continue
      }
      const same = bySeq.get(e.seq)
      if (same) same.push(e)
      else bySeq.set(e.seq, [e])
    }
    const seqs = [...bySeq.keys()].sort((a, b) => a - b)
    let expected = 1
    for (const seq of seqs) {
      const here = bySeq.get(seq) ?? []
      if (seq > expected) add(expected, 'missing-entry', missingText(expected, seq - 1))
      if (here.length > 1) add(seq, 'duplicate-seq', `第 ${seq} 条记录出现 ${here.length} 次，其中有伪造或重复插入的记录`)
      for (const e of here) {
        if ((await hash(entryHashInput(e))) !== e.hash) add(seq, 'hash-mismatch', `第 ${seq} 条记录的内容被修改`)
        if (seq === 1) {
          if (e.prevHash !== GENESIS_HASH) add(seq, 'bad-genesis', '第 1 条记录不是从链的起点开始（前一哈希值应为 64 个 0）')
        } else if (seq === expected) {
          const before = bySeq.get(seq - 1) ?? []
          if (!before.some((p) => p.hash === e.prevHash)) add(seq, 'broken-link', `第 ${seq} 条记录与第 ${seq - 1} 条记录接不上，记录被替换或顺序被改动`)
        }
      }
      expected = seq + 1
    }

    const last = seqs.length > 0 ? bySeq.get(seqs[seqs.length - 1] as number)?.[0] : undefined
    const count = seqs.length > 0 ? (seqs[seqs.length - 1] as number) : 0
    const want = opts.expectedHeads?.find((h) => h.chainId === chainId)
    if (want) {
      if (count < want.count) add(count + 1, 'missing-entry', `${missingText(count + 1, want.count)}（应有 ${want.count} 条，链尾被截去）`)
      else {
        const atHead = bySeq.get(want.count) ?? []
        if (!atHead.some((e) => e.hash === want.head)) add(want.count, 'broken-link', `第 ${want.count} 条记录与此前留存的链头哈希不符，这条记录及其之前的记录被改写`)
      }
    }
    problems.push(...found.sort((a, b) => a.seq - b.seq))
    heads.push({ chainId, count, head: last?.hash ?? GENESIS_HASH })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, chains: heads }
}

function missingText(from: number, to: number): string {
  return from === to ? `第 ${from} 条记录缺失` : `第 ${from}–${to} 条记录缺失`
}

/** A problem as one line for the CLI and the verification screen. */
export function describeAuditProblem(p: AuditProblem): string {
  return `链 ${p.chainId}：${p.message}`
}
