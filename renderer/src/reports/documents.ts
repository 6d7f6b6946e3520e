import { agencyNotice, verificationFor, type CampaignExport, type FileResult, type NarrativeTexts, type ReportModel } from '@scoring/report/index'
import { circularDocx, ledgerXlsx, rectificationNoticeDocx, scoreSheetDocx, scoreSheetXlsx, type ScoreSheetInput } from '../export/index'
import { sha256Hex } from '../workflow/hash'

export interface ExportedFile {
  name: string
  bytes: Uint8Array
  mime: string
}

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
} as const

/** File names keep the Chinese title but lose characters Windows refuses (〔〕 are fine, / and : are not). */
export function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').trim() || '导出'
}

/** Finalised files carry the QR verification string; anything else would certify a result that can still change. */
export async function sheetInput(model: ReportModel, file: FileResult): Promise<ScoreSheetInput> {
  return file.entry.state === 'finalised' ? { file, verification: await verificationFor(model.data.campaign.id, file, sha256Hex) } : { file }
}

export function fileByCase(model: ReportModel, caseId: string): FileResult {
  const f = model.files.find((x) => x.case.id === caseId)
  if (!f) throw new Error('该案卷没有定稿的评查记录，不能导出评分表')
  return f
}

export async function scoreSheetFile(model: ReportModel, caseId: string, format: 'docx' | 'xlsx'): Promise<ExportedFile> {
  const f = fileByCase(model, caseId)
  const input = await sheetInput(model, f)
  const bytes = format === 'docx' ? await scoreSheetDocx(model, [input]) : await scoreSheetXlsx(model, [input])
  return { name: safeName(`评分表_${f.case.caseNumber}.${format}`), bytes, mime: MIME[format] }
}

export async function circularFile(model: ReportModel, narrative: NarrativeTexts): Promise<ExportedFile> {
  const bytes = await circularDocx(model, narrative)
  return { name: safeName(`${model.data.campaign.name}情况通报.docx`), bytes, mime: MIME.docx }
}

export async function ledgerFile(model: ReportModel): Promise<ExportedFile> {
  return { name: safeName(`${model.data.campaign.name}整改台账.xlsx`), bytes: await ledgerXlsx(model), mime: MIME.xlsx }
}

export async function noticeFile(model: ReportModel, agencyId: string): Promise<ExportedFile> {
  const n = agencyNotice(model, agencyId)
  if (!n) throw new Error('找不到该被评查单位')
  return { name: safeName(`整改通知书_${n.agency.name}.docx`), bytes: await rectificationNoticeDocx(model, [n]), mime: MIME.docx }
}

/** The documented campaign export (what `npm run cli -- report` reads), with the circular's edited texts. */
export function campaignJsonFile(data: CampaignExport, narrative?: NarrativeTexts): ExportedFile {
  const json = JSON.stringify({ ...data, ...(narrative ? { narrative } : {}) }, null, 2)
  return { name: safeName(`${data.campaign.name}.campaign.json`), bytes: new TextEncoder().encode(json), mime: MIME.json }
}
