import { z } from 'zod'
import { reviewSchema } from '../review/schema'
import { campaignExportSchema } from './exportSchema'

/**
 * The JSON Schema published as resources/schemas/campaign-export.schema.json, generated from the zod schema so the
 * two cannot drift (a unit test compares them). Embedded rubrics and reviews point at their own schema files.
 */
export function campaignExportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(campaignExportSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema !== reviewSchema) return
      const js = ctx.jsonSchema as Record<string, unknown>
      for (const k of Object.keys(js)) delete js[k]
      Object.assign(js, { $ref: 'review.schema.json', description: '评查记录，格式见 review.schema.json；其 rubricId/rubricVersion 选定所用评查标准。得分不保存在导出文件中，由报告重新计算。' })
    },
  }) as Record<string, unknown> & { properties: Record<string, unknown> }
  const { $schema: _drop, ...rest } = generated
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://case-review-desk.local/schemas/campaign-export.schema.json',
    title: '评查结果导出文件',
    description:
      '一次评查活动的全部评查结果（case-review-campaign-export/1）：活动与评查组、被评查单位、评查标准、案卷、评查记录和整改台账。得分不保存在文件中：通报、评查表、整改通知书和台账都由评查记录重新计分生成，篡改的总分无从混入。评查记录的 hash 是其规范化 JSON（键按字典序、无空白）的 SHA-256。由 scoring/campaign/jsonSchema.ts 生成，请勿手工修改。',
    ...rest,
    properties: {
      ...rest.properties,
      rubrics: { type: 'array', minItems: 1, description: '完整的评查标准（格式见 rubric.schema.json），评查记录按 id + version 引用。', items: { $ref: 'rubric.schema.json' } },
    },
  }
}
