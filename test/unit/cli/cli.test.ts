import { describe, expect, it } from 'vitest'
import { commands } from '../../../electron/cli/commands/index'
import { runCli } from '../../../electron/cli/main'

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, commands, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli', () => {
  it('--help lists every command', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    for (const c of commands) expect(r.out).toContain(c.name)
    expect(r.out).toContain('用法')
  })

  it('an unknown command is a usage error in Chinese', async () => {
    const r = await run(['frobnicate'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('未知命令')
  })

  it('version prints the package version', async () => {
    const r = await run(['version'])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
