const caseTypes: Record<string, string> = { penalty: '行政处罚', licensing: '行政许可', enforcement: '行政强制' }

export function caseTypeName(code: string): string {
  return caseTypes[code] ?? code
}

export const targetNames = {
  rubric: '标准',
  policy: '计分规则',
  category: '问题类别',
  docType: '文书类型',
  band: '等次',
  basicItem: '否决项',
  section: '部分',
  item: '评查项目',
  rule: '扣分规则',
  veto: '否决情形',
  bonusItem: '加分项',
  unitRating: '单位评定',
} as const

export const changeNames = { added: '新增', removed: '删除', changed: '修改' } as const
