import type { Decision, Review, Rubric } from '@scoring/index'

export const RUBRIC_ID = '5b0f6c1e-8f4a-4c1e-9a53-0c7d2f1e9a01'
export const REVIEW_ID = '9d3c2b1a-7e6f-4a5b-8c9d-0e1f2a3b4c5d'

/** A small 100-point rubric touching every rule kind; tests override parts of it. */
export function baseRubric(over: Partial<Rubric> = {}): Rubric {
  return {
    format: 'case-review-rubric/1',
    id: RUBRIC_ID,
    name: '测试评查标准',
    version: 1,
    caseType: 'penalty',
    status: '测试用',
    total: 100,
    categories: [
      { id: 'subject', name: '主体' },
      { id: 'evidence', name: '事实证据' },
      { id: 'law', name: '法律适用' },
      { id: 'procedure', name: '程序' },
      { id: 'document', name: '文书' },
      { id: 'archive', name: '归档' },
    ],
    docTypes: { list: 'penalty' },
    policies: { floor: 'capped', na: 'rescale', vetoEffect: 'zero' },
    bands: [
      { id: 'excellent', name: '优秀', min: 90 },
      { id: 'pass', name: '合格', min: 60, below: 90 },
      { id: 'fail', name: '不合格', min: 0, below: 60 },
    ],
    basic: {
      title: '基本标准',
      items: [
        { id: 'V1', text: '执法主体不合法', category: 'subject' },
        { id: 'V2', text: '超过追诉时效', category: 'evidence', effect: 'lowestBand' },
      ],
    },
    sections: [
      {
        id: 'S1',
        name: '立案',
        points: 10,
        items: [
          { id: 'S1-1', name: '案由', points: 2, docTypes: ['filing-approval'], rules: [{ id: 'S1-1-a', kind: 'fixed', text: '案由不规范', category: 'document', amount: 1 }] },
          { id: 'S1-2', name: '当事人基本情况', points: 3, rules: [{ id: 'S1-2-a', kind: 'perElement', text: '当事人基本情况缺项', category: 'document', amount: 0.5, elements: ['姓名', '性别', '出生日期', '身份证件号码', '住址', '联系电话', '工作单位', '职业'] }] },
          { id: 'S1-3', name: '立案审批', points: 5, rules: [{ id: 'S1-3-a', kind: 'full', text: '未立案即调查', category: 'procedure' }, { id: 'S1-3-b', kind: 'perOccurrence', text: '审批意见缺签名或日期', category: 'procedure', amount: 1 }] },
        ],
      },
      {
        id: 'S2',
        name: '调查取证',
        points: 40,
        items: [
          { id: 'S2-1', name: '询问笔录', points: 10, rules: [{ id: 'S2-1-a', kind: 'perOccurrence', text: '询问笔录未载明告知事项', category: 'procedure', amount: 0.5, maxDeduction: 2 }, { id: 'S2-1-b', kind: 'perOccurrence', text: '被询问人未逐页签名', category: 'document', amount: 1 }] },
          { id: 'S2-2', name: '现场检查笔录', points: 10, maxDeduction: 4, rules: [{ id: 'S2-2-a', kind: 'perOccurrence', text: '检查笔录记录不完整', category: 'evidence', amount: 1.5 }] },
          { id: 'S2-3', name: '证据', points: 20, rules: [{ id: 'S2-3-a', kind: 'range', text: '证据不充分', category: 'evidence', min: 1, max: 5, step: 0.5 }, { id: 'S2-3-b', kind: 'fixed', text: '证据未注明来源', category: 'evidence', amount: 0.1 }, { id: 'S2-3-c', kind: 'fixed', text: '证据未经当事人确认', category: 'evidence', amount: 0.2 }] },
        ],
      },
      {
        id: 'S3',
        name: '审查决定',
        points: 50,
        items: [
          { id: 'S3-1', name: '听证', points: 10, naAllowed: true, rules: [{ id: 'S3-1-a', kind: 'range', text: '听证程序不规范', category: 'procedure', min: 1, max: 5, step: 1 }] },
          { id: 'S3-2', name: '决定书', points: 30, rules: [{ id: 'S3-2-a', kind: 'perElement', text: '决定书缺必备要素', category: 'document', amount: 3 }], vetoes: [{ id: 'S3-2-v', text: '无处罚决定书', category: 'procedure' }] },
          { id: 'S3-3', name: '送达', points: 10, naAllowed: true, rules: [{ id: 'S3-3-a', kind: 'full', text: '未在7日内送达', category: 'procedure' }] },
        ],
      },
    ],
    bonus: {
      title: '加分项',
      cap: 5,
      mayExceedTotal: false,
      items: [
        { id: 'B1', name: '说理充分', max: 3, step: 0.5, category: 'document' },
        { id: 'B2', name: '全过程记录', max: 3 },
      ],
    },
    units: {
      meanBanding: true,
      ranking: { by: 'mean', tieBreak: 'total' },
      ratings: [
        { id: 'excellent-unit', name: '优秀单位', conditions: [{ kind: 'share', atLeastBand: 'excellent', minPercent: 85 }, { kind: 'share', atLeastBand: 'pass', minPercent: 100 }] },
      ],
    },
    ...over,
  }
}

export function review(decisions: Decision[], over: Partial<Review> = {}): Review {
  return { format: 'case-review-review/1', id: REVIEW_ID, rubricId: RUBRIC_ID, rubricVersion: 1, decisions, ...over }
}

/** Every scored and basic item of the base rubric marked conforming, so the review is complete. */
export function allConforming(rubric: Rubric): Decision[] {
  const ids = [...(rubric.basic?.items.map((b) => b.id) ?? []), ...rubric.sections.flatMap((s) => s.items.map((i) => i.id))]
  return ids.map((itemId) => ({ itemId, kind: 'conforming' as const }))
}

/** allConforming with some decisions replaced. */
export function withDecisions(rubric: Rubric, changed: Decision[]): Decision[] {
  const byId = new Map(changed.map((d) => [d.itemId, d]))
  const base = allConforming(rubric).map((d) => byId.get(d.itemId) ?? d)
  const extra = changed.filter((d) => !base.some((b) => b.itemId === d.itemId))
  return [...base, ...extra]
}
