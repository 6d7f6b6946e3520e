import type { Decision } from '@scoring/index'
import type { CampaignExportInput } from '@scoring/report/index'
import { baseRubric, withDecisions } from '../scoring/fixtures'

export const CAMPAIGN_ID = '11111111-2222-4333-8444-555555555555'

const rubric = baseRubric()

function entry(caseId: string, n: number, reviewerIds: string[], changed: Decision[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseId,
    reviewerIds,
    state: 'finalised',
    finalisedAt: '2025-09-01T17:00:00+08:00',
    finalisedBy: 'r1',
    ...extra,
    review: { format: 'case-review-review/1', id: `00000000-0000-4000-8000-00000000000${n}`, rubricId: rubric.id, rubricVersion: 1, decisions: withDecisions(rubric, changed) },
  }
}

/**
 * Six files over three agencies, scored by hand (capped, N/A rescaled, veto = 0):
 *   a1  S1-1 −1, S2-1-a ×3 −1.5                    → 97.5  优秀
 *   a2  S2-3-a −5                                  → 95    优秀
 *   b1  veto V1                                    → 0     不合格
 *   b2  S3-2-a ×4 −12, S2-1-a ×1 −0.5              → 87.5  合格
 *   c1  all conforming                             → 100   优秀
 *   c2  S3-1 N/A (10), S1-3-b ×2 −2 → 88/90 × 100  → 97.78 优秀
 */
export function fixtureExport(): CampaignExportInput {
  return {
    format: 'case-review-campaign-export/1',
    exportedAt: '2025-10-10T09:00:00+08:00',
    campaign: {
      id: CAMPAIGN_ID,
      name: '测试评查活动',
      year: 2025,
      organiser: '某市司法局',
      startedOn: '2025-08-01',
      endedOn: '2025-08-20',
      scope: '2025年上半年办结的行政处罚案卷',
      sampling: '每单位随机抽取2件。',
      rectificationDeadline: '2025-09-30',
      panel: [
        { id: 'r1', name: '王一', role: 'lead', affiliation: '某市司法局' },
        { id: 'r2', name: '李二', agencyId: 'C', role: 'reviewer' },
        { id: 'r3', name: '张三', agencyId: 'A', role: 'reviewer' },
      ],
    },
    agencies: [
      { id: 'A', name: '甲局' },
      { id: 'B', name: '乙局' },
      { id: 'C', name: '丙局' },
    ],
    rubrics: [rubric],
    cases: [
      { id: 'a1', agencyId: 'A', caseNumber: '甲罚〔2025〕1号', caseType: 'penalty', party: '甲公司', cause: '无证经营', handlers: ['赵', '钱'] },
      { id: 'a2', agencyId: 'A', caseNumber: '甲罚〔2025〕2号', caseType: 'penalty', party: '乙公司', cause: '虚假宣传', handlers: ['赵', '钱'] },
      { id: 'b1', agencyId: 'B', caseNumber: '乙罚〔2025〕1号', caseType: 'penalty', party: '丙公司', cause: '超标排放', handlers: ['孙', '李'] },
      { id: 'b2', agencyId: 'B', caseNumber: '乙罚〔2025〕2号', caseType: 'penalty', party: '丁公司', cause: '未批先建', handlers: ['孙', '李'] },
      { id: 'c1', agencyId: 'C', caseNumber: '丙罚〔2025〕1号', caseType: 'penalty', party: '戊公司', cause: '超限运输', handlers: ['周', '吴'] },
      { id: 'c2', agencyId: 'C', caseNumber: '丙罚〔2025〕2号', caseType: 'penalty', party: '己公司', cause: '无证运输', handlers: ['周', '吴'] },
    ],
    reviews: [
      entry('a1', 1, ['r1', 'r2'], [
        { itemId: 'S1-1', kind: 'deducted', deductions: [{ ruleId: 'S1-1-a', reason: '案由未写当事人', evidence: [{ page: 3 }] }] },
        { itemId: 'S2-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', occurrences: 3, reason: '三份笔录未告知', evidence: [{ page: 11 }, { page: 8 }, { page: 11 }] }] },
      ]),
      entry('a2', 2, ['r1', 'r2'], [{ itemId: 'S2-3', kind: 'deducted', deductions: [{ ruleId: 'S2-3-a', amount: 5, reason: '仅有当事人陈述', evidence: [{ page: 20 }] }] }]),
      entry('b1', 3, ['r2', 'r3'], [{ itemId: 'V1', kind: 'veto', reason: '无执法主体资格', evidence: [{ page: 1 }] }]),
      entry('b2', 4, ['r2', 'r3'], [
        { itemId: 'S2-1', kind: 'deducted', deductions: [{ ruleId: 'S2-1-a', occurrences: 1, reason: '笔录未告知', evidence: [{ page: 9 }] }] },
        { itemId: 'S3-2', kind: 'deducted', deductions: [{ ruleId: 'S3-2-a', occurrences: 4, reason: '决定书缺四项要素', evidence: [{ page: 30 }] }] },
      ]),
      entry('c1', 5, ['r3'], [], { goodPractice: ['全过程音像记录入卷'] }),
      entry('c2', 6, ['r3'], [
        { itemId: 'S3-1', kind: 'na', reason: '未申请听证' },
        { itemId: 'S1-3', kind: 'deducted', deductions: [{ ruleId: 'S1-3-b', occurrences: 2, reason: '审批缺日期', evidence: [{ page: 4 }] }] },
      ]),
    ],
    rectifications: [
      { id: 'R1', agencyId: 'A', caseId: 'a1', itemId: 'S2-1', ruleId: 'S2-1-a', description: '笔录未告知', status: 'pending', deadline: '2025-09-30' },
      { id: 'R2', agencyId: 'B', caseId: 'b2', itemId: 'S3-2', description: '决定书要素', status: 'done', feedback: '已补正', feedbackOn: '2025-10-05', deadline: '2025-09-30' },
      { id: 'R3', agencyId: 'C', caseId: 'c2', itemId: 'S1-3', ruleId: 'S1-3-b', description: '审批缺日期', status: 'declined', reason: '日期已在附页', deadline: '2025-09-30' },
    ],
  } as CampaignExportInput
}
