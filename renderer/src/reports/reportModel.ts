import { buildReportModel, validateCampaignExport, type CampaignExport, type ReportModel } from '@scoring/report/index'
import type { CaseDb } from '../store/db'
import { buildCampaignExport } from '../workflow/campaignExport'

export type LoadedModel = { ok: true; data: CampaignExport; model: ReportModel } | { ok: false; message: string }

/**
 * The report model exactly as the CLI would build it from the exported JSON: the export is
 * round-tripped through JSON and validated, so the app's documents and the CLI's never differ.
 */
export async function loadReportModel(db: CaseDb, campaignId: string, version: string, asOf?: string): Promise<LoadedModel> {
  let exported: CampaignExport
  try {
    exported = await buildCampaignExport(db, campaignId, version)
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : '读取评查活动失败' }
  }
  if (!exported.reviews.some((r) => r.state === 'finalised')) return { ok: false, message: '本活动还没有定稿的评查记录：至少一份评查记录定稿后才能生成通报、评分表和统计。' }
  const validated = validateCampaignExport(JSON.parse(JSON.stringify(exported)))
  if (!validated.ok) return { ok: false, message: `评查数据未通过校验：${validated.errors.slice(0, 3).map((e) => e.message).join('；')}` }
  try {
    return { ok: true, data: validated.data, model: buildReportModel(validated.data, asOf ? { asOf } : {}) }
  } catch (e) {
    return { ok: false, message: `生成报告数据失败：${e instanceof Error ? e.message : String(e)}` }
  }
}
