/**
 * The case list (案卷目录) an organiser fills in a spreadsheet: parsed and checked here, without
 * touching the store, so every row is known good before registerCases writes anything.
 */
import type { CampaignCaseRecord } from '../store/workflowRecords'

/** Columns of the case list, in the order the template shows them. */
export const CASE_LIST_COLUMNS = ['案卷文件', '执法单位', '案号', '案件类型', '当事人', '案由', '承办人', '立案日期', '结案日期'] as const
export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number]
const REQUIRED: CaseListColumn[] = ['案卷文件', '执法单位', '案号', '案件类型']

/** Case types with a Chinese name; a rubric may bring others, shown by their code. */
export const CASE_TYPE_NAMES: Record<string, string> = { licensing: '行政许可', penalty: '行政处罚', enforcement: '行政强制执行' }
export const caseTypeName = (code: string) => CASE_TYPE_NAMES[code] ?? code

export class CaseListError extends Error {}

/**
 * RFC 4180: quoted fields may hold commas, quotes ("" escapes one) and line breaks; CRLF, LF
 * or CR end a record. A leading BOM is dropped. Lenient where Excel is: a quote inside an
 * unquoted field is kept as text.
 */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < s.length) {
    const ch = s[i]!
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') {
      quoted = true
      i++
    } else if (ch === ',') {
      endField()
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1
    } else {
      field += ch
      i++
    }
  }
  if (quoted) throw new CaseListError('CSV 文件中有未闭合的引号（"），请检查文件是否完整')
  if (field !== '' || row.length > 0) endRow()
  return rows
}

/**
 * CSV bytes to text. Excel on Chinese Windows saves "CSV" as GBK and "CSV UTF-8" with a BOM;
 * bytes that are not valid UTF-8 are read as GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      return new TextDecoder('gb18030').decode(bytes)
    } catch {
      throw new CaseListError('无法识别 CSV 文件的编码，请另存为「CSV UTF-8（逗号分隔）」后重试')
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`

/** Cell values as exceljs gives them (string, number, Date, rich text, formula, hyperlink…) to text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoDay(value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string }
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('result' in v) return cellText(v.result)
    if (v.text !== undefined) return cellText(v.text)
    if (v.error) return ''
  }
  return String(value)
}

/** The first worksheet of an .xlsx as rows of text. Only .xlsx: the old binary .xls is refused with advice. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new CaseListError('无法读取该 Excel 文件：请确认是 .xlsx 格式（旧版 .xls 请在 Excel/WPS 中另存为 .xlsx）')
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw new CaseListError('Excel 文件中没有工作表')
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value))
    rows[rowNumber - 1] = cells
  })
  // eachRow leaves holes for rows never written; they are empty rows, and row numbers must stay true.
  return Array.from(rows, (r) => r ?? [])
}

/** Reads a chosen file by its name's extension. */
export async function readCaseListFile(name: string, bytes: Uint8Array): Promise<string[][]> {
  const lower = name.toLowerCase()
  if (lower.endsWith('.xlsx')) return readXlsx(bytes)
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return parseCsv(decodeCsv(bytes))
  if (lower.endsWith('.xls')) throw new CaseListError('不支持旧版 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后重试')
  throw new CaseListError(`不支持的文件类型：${name}（请选择 .xlsx 或 .csv 文件）`)
}

/**
 * A date as people type it (2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305) or an
 * Excel serial day number, as YYYY-MM-DD; null when it is not a real calendar day.
 */
export function normaliseDate(text: string): string | null {
  const t = text.trim()
  let y: number, m: number, d: number
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (parts) {
    y = Number(parts[1])
    m = Number(parts[2])
    d = Number(parts[3])
  } else if (/^\d{5}(\.0+)?$/.test(t)) {
    // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was, hence 1899-12-30.
    const date = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000)
    return isoDay(date)
  } else return null
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return isoDay(date)
}

export const splitHandlers = (text: string) =>
  text
    .split(/[,，、;；/]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** One checked row of the list, still by names: resolveCaseList turns names into ids. */
export type CaseListRow = Pick<CampaignCaseRecord, 'caseNumber' | 'caseType' | 'party' | 'cause' | 'handlers' | 'filedOn' | 'closedOn'> & {
  /** The row number the spreadsheet shows (the header is row 1). */
  row: number
  fileName: string
  agency: string
}

export interface CaseListContext {
  /** Case types this campaign has a pinned rubric for. */
  caseTypes: string[]
  agencies: { id: string; name: string }[]
  caseFiles: { id: string; name: string; pageCount: number }[]
  /** Already registered in the campaign, to refuse duplicates before anything is written. */
  registered: { caseFileId: string | null; agencyId: string; caseNumber: string }[]
}

/** A row ready to register: the stored case's fields, with the agency possibly still to be created. */
export type ResolvedCase = Pick<CampaignCaseRecord, 'caseNumber' | 'caseType' | 'party' | 'cause' | 'handlers' | 'filedOn' | 'closedOn' | 'pageCount'> & {
  row: number
  caseFileId: string
  /** An existing agency's id, or null with `newAgency` naming the agency to create. */
  agencyId: string | null
  newAgency: string | null
}

export interface CaseListResult {
  cases: ResolvedCase[]
  /** Agencies named in the list but not yet in the campaign; created on registration. */
  newAgencies: string[]
  /** Chinese, each naming the row and the column. Empty when the list can be registered. */
  errors: string[]
}

const at = (row: number, column: CaseListColumn, message: string) => `第 ${row} 行「${column}」：${message}`

function caseTypeFor(text: string, allowed: string[]): string | null {
  const t = text.trim()
  const byName = Object.entries(CASE_TYPE_NAMES).find(([, name]) => name === t || `${name}案卷` === t)
  const code = byName ? byName[0] : t
  return allowed.includes(code) ? code : null
}

/** Checks every row of a parsed table and resolves names against the campaign and the library. */
export function resolveCaseList(table: string[][], ctx: CaseListContext): CaseListResult {
  const errors: string[] = []
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex < 0) return { cases: [], newAgencies: [], errors: ['案卷目录是空的'] }
  const header = table[headerIndex]!.map((h) => h.replace(/^\uFEFF/, '').replace(/\s+/g, ''))
  const col = new Map<CaseListColumn, number>()
  for (const name of CASE_LIST_COLUMNS) {
    const i = header.indexOf(name)
    if (i >= 0) col.set(name, i)
  }
  const missing = REQUIRED.filter((c) => !col.has(c))
  if (missing.length) return { cases: [], newAgencies: [], errors: [`第 ${headerIndex + 1} 行（表头）缺少列：${missing.map((m) => `「${m}」`).join('、')}。表头应为：${CASE_LIST_COLUMNS.join('、')}`] }

  const filesByName = new Map<string, { id: string; name: string; pageCount: number }[]>()
  for (const f of ctx.caseFiles) {
    for (const key of [f.name, `${f.name}.pdf`]) filesByName.set(key, [...(filesByName.get(key) ?? []), f])
  }
  const agencyByName = new Map(ctx.agencies.map((a) => [a.name, a.id]))
  const usedFiles = new Map<string, number>()
  const usedNumbers = new Map<string, number>()
  const newAgencies: string[] = []
  const cases: ResolvedCase[] = []
  const allowedNames = ctx.caseTypes.map(caseTypeName).join('、')

  for (let r = headerIndex + 1; r < table.length; r++) {
    const cells = table[r]!
    if (cells.every((c) => c.trim() === '')) continue
    const row = r + 1
    const get = (c: CaseListColumn) => {
      const i = col.get(c)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    const before = errors.length

    const fileName = get('案卷文件')
    let file: { id: string; pageCount: number } | undefined
    if (!fileName) errors.push(at(row, '案卷文件', '不能为空，请填写案卷库中的案卷名称'))
    else {
      const hits = filesByName.get(fileName) ?? []
      if (hits.length === 0) errors.push(at(row, '案卷文件', `案卷库中没有名为「${fileName}」的案卷，请先导入扫描件`))
      else if (new Set(hits.map((h) => h.id)).size > 1) errors.push(at(row, '案卷文件', `案卷库中有多个名为「${fileName}」的案卷，请改用表单逐件登记`))
      else {
        file = hits[0]
        if (ctx.registered.some((e) => e.caseFileId === file!.id)) errors.push(at(row, '案卷文件', `「${fileName}」已在本次活动中登记`))
        else if (usedFiles.has(file!.id)) errors.push(at(row, '案卷文件', `「${fileName}」与第 ${usedFiles.get(file!.id)} 行重复`))
        else usedFiles.set(file!.id, row)
      }
    }

    const agency = get('执法单位')
    if (!agency) errors.push(at(row, '执法单位', '不能为空'))
    const agencyId = agency ? (agencyByName.get(agency) ?? null) : null
    if (agency && agencyId === null && !newAgencies.includes(agency)) newAgencies.push(agency)

    const caseNumber = get('案号')
    if (!caseNumber) errors.push(at(row, '案号', '不能为空'))
    else if (agency) {
      const key = `${agency}\u0000${caseNumber}`
      if (agencyId && ctx.registered.some((e) => e.agencyId === agencyId && e.caseNumber === caseNumber)) errors.push(at(row, '案号', `「${caseNumber}」已在本次活动中登记`))
      else if (usedNumbers.has(key)) errors.push(at(row, '案号', `「${caseNumber}」与第 ${usedNumbers.get(key)} 行重复`))
      else usedNumbers.set(key, row)
    }

    const typeText = get('案件类型')
    const caseType = typeText ? caseTypeFor(typeText, ctx.caseTypes) : null
    if (!typeText) errors.push(at(row, '案件类型', `不能为空，可填：${allowedNames}`))
    else if (!caseType) errors.push(at(row, '案件类型', `本次活动没有「${typeText}」的评查标准，可填：${allowedNames}`))

    const dates: Partial<Record<'立案日期' | '结案日期', string>> = {}
    for (const c of ['立案日期', '结案日期'] as const) {
      const text = get(c)
      if (!text) continue
      const iso = normaliseDate(text)
      if (iso) dates[c] = iso
      else errors.push(at(row, c, `「${text}」不是有效日期，请写成 2024-03-05 的形式`))
    }
    if (dates['立案日期'] && dates['结案日期'] && dates['立案日期'] > dates['结案日期']) errors.push(at(row, '结案日期', `结案日期 ${dates['结案日期']} 早于立案日期 ${dates['立案日期']}`))

    if (errors.length > before || !file || !caseType) continue
    cases.push({
      row,
      caseFileId: file.id,
      agencyId,
      newAgency: agencyId ? null : agency,
      caseNumber,
      caseType,
      party: get('当事人'),
      cause: get('案由'),
      handlers: splitHandlers(get('承办人')),
      filedOn: dates['立案日期'] ?? '',
      closedOn: dates['结案日期'] ?? '',
      pageCount: file.pageCount,
    })
  }
  if (errors.length === 0 && cases.length === 0) errors.push('案卷目录中没有数据行')
  return { cases: errors.length ? [] : cases, newAgencies: errors.length ? [] : newAgencies, errors }
}

/** A CSV template with the header and one example row, UTF-8 with BOM so Excel opens it correctly. */
export function caseListTemplateCsv(): string {
  const example = ['某局行政处罚案卷', '某市市场监督管理局', '某市监处罚〔2024〕12号', '行政处罚', '某某商贸有限公司', '销售不合格产品', '张三、李四', '2024-03-05', '2024-05-20']
  return `\uFEFF${CASE_LIST_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`
}
