import { cnDate, type NarrativeTexts, type ReportModel } from '@scoring/report/index'
import type { CaseDb } from '../store/db'

export const NARRATIVE_KEYS = ['basicFacts', 'results', 'goodPractice', 'problems', 'requirements'] as const satisfies readonly (keyof NarrativeTexts)[]
export const narrativeLabels: Record<keyof NarrativeTexts, string> = {
  basicFacts: '一、基本情况',
  results: '二、评查结果',
  goodPractice: '三、主要亮点',
  problems: '四、存在的主要问题',
  requirements: '五、整改要求',
}

export interface NarrativeTemplate {
  id: string
  name: string
  texts: NarrativeTexts
  savedAt: string
}

const TEMPLATES_KEY = 'reports.narrativeTemplates'
const draftKey = (campaignId: string) => `reports.narrative.${campaignId}`

/** What each placeholder stands for in a campaign; every number comes from the report model. */
export function placeholderValues(model: ReportModel): Record<string, string> {
  const c = model.data.campaign
  const t = model.totals
  return {
    活动名称: c.name,
    组织单位: c.organiser,
    年度: String(c.year),
    文号: c.documentNumber ?? '',
    评查范围: c.scope,
    评查依据: c.basis ?? '',
    开始日期: cnDate(c.startedOn),
    结束日期: cnDate(c.endedOn),
    案卷数: String(t.files),
    单位数: String(t.agencies),
    平均分: t.meanText,
    最高分: t.maxText,
    最低分: t.minText,
    问题数: String(t.problems),
    问题案卷数: String(t.filesWithProblems),
    否决卷数: String(t.vetoFiles),
    整改期限: c.rectificationDeadline ? cnDate(c.rectificationDeadline) : '规定期限',
  }
}

export const PLACEHOLDERS = ['活动名称', '组织单位', '年度', '文号', '评查范围', '评查依据', '开始日期', '结束日期', '案卷数', '单位数', '平均分', '最高分', '最低分', '问题数', '问题案卷数', '否决卷数', '整改期限'] as const

/** Fills {占位符} with this campaign's values; unknown names stay as written so a typo is visible, not silently dropped. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{([^{}\s]{1,12})\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))
}

/**
 * Turns this campaign's texts into a reusable template: its name, organiser and dates become placeholders,
 * as they are the parts that certainly differ next time. Numbers are left for the author to mark,
 * since replacing "1" everywhere would corrupt dates and list numbers.
 */
export function toTemplateTexts(texts: NarrativeTexts, values: Record<string, string>): NarrativeTexts {
  const swaps = (['活动名称', '组织单位', '整改期限', '开始日期', '结束日期'] as const).map((k) => [values[k] ?? '', k] as const).filter(([v]) => v.length >= 2).sort((a, b) => b[0].length - a[0].length)
  const out = { ...texts }
  for (const k of NARRATIVE_KEYS) for (const [v, name] of swaps) out[k] = out[k].split(v).join(`{${name}}`)
  return out
}

export function applyTemplate(template: NarrativeTemplate, model: ReportModel): NarrativeTexts {
  const values = placeholderValues(model)
  const out = { ...template.texts }
  for (const k of NARRATIVE_KEYS) out[k] = fillPlaceholders(template.texts[k] ?? '', values)
  return out
}

function isTemplate(v: unknown): v is NarrativeTemplate {
  return typeof v === 'object' && v !== null && typeof (v as NarrativeTemplate).id === 'string' && typeof (v as NarrativeTemplate).name === 'string' && typeof (v as NarrativeTemplate).texts === 'object'
}

export async function listTemplates(db: CaseDb): Promise<NarrativeTemplate[]> {
  const v = (await db.settings.get(TEMPLATES_KEY))?.value
  return Array.isArray(v) ? v.filter(isTemplate) : []
}

/** Saves under a name; a template of the same name is replaced, as users expect from 另存为. */
export async function saveTemplate(db: CaseDb, name: string, texts: NarrativeTexts): Promise<NarrativeTemplate> {
  const trimmed = name.trim()
  if (!trimmed) throw new Error('请填写模板名称')
  return db.transaction('rw', db.settings, async () => {
    const all = await listTemplates(db)
    const template: NarrativeTemplate = { id: all.find((t) => t.name === trimmed)?.id ?? crypto.randomUUID(), name: trimmed, texts, savedAt: new Date().toISOString() }
    await db.settings.put({ key: TEMPLATES_KEY, value: [...all.filter((t) => t.id !== template.id), template] })
    return template
  })
}

export async function deleteTemplate(db: CaseDb, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: TEMPLATES_KEY, value: (await listTemplates(db)).filter((t) => t.id !== id) })
  })
}

/** The campaign's edited texts; sections never edited are absent and fall back to the defaults. */
export async function loadNarrative(db: CaseDb, campaignId: string): Promise<Partial<NarrativeTexts>> {
  const v = (await db.settings.get(draftKey(campaignId)))?.value
  return typeof v === 'object' && v !== null ? (v as Partial<NarrativeTexts>) : {}
}

export async function saveNarrative(db: CaseDb, campaignId: string, texts: Partial<NarrativeTexts>): Promise<void> {
  await db.settings.put({ key: draftKey(campaignId), value: texts })
}
