import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocTypeList } from '@scoring/index'
import { builtinDocTypeLists, listProblems, scoreReview, validateRubric } from '@scoring/index'
import { ok, valid } from './helpers'

const root = resolve(import.meta.dirname, '../../..')
const rubricsDir = resolve(root, 'resources/rubrics')
const goldenDir = resolve(import.meta.dirname, 'golden')
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

// Hand-computed expectations for the example reviews (see resources/rubrics/examples), so the goldens are not self-confirming.
const expected: Record<string, { total: string; grade: string; maxEffective: number; veto: boolean; gradeScore?: number }> = {
  // 26 N/A points; deductions 2 + 3.5 + 1.5 + 2 + 1 + 0.5 = 10.5; 63.5 / 74 × 100 = 85.81; bonus 1.
  'db32-4181-b-penalty': { total: '86.81', grade: '合格', maxEffective: 100, veto: false },
  // N/A at full points; deductions 2 + 4 + 2 (rule cap) + 2 + 3 × 1.25 = 13.75.
  'db32-4181-a-licensing': { total: '86.25', grade: '合格', maxEffective: 100, veto: false },
  // 27 N/A points excluded; deductions 2.5 + 3.5 + 2 + 1.5 = 9.5; 63.5 of 73, graded as 86.99.
  'db32-4181-c-enforcement': { total: '63.5', grade: '合格', maxEffective: 73, veto: false, gradeScore: 86.99 },
  // Veto S-0-9 (fewer than 2 officers) zeroes 96 points.
  'surveying-penalty': { total: '0', grade: '不合格', maxEffective: 100, veto: true },
  // 100 − (2 + 3 + 10).
  'beijing-penalty-subtractive': { total: '85', grade: '合格', maxEffective: 100, veto: false },
}

describe('built-in rubric templates', () => {
  const files = readdirSync(rubricsDir).filter((f) => f.endsWith('.json'))
  it('ships the three DB32/T 4181 appendices and two rubrics of other shapes', () => {
    expect(files.sort()).toEqual(Object.keys(expected).map((n) => `${n}.json`).sort())
  })

  it.each(files)('%s validates and is labelled with its provenance', (file) => {
    const v = validateRubric(read(resolve(rubricsDir, file)))
    if (!v.ok) throw new Error(JSON.stringify(v.errors, null, 2))
    expect(v.rubric.status.length).toBeGreaterThan(10)
    if (file.startsWith('db32')) {
      expect(v.rubric.standard).toContain('DB32/T 4181—2021')
      expect(v.rubric.status).toContain('尚未与标准官方文本逐项核对')
    }
  })

  it('the surveying rubric has 9 vetoes that zero the total and a 20 + 80 split', () => {
    const r = valid(read(resolve(rubricsDir, 'surveying-penalty.json')))
    expect(r.basic!.items).toHaveLength(9)
    expect(r.policies.vetoEffect).toBe('zero')
    expect(r.sections.map((s) => s.points)).toEqual([20, 80])
    expect(r.sections[0]!.items.find((i) => i.id === 'S-F-3')).toMatchObject({ points: 2, maxDeduction: 1 })
  })

  it('the Beijing rubric is subtractive with 90/60 bands', () => {
    const r = valid(read(resolve(rubricsDir, 'beijing-penalty-subtractive.json')))
    expect(r.policies.floor).toBe('global')
    expect(r.bands.map((b) => b.min).sort((a, b) => b - a)).toEqual([90, 60, 0])
  })

  describe.each(Object.entries(expected))('%s example review', (name, exp) => {
    const rubric = valid(read(resolve(rubricsDir, `${name}.json`)))
    const result = ok(scoreReview(rubric, read(resolve(rubricsDir, 'examples', `${name}.review.json`))))

    it('scores as computed by hand', () => {
      expect(result.totalText).toBe(exp.total)
      expect(result.grade.name).toBe(exp.grade)
      expect(result.maxEffective).toBe(exp.maxEffective)
      expect(result.veto.hit).toBe(exp.veto)
      expect(result.complete).toBe(true)
      if (exp.gradeScore !== undefined) expect(result.gradeScore).toBe(exp.gradeScore)
    })

    it('matches the golden output', () => {
      const golden = resolve(goldenDir, `${name}.json`)
      const actual = { result, problems: listProblems(result) }
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        mkdirSync(goldenDir, { recursive: true })
        writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n')
      }
      expect(JSON.parse(JSON.stringify(actual))).toEqual(read(golden))
    })
  })
})

describe('document-type lists', () => {
  it('resources/doc-types matches the built-in lists the engine validates against', () => {
    const dir = resolve(root, 'resources/doc-types')
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => read(resolve(dir, f)) as DocTypeList)
    const builtin = [...builtinDocTypeLists].sort((a, b) => a.caseType.localeCompare(b.caseType))
    expect(onDisk).toEqual(builtin)
    for (const l of onDisk) expect(new Set(l.types.map((t) => t.id)).size).toBe(l.types.length)
  })

  it('covers the documents named in the domain reference', () => {
    const names = builtinDocTypeLists.find((l) => l.caseType === 'penalty')!.types.map((t) => t.name).join('|')
    for (const n of ['立案审批表', '询问笔录', '现场检查', '行政处罚事先告知书', '行政处罚决定书', '送达回证', '结案报告', '卷内目录', '备考表']) expect(names).toContain(n)
  })
})

describe('schema examples', () => {
  const dir = resolve(root, 'resources/schemas')
  it('the JSON Schemas parse and describe the two formats', () => {
    expect((read(resolve(dir, 'rubric.schema.json')) as { properties: { format: { const: string } } }).properties.format.const).toBe('case-review-rubric/1')
    expect((read(resolve(dir, 'review.schema.json')) as { properties: { format: { const: string } } }).properties.format.const).toBe('case-review-review/1')
  })
  it('the example rubric validates and the in-progress example review scores provisionally', () => {
    const rubric = valid(read(resolve(dir, 'examples/rubric.example.json')))
    const r = ok(scoreReview(rubric, read(resolve(dir, 'examples/review.example.json'))))
    // 1 + 2.5 + 2.5 = 6 lost; S3-1 N/A: 84 / 90 × 100 = 93.33; bonus 1.
    expect(r.totalText).toBe('94.33')
    expect(r.complete).toBe(false)
    expect(r.undecided).toEqual(['S3-3'])
  })
})
