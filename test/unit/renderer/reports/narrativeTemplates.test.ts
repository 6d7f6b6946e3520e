import { describe, expect, it } from 'vitest'
import { buildReportModel, defaultNarrative, validateCampaignExport } from '@scoring/report/index'
import { applyTemplate, deleteTemplate, fillPlaceholders, listTemplates, placeholderValues, saveTemplate, toTemplateTexts } from '../../../../renderer/src/reports/narrativeTemplates'
import { buildCampaignExport } from '../../../../renderer/src/workflow/campaignExport'
import { finalisedCampaign } from './fixture'

describe('narrative templates', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillPlaceholders('{活动名称}共评查{案卷数}件，平均{平均分}分，{未知}', { 活动名称: '甲活动', 案卷数: '12', 平均分: '88.5' })).toBe('甲活动共评查12件，平均88.5分，{未知}')
    expect(fillPlaceholders('{{案卷数}}', { 案卷数: '3' })).toBe('{3}')
  })

  it('saves a campaign text as a template and fills it for another campaign from that campaign’s model', async () => {
    const first = await finalisedCampaign()
    const second = await finalisedCampaign()
    await second.db.campaigns.update(second.campaignId, { name: '2027年度行政许可案卷评查', organiser: '某县司法局' })
    const model = async (s: typeof first) => {
      const v = validateCampaignExport(JSON.parse(JSON.stringify(await buildCampaignExport(s.db, s.campaignId, 't'))))
      if (!v.ok) throw new Error('invalid')
      return buildReportModel(v.data)
    }
    const m1 = await model(first)
    const texts = { ...defaultNarrative(m1), results: '本次共评查{案卷数}件，平均得分{平均分}分。' }
    const asTemplate = toTemplateTexts(texts, placeholderValues(m1))
    expect(asTemplate.basicFacts).toContain('{组织单位}')
    expect(asTemplate.basicFacts).toContain('{活动名称}')
    expect(asTemplate.basicFacts).not.toContain('某市司法局')
    const saved = await saveTemplate(first.db, ' 年度通报 ', asTemplate)
    expect(saved.name).toBe('年度通报')
    await saveTemplate(first.db, '年度通报', asTemplate)
    expect(await listTemplates(first.db)).toHaveLength(1)

    const m2 = await model(second)
    const filled = applyTemplate(saved, m2)
    expect(filled.basicFacts).toContain('2027年度行政许可案卷评查')
    expect(filled.basicFacts).toContain('某县司法局')
    expect(filled.basicFacts).not.toContain('{')
    expect(filled.results).toBe(`本次共评查1件，平均得分${m2.totals.meanText}分。`)

    await deleteTemplate(first.db, saved.id)
    expect(await listTemplates(first.db)).toEqual([])
    await expect(saveTemplate(first.db, '  ', asTemplate)).rejects.toThrow('模板名称')
  })
})
