import type { Rubric } from '@scoring/index'
import { validateRubric } from '@scoring/index'

export type RubricFileResult = { ok: true; rubric: Rubric } | { ok: false; messages: string[] }

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Reads a rubric from a .json or .xlsx file; every refusal is a Chinese line an author can act on. */
export async function readRubricFile(file: File): Promise<RubricFileResult> {
  if (/\.xlsx$/i.test(file.name)) {
    const { rubricFromXlsx } = await import('../export/rubricXlsx')
    const r = await rubricFromXlsx(new Uint8Array(await file.arrayBuffer()))
    if (r.ok) return r
    return {
      ok: false,
      messages: r.errors.map((e) => `${e.sheet ? `工作表「${e.sheet}」` : ''}${e.row !== null ? `第${e.row}行` : ''}${e.column ? `「${e.column}」列` : ''}${e.cell ? `（${e.cell}）` : ''}：${e.message}`),
    }
  }
  let json: unknown
  try {
    json = JSON.parse(await file.text())
  } catch (e) {
    return { ok: false, messages: [`${file.name} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`] }
  }
  const v = validateRubric(json)
  return v.ok ? v : { ok: false, messages: v.errors.map((e) => `${e.path}：${e.message}`) }
}

export function rubricFileName(r: Rubric, ext: 'json' | 'xlsx'): string {
  return `${r.name.replace(/[\\/:*?"<>|]/g, '_')}-第${r.version}版.${ext}`
}

export function rubricJsonBlob(r: Rubric): Blob {
  return new Blob([`${JSON.stringify(r, null, 2)}\n`], { type: 'application/json' })
}

// Loaded on demand: the spreadsheet library is large and only authors exporting or importing need it.
export async function rubricXlsxBlob(r: Rubric): Promise<Blob> {
  const { rubricToXlsx } = await import('../export/rubricXlsx')
  return new Blob([(await rubricToXlsx(r)) as Uint8Array<ArrayBuffer>], { type: XLSX_MIME })
}
