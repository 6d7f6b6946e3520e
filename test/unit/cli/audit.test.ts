import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '@scoring/index'
import { sealEntry } from '@scoring/index'
import { sha256Hex } from '../../../electron/cli/commands/audit'
import { commands } from '../../../electron/cli/commands/index'
import { runCli } from '../../../electron/cli/main'

const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, commands, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function write(name: string, content: unknown): string {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return name
}

async function log(chainId: string, n: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = []
  let prev: AuditEntry | null = null
  for (let i = 1; i <= n; i++) {
    prev = await sealEntry(prev, { id: `${chainId}-${i}`, chainId, at: `2025-03-0${i}T09:00:00+08:00`, actor: '王建国', action: 'review.transition', subject: { kind: 'review', id: 'r1' }, before: { n: i - 1 }, after: { n: i } }, sha256Hex)
    out.push(prev)
  }
  return out
}

const example = resolve(import.meta.dirname, '../../../resources/schemas/examples/audit-log.example.json')

describe('cli audit verify', () => {
  it('passes the shipped example: two chains, ten entries', async () => {
    const r = await run(['audit', 'verify', example])
    expect(r.code).toBe(0)
    expect(r.out).toContain('审计日志完整：2 条链，共 10 条记录')
    const entries = JSON.parse(readFileSync(example, 'utf8')) as AuditEntry[]
    const heads = new Map<string, AuditEntry>()
    for (const e of entries) if ((heads.get(e.chainId)?.seq ?? 0) < e.seq) heads.set(e.chainId, e)
    for (const [chainId, e] of heads) expect(r.out).toContain(`链 ${chainId}：${e.seq} 条记录，链头 ${e.hash}`)
  })

  it('reads a bare array, a campaign export (audit) and an auditLog object', async () => {
    const entries = [...(await log('a', 3)), ...(await log('b', 2))]
    for (const [name, json] of [['bare.json', entries], ['export.json', { format: 'campaign', audit: entries }], ['log.json', { auditLog: entries }]] as const) {
      const r = await run(['audit', 'verify', write(name, json)])
      expect(r.code, name).toBe(0)
      expect(r.out).toContain('2 条链，共 5 条记录')
    }
  })

  it('exits 1 and lists every problem in Chinese', async () => {
    const entries = await log('a', 5)
    entries[1]!.actor = '他人'
    const r = await run(['audit', 'verify', write('tampered.json', { audit: [...entries.slice(0, 3), entries[4]!] })])
    expect(r.code).toBe(1)
    expect(r.err).toContain('共 2 处问题')
    expect(r.err).toContain('链 a：第 2 条记录的内容被修改')
    expect(r.err).toContain('链 a：第 4 条记录缺失')
  })

  it('exits 1 on malformed entries, naming where', async () => {
    const entries = await log('a', 2)
    const r = await run(['audit', 'verify', write('malformed.json', [entries[0], { ...entries[1], seq: 'two' }])])
    expect(r.code).toBe(1)
    expect(r.err).toContain('$[1].seq')
  })

  it.each([
    [['audit'], '用法'],
    [['audit', 'check', 'x.json'], '用法'],
    [['audit', 'verify'], '用法'],
    [['audit', 'verify', 'a.json', 'b.json'], '用法'],
    [['audit', 'verify', '--bogus', 'a.json'], '用法'],
    [['audit', 'verify', 'missing.json'], '无法读取文件'],
  ])('exits 2 on %j', async (argv, fragment) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(fragment)
  })

  it('exits 2 on a file that is not JSON or holds no audit array', async () => {
    const bad = await run(['audit', 'verify', write('bad.json', '{ not json')])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('不是有效的 JSON')
    const other = await run(['audit', 'verify', write('other.json', { reviews: [] })])
    expect(other.code).toBe(2)
    expect(other.err).toContain('不是审计日志')
  })

  it('is listed in --help', async () => {
    const r = await run(['--help'])
    expect(r.out).toContain('audit verify')
  })
})
