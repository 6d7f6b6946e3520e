import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Rubric } from '@scoring/index'
import { validateRubric } from '@scoring/index'
import { rubricFromXlsx, rubricToXlsx } from '../../../renderer/src/export/rubricXlsx'
import { baseRubric } from '../scoring/fixtures'

const dir = resolve(import.meta.dirname, '../../../resources/rubrics')
const builtins = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as Rubric }))

async function roundTrip(r: Rubric): Promise<unknown> {
  const back = await rubricFromXlsx(await rubricToXlsx(r))
  if (!back.ok) throw new Error(JSON.stringify(back.errors, null, 1))
  return back.rubric
}

/** Edits one cell of a written workbook and reads it back. */
async function withCell(r: Rubric, sheet: string, address: string, value: ExcelJS.CellValue) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await rubricToXlsx(r)).buffer as ArrayBuffer)
  wb.getWorksheet(sheet)!.getCell(address).value = value
  return rubricFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))
}

describe('rubric XLSX round trip', () => {
  it.each(builtins)('$file: JSON → XLSX → JSON loses nothing', async ({ json }) => {
    expect(validateRubric(json).ok).toBe(true)
    expect(await roundTrip(json)).toStrictEqual(json)
  })

  it('keeps every field the format has (bonus, unit ratings, extra document types, notes, vetoes on items)', async () => {
    const r = baseRubric({
      $schema: 'x.json',
      standard: '测试标准',
      description: '说明\n第二行',
      docTypes: { list: 'penalty', extra: [{ id: 'x-doc', name: '特殊文书' }] },
    })
    r.categories[0]!.description = '主体类问题'
    r.sections[0]!.description = '立案部分'
    const it0 = r.sections[0]!.items[0]!
    it0.description = '案由须规范'
    it0.naHint = '不适用提示'
    it0.docTypes = ['filing-approval', 'x-doc']
    it0.vetoes = [{ id: 'S1-1-v', text: '无立案', category: 'procedure', effect: 'stop', note: '否决备注' }]
    ;(it0.rules![0] as { note?: string }).note = '规则备注'
    r.basic!.items[0]!.group = '主体'
    r.basic!.items[0]!.docTypes = []
    r.basic!.items[0]!.note = '基本备注'
    r.bonus!.items[1]!.description = '加分说明'
    r.bonus!.items[1]!.docTypes = ['x-doc']
    r.units!.ratings!.push({ id: 'fail-unit', name: '不合格单位', conditions: [{ kind: 'mean', min: 60 }, { kind: 'noVeto' }] })
    const v = validateRubric(r)
    expect(v.ok, JSON.stringify(!v.ok && v.errors)).toBe(true)
    expect(await roundTrip(r)).toStrictEqual(r)
  })

  it('writes one row per item and per rule or veto in 评查项目', async () => {
    const r = JSON.parse(readFileSync(resolve(dir, 'db32-4181-b-penalty.json'), 'utf8')) as Rubric
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await rubricToXlsx(r)).buffer as ArrayBuffer)
    const ws = wb.getWorksheet('评查项目')!
    const expected = r.sections.flatMap((s) => s.items).reduce((n, it) => n + Math.max(1, (it.rules?.length ?? 0) + (it.vetoes?.length ?? 0)), 0)
    expect(ws.actualRowCount - 1).toBe(expected)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '基本信息', '政策', '分档', '问题类别', '文书类型', '否决项', '评查项目', '加分项', '单位规则'])
  })
})

describe('rubric XLSX import errors', () => {
  const r = baseRubric()

  it('names the sheet, row and column of a rubric rule broken in Excel (points no longer add up)', async () => {
    // 评查项目 row 2 is S1-1; column G is 项目分值.
    const res = await withCell(r, '评查项目', 'G2', 3)
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.errors).toContainEqual({ sheet: '评查项目', row: 2, column: '部分分值', cell: 'C2', message: '本部分分值为10分，但各项分值合计为11分' })
  })

  it('names the cell of a value that is not a number', async () => {
    const res = await withCell(r, '评查项目', 'Q2', '一分')
    expect(res).toEqual({ ok: false, errors: [{ sheet: '评查项目', row: 2, column: '扣分值', cell: 'Q2', message: '「一分」不是数字' }] })
  })

  it('refuses an unknown deduction kind with the list of terms', async () => {
    const res = await withCell(r, '评查项目', 'P2', '酌情')
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.errors[0]).toMatchObject({ sheet: '评查项目', row: 2, column: '扣分方式', cell: 'P2' })
    expect(res.errors[0]!.message).toContain('固定扣分')
  })

  it('refuses a value in a column the rule kind does not use, rather than dropping it', async () => {
    // Row 2 is a fixed rule; 最小 (column R) belongs to range rules.
    const res = await withCell(r, '评查项目', 'R2', 1)
    expect(res).toEqual({ ok: false, errors: [{ sheet: '评查项目', row: 2, column: '最小', cell: 'R2', message: '「固定扣分」规则不填此列' }] })
  })

  it('refuses an unknown column and a missing sheet', async () => {
    const res = await withCell(r, '分档', 'E1', '备注')
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.errors[0]).toMatchObject({ sheet: '分档', row: 1, cell: 'E1' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await rubricToXlsx(r)).buffer as ArrayBuffer)
    wb.removeWorksheet(wb.getWorksheet('评查项目')!.id)
    const res2 = await rubricFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(res2).toEqual({ ok: false, errors: [{ sheet: '评查项目', row: null, column: null, cell: null, message: '缺少工作表「评查项目」' }] })
  })

  it('places a missing required value in the 基本信息 sheet', async () => {
    // 基本信息 row 5 is 名称.
    const res = await withCell(r, '基本信息', 'B5', null)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.errors[0]).toMatchObject({ sheet: '基本信息', row: 5, column: '值', cell: 'B5' })
  })

  it('accepts codes as well as Chinese terms, and blank ids as “同上”', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await rubricToXlsx(r)).buffer as ArrayBuffer)
    wb.getWorksheet('政策')!.getCell('B2').value = 'capped'
    const items = wb.getWorksheet('评查项目')!
    for (let row = 3; row <= items.rowCount; row++) {
      if (items.getCell(`A${row}`).value === items.getCell(`A${row - 1}`).value) items.getCell(`A${row}`).value = null
    }
    const res = await rubricFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))
    expect(res.ok && res.rubric).toStrictEqual(r)
  })

  it('refuses bytes that are not a workbook', async () => {
    const res = await rubricFromXlsx(new TextEncoder().encode('not a zip'))
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.errors[0]!.message).toContain('不是有效的 XLSX 工作簿')
  })
})
