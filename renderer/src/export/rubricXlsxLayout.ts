import { deductionKindLabels, floorLabels, naLabels, tieBreakLabels, unitConditionLabels, vetoEffectLabels } from '@scoring/index'

/**
 * The sheet layout of a rubric workbook, documented for authors in resources/schemas/rubric-xlsx-layout.md.
 * Columns are found by their header text, so authors may reorder them; every name here is part of that document.
 */

export const SHEETS = {
  readme: '说明',
  info: '基本信息',
  policies: '政策',
  bands: '分档',
  categories: '问题类别',
  docTypes: '文书类型',
  basic: '否决项',
  items: '评查项目',
  bonus: '加分项',
  units: '单位规则',
} as const

export interface Column {
  key: string
  header: string
  width: number
  hint: string
}

const col = (key: string, header: string, width: number, hint: string): Column => ({ key, header, width, hint })

/** Key/value sheets: one row per field, 字段 in column A and 值 in column B. */
export const INFO_FIELDS = [
  col('format', '格式', 0, '固定为 case-review-rubric/1'),
  col('$schema', '$schema', 0, '可留空'),
  col('id', '标识', 0, 'UUID；同一标准的各版本标识相同'),
  col('name', '名称', 0, '必填'),
  col('version', '版本', 0, '正整数'),
  col('caseType', '案件类型', 0, 'licensing（许可）、penalty（处罚）、enforcement（强制）或其他'),
  col('standard', '依据标准', 0, '可留空'),
  col('status', '状态说明', 0, '必填：来源与核对状态'),
  col('description', '说明', 0, '可留空'),
  col('total', '满分', 0, '如 100'),
  col('docTypes.list', '文书类型清单', 0, 'penalty、licensing、enforcement 之一，可留空'),
  col('basic.title', '基本标准标题', 0, '有否决项时必填'),
  col('basic.description', '基本标准说明', 0, '可留空'),
  col('bonus.title', '加分项标题', 0, '可留空'),
  col('bonus.cap', '加分上限', 0, '有加分项时必填'),
  col('bonus.mayExceedTotal', '加分后可超过满分', 0, '是／否；有加分项时必填'),
  col('units.meanBanding', '单位平均分分档', 0, '是／否，可留空'),
  col('units.ranking', '单位排名', 0, '填“按平均分”或留空'),
  col('units.ranking.tieBreak', '排名并列时', 0, Object.values(tieBreakLabels).join('、')),
] as const

export const POLICY_FIELDS = [
  col('floor', '计分方式', 0, Object.values(floorLabels).join('、')),
  col('na', '不适用处理', 0, Object.values(naLabels).join('、')),
  col('vetoEffect', '否决默认效果', 0, Object.values(vetoEffectLabels).join('、')),
] as const

export const BAND_COLUMNS = [
  col('id', '等次编号', 14, ''),
  col('name', '等次名称', 16, ''),
  col('min', '下限（含）', 12, ''),
  col('below', '上限（不含）', 12, '最高等次留空'),
] as const

export const CATEGORY_COLUMNS = [col('id', '类别编号', 14, ''), col('name', '类别名称', 18, ''), col('description', '说明', 40, '')] as const

export const DOCTYPE_COLUMNS = [col('id', '文书类型编号', 24, ''), col('name', '文书类型名称', 30, '')] as const

export const BASIC_COLUMNS = [
  col('group', '分组', 18, ''),
  col('id', '编号', 12, ''),
  col('text', '否决情形', 48, ''),
  col('category', '问题类别', 12, ''),
  col('effect', '否决效果', 20, ''),
  col('docTypes', '文书类型', 24, ''),
  col('note', '备注', 24, ''),
] as const

export const ITEM_COLUMNS = [
  col('section.id', '部分编号', 10, '每行都可填写；留空表示同上'),
  col('section.name', '部分名称', 16, ''),
  col('section.points', '部分分值', 9, ''),
  col('section.description', '部分说明', 16, ''),
  col('item.id', '项目编号', 10, '每行都可填写；留空表示同上'),
  col('item.name', '项目名称', 22, ''),
  col('item.points', '项目分值', 9, ''),
  col('item.maxDeduction', '本项最多扣分', 10, ''),
  col('item.naAllowed', '可不适用', 9, '是／否'),
  col('item.naHint', '不适用提示', 16, ''),
  col('item.docTypes', '文书类型', 20, '文书类型编号，每行一个或以“、”分隔；“（无）”表示空列表'),
  col('item.description', '项目说明', 16, ''),
  col('veto', '否决', 6, '“是”表示本行是否决情形'),
  col('rule.id', '规则编号', 12, ''),
  col('rule.text', '规则说明', 40, ''),
  col('rule.kind', '扣分方式', 14, Object.values(deductionKindLabels).join('、')),
  col('rule.amount', '扣分值', 8, ''),
  col('rule.min', '最小', 7, ''),
  col('rule.max', '最大', 7, ''),
  col('rule.step', '步长', 7, ''),
  col('rule.maxDeduction', '上限', 7, ''),
  col('rule.elements', '要素', 24, '每行一个要素（单元格内换行）'),
  col('rule.category', '问题类别', 11, ''),
  col('rule.effect', '否决效果', 18, ''),
  col('rule.note', '备注', 20, ''),
] as const

export const BONUS_COLUMNS = [
  col('id', '编号', 10, ''),
  col('name', '名称', 30, ''),
  col('description', '说明', 30, ''),
  col('max', '最多加分', 10, ''),
  col('step', '步长', 8, ''),
  col('category', '问题类别', 12, ''),
  col('docTypes', '文书类型', 24, ''),
] as const

export const UNIT_COLUMNS = [
  col('id', '评定编号', 16, '同一评定的多个条件可留空表示同上'),
  col('name', '评定名称', 16, ''),
  col('kind', '条件', 12, Object.values(unitConditionLabels).join('、')),
  col('atLeastBand', '等次', 12, '“档次占比”条件：该等次及以上'),
  col('minPercent', '最低占比（%）', 14, ''),
  col('min', '最低平均分', 12, ''),
] as const

export const YES = '是'
export const NO = '否'
export const EMPTY_LIST = '（无）'
export const RANK_BY_MEAN = '按平均分'

/** Reads a code written either as the code itself or as its Chinese term. */
export function codeFrom<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  if (Object.prototype.hasOwnProperty.call(labels, text)) return text as T
  return (Object.keys(labels) as T[]).find((k) => labels[k] === text)
}

export { deductionKindLabels, floorLabels, naLabels, tieBreakLabels, unitConditionLabels, vetoEffectLabels }
