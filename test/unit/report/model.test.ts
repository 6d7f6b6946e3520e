import { describe, expect, it } from 'vitest'
import type { CampaignExport } from '@scoring/report/index'
import { agencyNotice, buildReportModel, percentText, resolveNarrative, ruleBasisText, validateCampaignExport } from '@scoring/report/index'
import { fixtureExport } from './fixture'

function load(json: unknown = fixtureExport()): CampaignExport {
  const v = validateCampaignExport(json)
  if (!v.ok) throw new Error(JSON.stringify(v.errors))
  return v.data
}

const model = buildReportModel(load())

describe('report model: per-file results come from the engine', () => {
  it('recomputes every total and grade (hand-computed in fixture.ts)', () => {
    expect(model.files.map((f) => [f.case.id, f.result.totalText, f.result.grade.name])).toEqual([
      ['a1', '97.5', '优秀'],
      ['a2', '95', '优秀'],
      ['b1', '0', '不合格'],
      ['b2', '87.5', '合格'],
      ['c1', '100', '优秀'],
      ['c2', '97.78', '优秀'],
    ])
    expect(model.files.map((f) => f.deductedCents)).toEqual([250, 500, 0, 1250, 0, 200])
  })
})

describe('campaign totals and grade distribution', () => {
  it('counts, mean, extremes', () => {
    // 97.5 + 95 + 0 + 87.5 + 100 + 97.78 = 477.78; ÷ 6 = 79.63
    expect(model.totals).toEqual({ files: 6, agencies: 3, sumText: '477.78', mean: 79.63, meanText: '79.63', maxText: '100', minText: '0', vetoFiles: 1, problems: 7, filesWithProblems: 5 })
  })

  it('percentages to one decimal, each rounded half up on its own (4/6 → 66.7, 1/6 → 16.7: the column adds to 100.1)', () => {
    expect(model.grades.map((g) => [g.name, g.files, g.percentText])).toEqual([
      ['优秀', 4, '66.7'],
      ['合格', 1, '16.7'],
      ['不合格', 1, '16.7'],
    ])
    expect([percentText(1, 3), percentText(2, 3), percentText(1, 8), percentText(0, 0), percentText(1, 40)]).toEqual(['33.3', '66.7', '12.5', '0.0', '2.5'])
  })
})

describe('agencies ranked by the rubric unit rules', () => {
  it('mean, rank, bands and the 优秀单位 rating', () => {
    // 丙 (100 + 97.78) / 2 = 98.89; 甲 (97.5 + 95) / 2 = 96.25; 乙 (0 + 87.5) / 2 = 43.75
    expect(model.agencies.map((a) => [a.agency.name, a.rank, a.summary.meanText, a.summary.files, a.problems])).toEqual([
      ['丙局', 1, '98.89', 2, 1],
      ['甲局', 2, '96.25', 2, 3],
      ['乙局', 3, '43.75', 2, 3],
    ])
    expect(model.agencies.map((a) => a.summary.ratings[0]!.achieved)).toEqual([true, true, false])
    expect(model.agencies[2]!.summary.bands.map((b) => [b.name, b.files])).toEqual([['优秀', 0], ['合格', 1], ['不合格', 1]])
    expect(model.agencies[2]!.summary.vetoFiles).toBe(1)
  })

  it('an agency without finalised files is left out of the ranking but listed', () => {
    const json = fixtureExport() as { agencies: { id: string; name: string }[] }
    json.agencies.push({ id: 'D', name: '丁局' })
    const m = buildReportModel(load(json))
    expect(m.agencies).toHaveLength(3)
    expect(m.agenciesWithoutFiles.map((a) => a.name)).toEqual(['丁局'])
  })
})

describe('problems grouped by category', () => {
  it('frequency, share, rule order and typical examples with pages', () => {
    // 7 problem entries: subject 1, evidence 1, procedure 3, document 2; law and archive have none.
    expect(model.categories.map((c) => [c.category.name, c.occurrences, c.files, c.percentText, c.pointsText])).toEqual([
      ['主体', 1, 1, '14.3', '0'],
      ['事实证据', 1, 1, '14.3', '5'],
      ['程序', 3, 3, '42.9', '4'],
      ['文书', 2, 2, '28.6', '13'],
    ])
    const procedure = model.categories[2]!
    expect(procedure.rules.map((r) => [r.ruleId, r.occurrences, r.files, r.pointsText])).toEqual([
      ['S2-1-a', 2, 2, '2'],
      ['S1-3-b', 1, 1, '2'],
    ])
    expect(procedure.rules[0]!.examples.map((e) => [e.caseNumber, e.pages])).toEqual([
      ['甲罚〔2025〕1号', [8, 11]],
      ['乙罚〔2025〕2号', [9]],
    ])
    expect(model.categories[0]!.rules[0]).toMatchObject({ kind: 'veto', ruleId: 'V1', ruleText: '执法主体不合法' })
  })

  it('limits examples per rule', () => {
    const m = buildReportModel(load(), { examplesPerProblem: 1 })
    expect(m.categories[2]!.rules[0]!.examples.map((e) => e.caseId)).toEqual(['a1'])
  })

  it('deduction frequency per rubric item, with N/A files out of the rate', () => {
    const s21 = model.items.find((i) => i.itemId === 'S2-1')!
    expect([s21.files, s21.occurrences, s21.pointsText, s21.scoredFiles, s21.naFiles, s21.ratePercentText]).toEqual([2, 2, '2', 6, 0, '33.3'])
    const s31 = model.items.find((i) => i.itemId === 'S3-1')!
    expect([s31.files, s31.naFiles, s31.ratePercentText]).toEqual([0, 1, '0.0'])
    const v1 = model.items.find((i) => i.itemId === 'V1')!
    expect([v1.files, v1.ratePercentText]).toEqual([1, '16.7'])
  })
})

describe('reviewer leniency', () => {
  it('mean deduction per reviewer against the panel mean (vetoes excluded, joint files count for each)', () => {
    // panel: (250+500+0+1250+0+200)/6 = 366.67 → 3.67
    // 王一 a1,a2: 750/2 = 3.75 (+0.08); 李二 a1,a2,b1,b2: 2000/4 = 5 (+1.33); 张三 b1,b2,c1,c2: 1450/4 = 3.625 → 3.63 (−0.04)
    expect(model.reviewers.panelMeanText).toBe('3.67')
    expect(model.reviewers.rows.map((r) => [r.member.name, r.files, r.meanDeductedText, r.diffText])).toEqual([
      ['王一', 2, '3.75', '+0.08'],
      ['李二', 4, '5', '+1.33'],
      ['张三', 4, '3.63', '-0.04'],
    ])
  })
})

describe('rectification ledger', () => {
  it('recorded entries plus one pending line per uncovered problem, overdue judged at the export date', () => {
    expect(model.ledger.map((l) => [l.id, l.source, l.caseNumber, l.itemId, l.statusText, l.overdueText])).toEqual([
      ['R1', 'recorded', '甲罚〔2025〕1号', 'S2-1', '待整改', '逾期未整改'],
      ['a1#1', 'derived', '甲罚〔2025〕1号', 'S1-1', '待整改', '逾期未整改'],
      ['a2#1', 'derived', '甲罚〔2025〕2号', 'S2-3', '待整改', '逾期未整改'],
      ['b1#1', 'derived', '乙罚〔2025〕1号', 'V1', '待整改', '逾期未整改'],
      ['R2', 'recorded', '乙罚〔2025〕2号', 'S3-2', '已整改', '逾期完成'],
      ['b2#1', 'derived', '乙罚〔2025〕2号', 'S2-1', '待整改', '逾期未整改'],
      ['R3', 'recorded', '丙罚〔2025〕2号', 'S1-3', '不予整改', '否'],
    ])
    expect(model.ledger[0]).toMatchObject({ categoryName: '程序', itemName: '询问笔录', ruleText: '询问笔录未载明告知事项', pages: [8, 11], deadline: '2025-09-30' })
  })

  it('nothing is overdue before the deadline', () => {
    const m = buildReportModel(load(), { asOf: '2025-09-30' })
    expect(m.ledger.map((l) => l.overdue)).toEqual(['no', 'no', 'no', 'no', 'lateDone', 'no', 'no'])
  })
})

describe('notices and narrative', () => {
  it('a notice lists the agency problems with their rubric basis', () => {
    const n = agencyNotice(model, 'B')!
    expect([n.rank, n.meanText, n.deadline, n.problems.length]).toEqual([3, '43.75', '2025-09-30', 3])
    expect(n.problems.map((p) => [p.caseNumber, p.kind, p.pointsText])).toEqual([
      ['乙罚〔2025〕1号', 'veto', '0'],
      ['乙罚〔2025〕2号', 'deduction', '0.5'],
      ['乙罚〔2025〕2号', 'deduction', '12'],
    ])
    expect(n.problems[1]!.basis).toBe('S2-1「询问笔录」：询问笔录未载明告知事项（每处扣0.5分，最多扣2分）')
    expect(ruleBasisText(model.unitRubric, 'V1', 'V1', true)).toBe('《测试评查标准》基本标准 V1：执法主体不合法（否决项）')
    expect(agencyNotice(model, 'nope')).toBeNull()
  })

  it('default narrative is written from the data; given texts win, blank ones do not', () => {
    const n = resolveNarrative(model, { results: '自定义结果。', goodPractice: '  ' })
    expect(n.results).toBe('自定义结果。')
    expect(n.goodPractice).toContain('丙局丙罚〔2025〕1号案卷：全过程音像记录入卷。')
    expect(n.basicFacts).toContain('共评查3个单位的案卷6件')
    expect(n.problems).toBe('评查共发现问题7个，涉及案卷5件，主要集中在程序、文书、主体等方面。按问题类别列举如下：')
    expect(n.requirements).toContain('于2025年9月30日前')
  })
})
