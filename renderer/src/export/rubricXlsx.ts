import ExcelJS from 'exceljs'
import type { Rubric, ValidateRubricOptions } from '@scoring/index'
import { jsonPath, validateRubric } from '@scoring/index'
import type { Column } from './rubricXlsxLayout'
import {
  BAND_COLUMNS,
  BASIC_COLUMNS,
  BONUS_COLUMNS,
  CATEGORY_COLUMNS,
  codeFrom,
  deductionKindLabels,
  DOCTYPE_COLUMNS,
  EMPTY_LIST,
  floorLabels,
  INFO_FIELDS,
  ITEM_COLUMNS,
  naLabels,
  NO,
  POLICY_FIELDS,
  RANK_BY_MEAN,
  SHEETS,
  tieBreakLabels,
  UNIT_COLUMNS,
  unitConditionLabels,
  vetoEffectLabels,
  YES,
} from './rubricXlsxLayout'

// Runs in the renderer and in the CLI: no DOM, no Node APIs; bytes in and out as Uint8Array.

/** One import problem, located the way an author finds it in Excel or WPS. Rows are 1-based as the spreadsheet shows them. */
export interface XlsxImportError {
  sheet: string
  row: number | null
  /** Header text of the column (项目分值); null when the problem is about a whole row or sheet. */
  column: string | null
  /** Spreadsheet address such as "G5", when a single cell is meant. */
  cell: string | null
  message: string
}

export type RubricXlsxImport = { ok: true; rubric: Rubric } | { ok: false; errors: XlsxImportError[] }

type Cell = string | number | boolean | null

// ---------------------------------------------------------------------------------------------- writing

/** The rubric as a workbook an author can edit in Excel or WPS: one row per item and per deduction rule or veto. */
export async function rubricToXlsx(rubric: Rubric): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '案卷评查台'
  writeReadme(wb.addWorksheet(SHEETS.readme))
  const info: Record<string, Cell | undefined> = {
    format: rubric.format,
    $schema: rubric.$schema,
    id: rubric.id,
    name: rubric.name,
    version: rubric.version,
    caseType: rubric.caseType,
    standard: rubric.standard,
    status: rubric.status,
    description: rubric.description,
    total: rubric.total,
    'docTypes.list': rubric.docTypes.list,
    'basic.title': rubric.basic?.title,
    'basic.description': rubric.basic?.description,
    'bonus.title': rubric.bonus?.title,
    'bonus.cap': rubric.bonus?.cap,
    'bonus.mayExceedTotal': bool(rubric.bonus?.mayExceedTotal),
    'units.meanBanding': bool(rubric.units?.meanBanding),
    'units.ranking': rubric.units?.ranking ? RANK_BY_MEAN : undefined,
    'units.ranking.tieBreak': rubric.units?.ranking ? tieBreakLabels[rubric.units.ranking.tieBreak] : undefined,
  }
  writeFields(wb.addWorksheet(SHEETS.info), INFO_FIELDS, info)
  writeFields(wb.addWorksheet(SHEETS.policies), POLICY_FIELDS, {
    floor: floorLabels[rubric.policies.floor],
    na: naLabels[rubric.policies.na],
    vetoEffect: vetoEffectLabels[rubric.policies.vetoEffect],
  })
  writeTable(wb.addWorksheet(SHEETS.bands), BAND_COLUMNS, rubric.bands.map((b) => ({ id: b.id, name: b.name, min: b.min, below: b.below })))
  writeTable(wb.addWorksheet(SHEETS.categories), CATEGORY_COLUMNS, rubric.categories.map((c) => ({ ...c })))
  writeTable(wb.addWorksheet(SHEETS.docTypes), DOCTYPE_COLUMNS, (rubric.docTypes.extra ?? []).map((d) => ({ ...d })))
  writeTable(
    wb.addWorksheet(SHEETS.basic),
    BASIC_COLUMNS,
    (rubric.basic?.items ?? []).map((b) => ({ group: b.group, id: b.id, text: b.text, category: b.category, effect: b.effect && vetoEffectLabels[b.effect], docTypes: list(b.docTypes), note: b.note })),
  )
  const rows: Record<string, Cell | undefined>[] = []
  for (const s of rubric.sections) {
    s.items.forEach((it, ii) => {
      const head: Record<string, Cell | undefined> = {
        'section.id': s.id,
        'item.id': it.id,
        ...(ii === 0 ? { 'section.name': s.name, 'section.points': s.points, 'section.description': s.description } : {}),
        'item.name': it.name,
        'item.points': it.points,
        'item.maxDeduction': it.maxDeduction,
        'item.naAllowed': bool(it.naAllowed),
        'item.naHint': it.naHint,
        'item.docTypes': list(it.docTypes),
        'item.description': it.description,
      }
      const lines: Record<string, Cell | undefined>[] = []
      for (const v of it.vetoes ?? []) lines.push({ veto: YES, 'rule.id': v.id, 'rule.text': v.text, 'rule.category': v.category, 'rule.effect': v.effect && vetoEffectLabels[v.effect], 'rule.note': v.note })
      for (const r of it.rules ?? []) {
        const line: Record<string, Cell | undefined> = { 'rule.id': r.id, 'rule.text': r.text, 'rule.kind': deductionKindLabels[r.kind], 'rule.category': r.category, 'rule.note': r.note }
        if (r.kind === 'fixed' || r.kind === 'perOccurrence' || r.kind === 'perElement') line['rule.amount'] = r.amount
        if (r.kind === 'perOccurrence' || r.kind === 'perElement') line['rule.maxDeduction'] = r.maxDeduction
        if (r.kind === 'perElement' && r.elements) line['rule.elements'] = r.elements.join('\n')
        if (r.kind === 'range') Object.assign(line, { 'rule.min': r.min, 'rule.max': r.max, 'rule.step': r.step })
        lines.push(line)
      }
      if (lines.length === 0) rows.push(head)
      lines.forEach((line, k) => rows.push(k === 0 ? { ...head, ...line } : { 'section.id': s.id, 'item.id': it.id, ...line }))
    })
  }
  const items = wb.addWorksheet(SHEETS.items)
  writeTable(items, ITEM_COLUMNS, rows)
  items.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }]
  writeTable(
    wb.addWorksheet(SHEETS.bonus),
    BONUS_COLUMNS,
    (rubric.bonus?.items ?? []).map((b) => ({ id: b.id, name: b.name, description: b.description, max: b.max, step: b.step, category: b.category, docTypes: list(b.docTypes) })),
  )
  const unitRows: Record<string, Cell | undefined>[] = []
  for (const r of rubric.units?.ratings ?? []) {
    r.conditions.forEach((c, k) => {
      const row: Record<string, Cell | undefined> = { id: r.id, ...(k === 0 ? { name: r.name } : {}), kind: unitConditionLabels[c.kind] }
      if (c.kind === 'share') Object.assign(row, { atLeastBand: c.atLeastBand, minPercent: c.minPercent })
      if (c.kind === 'mean') row.min = c.min
      unitRows.push(row)
    })
  }
  writeTable(wb.addWorksheet(SHEETS.units), UNIT_COLUMNS, unitRows)
  addChoices(wb)
  const buf = await wb.xlsx.writeBuffer()
  return new Uint8Array(buf as ArrayBuffer)
}

function bool(v: boolean | undefined): string | undefined {
  return v === undefined ? undefined : v ? YES : NO
}

function list(ids: readonly string[] | undefined): string | undefined {
  if (!ids) return undefined
  if (ids.length === 0) return EMPTY_LIST
  return ids.join(ids.some((i) => i.includes('、')) ? '\n' : '、')
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EFFF' } } as const

function writeTable(ws: ExcelJS.Worksheet, columns: readonly Column[], rows: Record<string, Cell | undefined>[]): void {
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.fill = HEADER_FILL
  columns.forEach((c, i) => {
    if (c.hint) header.getCell(i + 1).note = c.hint
  })
  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => r[c.key] ?? null))
    row.alignment = { vertical: 'top', wrapText: true }
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }]
}

function writeFields(ws: ExcelJS.Worksheet, fields: readonly Column[], values: Record<string, Cell | undefined>): void {
  ws.columns = [
    { header: '字段', key: 'k', width: 18 },
    { header: '值', key: 'v', width: 60 },
    { header: '填写说明', key: 'h', width: 50 },
  ]
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).fill = HEADER_FILL
  for (const f of fields) ws.addRow([f.header, values[f.key] ?? null, f.hint]).alignment = { vertical: 'top', wrapText: true }
}

/** Drop-down lists for the coded columns, so an author picks a term instead of typing it. */
function addChoices(wb: ExcelJS.Workbook): void {
  const choose = (sheet: string, columns: readonly Column[], key: string, options: string[]): void => {
    const ws = wb.getWorksheet(sheet)
    const index = columns.findIndex((c) => c.key === key)
    if (!ws || index < 0) return
    const letter = columnLetter(index + 1)
    // Excel limits an inline list to 255 characters; longer lists are left as free text with the hint.
    const formula = `"${options.join(',')}"`
    if (formula.length > 255) return
    // Counted from rows holding values: touching a cell for its validation grows rowCount.
    const last = Math.max(ws.actualRowCount, 2) + 200
    for (let r = 2; r <= last; r++) ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [formula] }
  }
  choose(SHEETS.items, ITEM_COLUMNS, 'rule.kind', Object.values(deductionKindLabels))
  choose(SHEETS.items, ITEM_COLUMNS, 'veto', [YES, NO])
  choose(SHEETS.items, ITEM_COLUMNS, 'item.naAllowed', [YES, NO])
  choose(SHEETS.items, ITEM_COLUMNS, 'rule.effect', Object.values(vetoEffectLabels))
  choose(SHEETS.basic, BASIC_COLUMNS, 'effect', Object.values(vetoEffectLabels))
  choose(SHEETS.units, UNIT_COLUMNS, 'kind', Object.values(unitConditionLabels))
}

function writeReadme(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 110 }]
  const lines = [
    '评查标准工作簿（案卷评查台）',
    '',
    '本工作簿可在 Excel 或 WPS 中填写，再在案卷评查台「评查标准」中导入。各工作表：',
    `「${SHEETS.info}」「${SHEETS.policies}」：每行一个字段，在「值」一列填写。`,
    `「${SHEETS.items}」：每个评查项目的每条扣分规则或否决情形占一行；部分、项目的信息写在其第一行，后续行的部分编号、项目编号可重复填写或留空（表示同上）。`,
    '「否决」列填“是”的行是该项目的否决情形；其余行是扣分规则，须选择扣分方式：',
    `    ${Object.values(deductionKindLabels).join('、')}。固定扣分、每处扣分、每缺一项扣分填「扣分值」；区间酌情扣分填「最小」「最大」「步长」；每处、每缺一项扣分可填「上限」。`,
    '「要素」：每缺一项扣分时可列出要素，单元格内每行一个（Alt+Enter 换行）。',
    '「文书类型」：填文书类型编号，以“、”分隔；“（无）”表示空列表。',
    `「${SHEETS.bands}」「${SHEETS.categories}」「${SHEETS.docTypes}」「${SHEETS.basic}」「${SHEETS.bonus}」「${SHEETS.units}」：每行一项。`,
    '是／否字段填“是”或“否”；留空表示不设。分值最多两位小数。列可调换顺序，但列名不可修改。',
    '完整说明见 resources/schemas/rubric-xlsx-layout.md。',
  ]
  for (const l of lines) ws.addRow([l])
  ws.getRow(1).font = { bold: true, size: 14 }
}

// ---------------------------------------------------------------------------------------------- reading

interface Loc {
  sheet: string
  row: number | null
  column: Column | null
  col: number | null
}

class Reader {
  errors: XlsxImportError[] = []
  /** JSON path of every node and field built from the workbook → where it came from, to place validation errors. */
  locs = new Map<string, Loc>()

  fail(loc: Loc, message: string): void {
    this.errors.push(toError(loc, message))
  }

  at(path: readonly (string | number)[], loc: Loc): void {
    this.locs.set(jsonPath(path), loc)
  }

  locate(path: string): Loc | undefined {
    for (let p = path; ; ) {
      const hit = this.locs.get(p)
      if (hit) return hit
      const shorter = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')
      if (shorter === p) return undefined
      p = shorter
    }
  }
}

function toError(loc: Loc, message: string): XlsxImportError {
  return {
    sheet: loc.sheet,
    row: loc.row,
    column: loc.column?.header ?? null,
    cell: loc.col !== null && loc.row !== null ? `${columnLetter(loc.col)}${loc.row}` : null,
    message,
  }
}

function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

/** A cell's value as text or number, whatever the author's spreadsheet made of it (rich text, formula, link). */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if ('richText' in v) return v.richText.map((t) => t.text).join('')
  if ('formula' in v || 'sharedFormula' in v) {
    const r = (v as { result?: unknown }).result
    return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? r : null
  }
  if ('text' in v) return String(v.text)
  return null
}

/** One data row of a sheet, read through the layout's column names. */
class Row {
  constructor(
    private reader: Reader,
    readonly sheet: string,
    readonly row: number,
    private values: Map<string, { value: Cell; col: number; column: Column }>,
    private columns: readonly Column[],
  ) {}

  loc(key: string): Loc {
    const c = this.values.get(key)
    const column = c?.column ?? this.columns.find((x) => x.key === key) ?? null
    return { sheet: this.sheet, row: this.row, column, col: c?.col ?? null }
  }

  rowLoc(): Loc {
    return { sheet: this.sheet, row: this.row, column: null, col: null }
  }

  blank(key: string): boolean {
    const v = this.values.get(key)?.value
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
  }

  text(key: string): string | undefined {
    if (this.blank(key)) return undefined
    const v = this.values.get(key)!.value
    return typeof v === 'boolean' ? (v ? YES : NO) : String(v)
  }

  number(key: string): number | undefined {
    if (this.blank(key)) return undefined
    const v = this.values.get(key)!.value
    if (typeof v === 'number') return v
    const n = typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN
    if (Number.isNaN(n)) {
      this.reader.fail(this.loc(key), `「${String(v)}」不是数字`)
      return undefined
    }
    return n
  }

  bool(key: string): boolean | undefined {
    if (this.blank(key)) return undefined
    const v = this.values.get(key)!.value
    if (typeof v === 'boolean') return v
    const t = String(v).trim()
    if (t === YES) return true
    if (t === NO) return false
    this.reader.fail(this.loc(key), `须填“${YES}”或“${NO}”，不能是「${t}」`)
    return undefined
  }

  code<T extends string>(key: string, labels: Record<T, string>): T | undefined {
    const t = this.text(key)?.trim()
    if (t === undefined) return undefined
    const c = codeFrom(labels, t)
    if (c === undefined) this.reader.fail(this.loc(key), `「${t}」不是可用的取值，可用：${Object.values<string>(labels).join('、')}`)
    return c
  }

  ids(key: string): string[] | undefined {
    const t = this.text(key)?.trim()
    if (t === undefined) return undefined
    if (t === EMPTY_LIST) return []
    return t.split(t.includes('\n') ? /\r?\n/ : '、').map((x) => x.trim()).filter((x) => x !== '')
  }

  lines(key: string): string[] | undefined {
    const t = this.text(key)
    if (t === undefined) return undefined
    return t.split(/\r?\n/).filter((x) => x.trim() !== '')
  }
}

function readTable(reader: Reader, ws: ExcelJS.Worksheet | undefined, sheet: string, columns: readonly Column[], required: boolean): Row[] {
  if (!ws) {
    if (required) reader.fail({ sheet, row: null, column: null, col: null }, `缺少工作表「${sheet}」`)
    return []
  }
  const byHeader = new Map(columns.map((c) => [c.header, c]))
  const positions: { col: number; column: Column }[] = []
  const seen = new Set<string>()
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = String(plain(cell.value) ?? '').trim()
    if (header === '') return
    const column = byHeader.get(header)
    if (!column) return reader.fail({ sheet, row: 1, column: null, col }, `未知的列「${header}」，可用的列：${columns.map((c) => c.header).join('、')}`)
    if (seen.has(header)) return reader.fail({ sheet, row: 1, column, col }, `列「${header}」重复`)
    seen.add(header)
    positions.push({ col, column })
  })
  const rows: Row[] = []
  for (let r = 2; r <= ws.rowCount; r++) {
    const excelRow = ws.getRow(r)
    const values = new Map<string, { value: Cell; col: number; column: Column }>()
    let any = false
    for (const p of positions) {
      const value = plain(excelRow.getCell(p.col).value)
      if (value !== null && !(typeof value === 'string' && value.trim() === '')) any = true
      values.set(p.column.key, { value, col: p.col, column: p.column })
    }
    if (any) rows.push(new Row(reader, sheet, r, values, columns))
  }
  return rows
}

/** Reads a 字段/值 sheet; returns one Row per known field so values and locations come out the same way as in tables. */
function readFields(reader: Reader, ws: ExcelJS.Worksheet | undefined, sheet: string, fields: readonly Column[]): Map<string, Row> {
  const out = new Map<string, Row>()
  if (!ws) {
    reader.fail({ sheet, row: null, column: null, col: null }, `缺少工作表「${sheet}」`)
    return out
  }
  const byHeader = new Map(fields.map((f) => [f.header, f]))
  for (let r = 2; r <= ws.rowCount; r++) {
    const label = String(plain(ws.getRow(r).getCell(1).value) ?? '').trim()
    if (label === '') continue
    const field = byHeader.get(label)
    const valueColumn: Column = { key: field?.key ?? label, header: '值', width: 0, hint: '' }
    if (!field) {
      reader.fail({ sheet, row: r, column: null, col: 1 }, `未知的字段「${label}」，可用：${fields.map((f) => f.header).join('、')}`)
      continue
    }
    if (out.has(field.key)) {
      reader.fail({ sheet, row: r, column: null, col: 1 }, `字段「${label}」重复`)
      continue
    }
    const values = new Map([[field.key, { value: plain(ws.getRow(r).getCell(2).value), col: 2, column: valueColumn }]])
    out.set(field.key, new Row(reader, sheet, r, values, [valueColumn]))
  }
  return out
}

/**
 * Reads a workbook in the documented layout into a validated rubric. Every problem — a missing sheet, an unknown
 * column, a bad number, and every rule of validateRubric — is reported with its sheet, row and column.
 */
export async function rubricFromXlsx(data: Uint8Array | ArrayBuffer, options: ValidateRubricOptions = {}): Promise<RubricXlsxImport> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(data instanceof Uint8Array ? (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer) : data)
  } catch (e) {
    return { ok: false, errors: [{ sheet: '', row: null, column: null, cell: null, message: `不是有效的 XLSX 工作簿：${e instanceof Error ? e.message : String(e)}` }] }
  }
  const reader = new Reader()
  const json = readWorkbook(reader, wb)
  if (reader.errors.length > 0) return { ok: false, errors: reader.errors }
  const v = validateRubric(json, options)
  if (v.ok) return v
  return {
    ok: false,
    errors: v.errors.map((e) => {
      const loc = reader.locate(e.path)
      return loc ? toError(loc, e.message) : { sheet: SHEETS.info, row: null, column: null, cell: null, message: `${e.path}：${e.message}` }
    }),
  }
}

function readWorkbook(reader: Reader, wb: ExcelJS.Workbook): Record<string, unknown> {
  const sheet = (name: string) => wb.getWorksheet(name)
  const info = readFields(reader, sheet(SHEETS.info), SHEETS.info, INFO_FIELDS)
  const policyRows = readFields(reader, sheet(SHEETS.policies), SHEETS.policies, POLICY_FIELDS)
  const field = <T>(rows: Map<string, Row>, key: string, path: (string | number)[], read: (row: Row) => T | undefined): T | undefined => {
    const row = rows.get(key)
    if (!row) return undefined
    reader.at(path, row.loc(key))
    return read(row)
  }
  const s = (key: string, path: (string | number)[]) => field(info, key, path, (r) => r.text(key))
  const n = (key: string, path: (string | number)[]) => field(info, key, path, (r) => r.number(key))
  const b = (key: string, path: (string | number)[]) => field(info, key, path, (r) => r.bool(key))

  const out: Record<string, unknown> = {}
  put(out, '$schema', s('$schema', ['$schema']))
  put(out, 'format', s('format', ['format']))
  put(out, 'id', s('id', ['id']))
  put(out, 'name', s('name', ['name']))
  put(out, 'version', n('version', ['version']))
  put(out, 'caseType', s('caseType', ['caseType']))
  put(out, 'standard', s('standard', ['standard']))
  put(out, 'status', s('status', ['status']))
  put(out, 'description', s('description', ['description']))
  put(out, 'total', n('total', ['total']))

  const categories = readTable(reader, sheet(SHEETS.categories), SHEETS.categories, CATEGORY_COLUMNS, true).map((row, i) => {
    reader.at(['categories', i], row.rowLoc())
    return node(reader, ['categories', i], row, CATEGORY_COLUMNS, (k) => row.text(k))
  })
  out.categories = categories

  const docTypes: Record<string, unknown> = {}
  put(docTypes, 'list', s('docTypes.list', ['docTypes', 'list']))
  const extra = readTable(reader, sheet(SHEETS.docTypes), SHEETS.docTypes, DOCTYPE_COLUMNS, false).map((row, i) => {
    reader.at(['docTypes', 'extra', i], row.rowLoc())
    return node(reader, ['docTypes', 'extra', i], row, DOCTYPE_COLUMNS, (k) => row.text(k))
  })
  if (extra.length > 0) docTypes.extra = extra
  out.docTypes = docTypes

  const policies: Record<string, unknown> = {}
  put(policies, 'floor', field(policyRows, 'floor', ['policies', 'floor'], (r) => r.code('floor', floorLabels)))
  put(policies, 'na', field(policyRows, 'na', ['policies', 'na'], (r) => r.code('na', naLabels)))
  put(policies, 'vetoEffect', field(policyRows, 'vetoEffect', ['policies', 'vetoEffect'], (r) => r.code('vetoEffect', vetoEffectLabels)))
  out.policies = policies

  out.bands = readTable(reader, sheet(SHEETS.bands), SHEETS.bands, BAND_COLUMNS, true).map((row, i) => {
    reader.at(['bands', i], row.rowLoc())
    return node(reader, ['bands', i], row, BAND_COLUMNS, (k) => (k === 'min' || k === 'below' ? row.number(k) : row.text(k)))
  })

  const basicRows = readTable(reader, sheet(SHEETS.basic), SHEETS.basic, BASIC_COLUMNS, false)
  const basicTitle = s('basic.title', ['basic', 'title'])
  const basicDescription = s('basic.description', ['basic', 'description'])
  if (basicRows.length > 0 || basicTitle !== undefined || basicDescription !== undefined) {
    const basic: Record<string, unknown> = {}
    put(basic, 'title', basicTitle)
    put(basic, 'description', basicDescription)
    basic.items = basicRows.map((row, i) => {
      const path = ['basic', 'items', i]
      reader.at(path, row.rowLoc())
      return node(reader, path, row, BASIC_COLUMNS, (k) => (k === 'effect' ? row.code(k, vetoEffectLabels) : k === 'docTypes' ? row.ids(k) : row.text(k)), ['id', 'text', 'category', 'effect', 'note', 'group', 'docTypes'])
    })
    out.basic = basic
  }

  out.sections = readItems(reader, readTable(reader, sheet(SHEETS.items), SHEETS.items, ITEM_COLUMNS, true))

  const bonusRows = readTable(reader, sheet(SHEETS.bonus), SHEETS.bonus, BONUS_COLUMNS, false)
  const bonusTitle = s('bonus.title', ['bonus', 'title'])
  const bonusCap = n('bonus.cap', ['bonus', 'cap'])
  const bonusExceed = b('bonus.mayExceedTotal', ['bonus', 'mayExceedTotal'])
  if (bonusRows.length > 0 || bonusTitle !== undefined || bonusCap !== undefined || bonusExceed !== undefined) {
    const bonus: Record<string, unknown> = {}
    put(bonus, 'title', bonusTitle)
    put(bonus, 'cap', bonusCap)
    put(bonus, 'mayExceedTotal', bonusExceed)
    bonus.items = bonusRows.map((row, i) => {
      const path = ['bonus', 'items', i]
      reader.at(path, row.rowLoc())
      return node(reader, path, row, BONUS_COLUMNS, (k) => (k === 'max' || k === 'step' ? row.number(k) : k === 'docTypes' ? row.ids(k) : row.text(k)))
    })
    out.bonus = bonus
  }

  const units: Record<string, unknown> = {}
  put(units, 'meanBanding', b('units.meanBanding', ['units', 'meanBanding']))
  const ranking = s('units.ranking', ['units', 'ranking'])
  if (ranking !== undefined) {
    if (ranking.trim() !== RANK_BY_MEAN) reader.fail(info.get('units.ranking')!.loc('units.ranking'), `单位排名只能填“${RANK_BY_MEAN}”或留空`)
    const r: Record<string, unknown> = { by: 'mean' }
    put(r, 'tieBreak', field(info, 'units.ranking.tieBreak', ['units', 'ranking', 'tieBreak'], (row) => row.code('units.ranking.tieBreak', tieBreakLabels)))
    units.ranking = r
  }
  const ratings = readRatings(reader, readTable(reader, sheet(SHEETS.units), SHEETS.units, UNIT_COLUMNS, false))
  if (ratings.length > 0) units.ratings = ratings
  if (Object.keys(units).length > 0) out.units = units
  return out
}

function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}

/** Builds an object from a row: one field per column key, absent when the cell is blank. */
function node(reader: Reader, path: (string | number)[], row: Row, columns: readonly Column[], read: (key: string) => unknown, order?: string[]): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const key of order ?? columns.map((c) => c.key)) {
    reader.at([...path, key], row.loc(key))
    put(o, key, read(key))
  }
  return o
}

const RULE_FIELDS: Record<string, readonly string[]> = {
  fixed: ['amount'],
  full: [],
  perOccurrence: ['amount', 'maxDeduction'],
  perElement: ['amount', 'maxDeduction', 'elements'],
  range: ['min', 'max', 'step'],
}
const RULE_ONLY = ['kind', 'amount', 'min', 'max', 'step', 'maxDeduction', 'elements'] as const

function readItems(reader: Reader, rows: Row[]): Record<string, unknown>[] {
  const sections: Record<string, unknown>[] = []
  const seenSections = new Set<string>()
  let section: { node: Record<string, unknown>; items: Record<string, unknown>[]; seenItems: Set<string>; index: number } | null = null
  let item: { node: Record<string, unknown>; path: (string | number)[] } | null = null
  for (const row of rows) {
    const sid = row.text('section.id')?.trim()
    if (sid !== undefined && sid !== section?.node.id) {
      if (seenSections.has(sid)) {
        reader.fail(row.loc('section.id'), `部分「${sid}」已在上方出现；同一部分的行须相邻`)
        continue
      }
      seenSections.add(sid)
      const index = sections.length
      const path = ['sections', index]
      reader.at(path, row.rowLoc())
      const s: Record<string, unknown> = { id: sid }
      for (const key of ['name', 'description', 'points'] as const) {
        reader.at([...path, key], row.loc(`section.${key}`))
        put(s, key, key === 'points' ? row.number('section.points') : row.text(`section.${key}`))
      }
      reader.at([...path, 'id'], row.loc('section.id'))
      const items: Record<string, unknown>[] = []
      s.items = items
      sections.push(s)
      section = { node: s, items, seenItems: new Set(), index }
      item = null
    } else if (!section) {
      reader.fail(row.loc('section.id'), '须填写部分编号（第一行不能“同上”）')
      continue
    }
    const iid = row.text('item.id')?.trim()
    if (iid !== undefined && iid !== item?.node.id) {
      if (section.seenItems.has(iid)) {
        reader.fail(row.loc('item.id'), `项目「${iid}」已在上方出现；同一项目的行须相邻`)
        continue
      }
      section.seenItems.add(iid)
      const path = ['sections', section.index, 'items', section.items.length]
      reader.at(path, row.rowLoc())
      const it: Record<string, unknown> = { id: iid }
      reader.at([...path, 'id'], row.loc('item.id'))
      for (const key of ['name', 'description', 'points', 'maxDeduction', 'docTypes', 'naAllowed', 'naHint'] as const) {
        const k = `item.${key}`
        reader.at([...path, key], row.loc(k))
        put(it, key, key === 'points' || key === 'maxDeduction' ? row.number(k) : key === 'naAllowed' ? row.bool(k) : key === 'docTypes' ? row.ids(k) : row.text(k))
      }
      section.items.push(it)
      item = { node: it, path }
    } else if (!item) {
      reader.fail(row.loc('item.id'), '须填写项目编号')
      continue
    }
    const ruleKeys = ['veto', 'rule.id', 'rule.text', 'rule.category', 'rule.effect', 'rule.note', ...RULE_ONLY.map((k) => `rule.${k}`)]
    if (ruleKeys.every((k) => row.blank(k))) continue
    const isVeto = row.bool('veto') === true
    const list = isVeto ? 'vetoes' : 'rules'
    const arr = ((item.node[list] as Record<string, unknown>[] | undefined) ?? (item.node[list] = [])) as Record<string, unknown>[]
    const path = [...item.path, list, arr.length]
    reader.at(path, row.rowLoc())
    const r: Record<string, unknown> = {}
    reader.at([...path, 'id'], row.loc('rule.id'))
    put(r, 'id', row.text('rule.id')?.trim())
    if (isVeto) {
      for (const k of RULE_ONLY) if (!row.blank(`rule.${k}`)) reader.fail(row.loc(`rule.${k}`), '否决情形不填此列（只填规则编号、规则说明、问题类别、否决效果、备注）')
      for (const k of ['text', 'category', 'note'] as const) {
        reader.at([...path, k], row.loc(`rule.${k}`))
        put(r, k, k === 'category' ? row.text(`rule.${k}`)?.trim() : row.text(`rule.${k}`))
      }
      reader.at([...path, 'effect'], row.loc('rule.effect'))
      put(r, 'effect', row.code('rule.effect', vetoEffectLabels))
    } else {
      if (!row.blank('rule.effect')) reader.fail(row.loc('rule.effect'), '扣分规则不填否决效果（否决情形须在「否决」列填“是”）')
      reader.at([...path, 'kind'], row.loc('rule.kind'))
      const kind = row.code('rule.kind', deductionKindLabels)
      if (row.blank('rule.kind')) reader.fail(row.loc('rule.kind'), `须选择扣分方式：${Object.values(deductionKindLabels).join('、')}`)
      put(r, 'kind', kind)
      for (const k of ['text', 'category', 'note'] as const) {
        reader.at([...path, k], row.loc(`rule.${k}`))
        put(r, k, k === 'category' ? row.text(`rule.${k}`)?.trim() : row.text(`rule.${k}`))
      }
      if (kind) {
        const allowed = RULE_FIELDS[kind]!
        for (const k of RULE_ONLY) {
          if (k === 'kind') continue
          reader.at([...path, k], row.loc(`rule.${k}`))
          if (!allowed.includes(k)) {
            if (!row.blank(`rule.${k}`)) reader.fail(row.loc(`rule.${k}`), `「${deductionKindLabels[kind]}」规则不填此列`)
            continue
          }
          put(r, k, k === 'elements' ? row.lines(`rule.${k}`) : row.number(`rule.${k}`))
        }
      }
    }
    arr.push(r)
  }
  return sections
}

function readRatings(reader: Reader, rows: Row[]): Record<string, unknown>[] {
  const ratings: Record<string, unknown>[] = []
  let current: { node: Record<string, unknown>; conditions: Record<string, unknown>[]; index: number } | null = null
  for (const row of rows) {
    const id = row.text('id')?.trim()
    if (id !== undefined && id !== current?.node.id) {
      const index = ratings.length
      reader.at(['units', 'ratings', index], row.rowLoc())
      reader.at(['units', 'ratings', index, 'id'], row.loc('id'))
      reader.at(['units', 'ratings', index, 'name'], row.loc('name'))
      const conditions: Record<string, unknown>[] = []
      const node: Record<string, unknown> = { id }
      put(node, 'name', row.text('name'))
      node.conditions = conditions
      ratings.push(node)
      current = { node, conditions, index }
    } else if (!current) {
      reader.fail(row.loc('id'), '须填写评定编号')
      continue
    }
    const path = ['units', 'ratings', current.index, 'conditions', current.conditions.length]
    reader.at(path, row.loc('kind'))
    const kind = row.code('kind', unitConditionLabels)
    if (row.blank('kind')) reader.fail(row.loc('kind'), `须选择条件：${Object.values(unitConditionLabels).join('、')}`)
    const c: Record<string, unknown> = {}
    put(c, 'kind', kind)
    const allowed = kind === 'share' ? ['atLeastBand', 'minPercent'] : kind === 'mean' ? ['min'] : []
    for (const k of ['atLeastBand', 'minPercent', 'min']) {
      reader.at([...path, k], row.loc(k))
      if (!allowed.includes(k)) {
        if (kind && !row.blank(k)) reader.fail(row.loc(k), `「${unitConditionLabels[kind]}」条件不填此列`)
        continue
      }
      put(c, k, k === 'atLeastBand' ? row.text(k)?.trim() : row.number(k))
    }
    current.conditions.push(c)
  }
  return ratings
}
