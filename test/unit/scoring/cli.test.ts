import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/main'
import { commands } from '../../../electron/cli/commands/index'
import { baseRubric } from './fixtures'

const root = resolve(import.meta.dirname, '../../..')

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, commands, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: root })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('CLI', () => {
  it('rubric validate: exit 0 on a built-in template', async () => {
    const r = await cli('rubric', 'validate', 'resources/rubrics/db32-4181-b-penalty.json')
    expect(r.code).toBe(0)
    expect(r.out).toContain('评查标准有效')
  })

  it('rubric validate: exit 1 listing every error with its path', async () => {
    const bad = baseRubric() as unknown as { sections: { points: number; items: { id: string; rules: { min?: number }[] }[] }[] }
    bad.sections[0]!.points = 12
    bad.sections[2]!.items[1]!.id = 'S1-1'
    const dir = mkdtempSync(resolve(tmpdir(), 'rubric-'))
    const file = resolve(dir, 'bad.json')
    writeFileSync(file, JSON.stringify(bad))
    const r = await cli('rubric', 'validate', file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('$.sections[0].points')
    expect(r.err).toContain('$.sections[2].items[1].id')
    expect(r.err).toContain('$.total')
  })

  it('rubric validate: exit 1 on unreadable JSON', async () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'rubric-'))
    writeFileSync(resolve(dir, 'x.json'), '{ nope')
    const r = await cli('rubric', 'validate', resolve(dir, 'x.json'))
    expect(r.code).toBe(1)
    expect(r.err).toContain('不是有效的 JSON')
  })

  it('rubric show prints the tree with points', async () => {
    const r = await cli('rubric', 'show', 'resources/rubrics/surveying-penalty.json')
    expect(r.code).toBe(0)
    expect(r.out).toContain('【S-F 案卷卷面标准】 20分')
    expect(r.out).toContain('S-F-3  一案一卷  2分（最多扣1分）')
    expect(r.out).toContain('S-0-9  执法人员少于2人')
  })

  it('score prints total, grade, sections and trace', async () => {
    const r = await cli('score', 'resources/rubrics/db32-4181-b-penalty.json', 'resources/rubrics/examples/db32-4181-b-penalty.review.json')
    expect(r.code).toBe(0)
    expect(r.out).toContain('总分：86.81 / 100')
    expect(r.out).toContain('等次：合格')
    expect(r.out).toContain('B-2-3 询问笔录未载明告知事项：每处扣0.5分 × 3 处 = 扣1.5分（本规则上限2分）')
  })

  it('score --json prints the ScoreResult', async () => {
    const r = await cli('score', 'resources/rubrics/beijing-penalty-subtractive.json', 'resources/rubrics/examples/beijing-penalty-subtractive.review.json', '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { total: number; totalText: string; grade: { name: string } }
    expect(json).toMatchObject({ total: 85, totalText: '85', grade: { name: '合格' } })
  })

  it('score: a review of another rubric is rejected with exit 1', async () => {
    const r = await cli('score', 'resources/rubrics/db32-4181-a-licensing.json', 'resources/rubrics/examples/db32-4181-b-penalty.review.json')
    expect(r.code).toBe(1)
    expect(r.err).toContain('$.rubricId')
  })

  it('usage errors exit 2', async () => {
    expect((await cli('rubric')).code).toBe(2)
    expect((await cli('score', 'a.json')).code).toBe(2)
    expect((await cli('score', 'a.json', 'b.json', '--bogus')).code).toBe(2)
  })
})
