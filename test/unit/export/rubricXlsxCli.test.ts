import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { commands } from '../../../electron/cli/commands/index'
import { runCli } from '../../../electron/cli/main'

async function run(argv: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, commands, { out: (t) => out.push(t), err: (t) => err.push(t), cwd })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const rubricFile = resolve(import.meta.dirname, '../../../resources/rubrics/db32-4181-a-licensing.json')

describe('cli rubric export-xlsx / import-xlsx', () => {
  it('exports a rubric to a workbook and imports it back unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-xlsx-'))
    const ex = await run(['rubric', 'export-xlsx', rubricFile, '--out', 'a.xlsx'], dir)
    expect(ex.code, ex.err).toBe(0)
    expect(ex.out).toContain('已导出')
    const im = await run(['rubric', 'import-xlsx', 'a.xlsx', '--out', 'a.json'], dir)
    expect(im.code, im.err).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(rubricFile, 'utf8')))
  })

  it('prints each import error with its sheet, row and column and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-xlsx-'))
    await run(['rubric', 'export-xlsx', rubricFile, '--out', 'a.xlsx'], dir)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(dir, 'a.xlsx'))
    wb.getWorksheet('评查项目')!.getCell('G2').value = '三'
    writeFileSync(join(dir, 'b.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()))
    const im = await run(['rubric', 'import-xlsx', 'b.xlsx', '--out', 'b.json'], dir)
    expect(im.code).toBe(1)
    expect(im.err).toContain('工作表「评查项目」第2行「项目分值」列（G2）：「三」不是数字')
  })

  it('keeps the existing subcommands and refuses --out where it means nothing', async () => {
    expect((await run(['rubric', 'validate', rubricFile], process.cwd())).code).toBe(0)
    expect((await run(['rubric', 'validate', rubricFile, '--out', 'x'], process.cwd())).code).toBe(2)
    expect((await run(['rubric', 'export-xlsx', rubricFile], process.cwd())).code).toBe(2)
  })
})
