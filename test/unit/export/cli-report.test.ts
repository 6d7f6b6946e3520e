import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import type { CliIo } from '../../../electron/cli/command'
import { reportCommand } from '../../../electron/cli/commands/report'
import { verifyCommand } from '../../../electron/cli/commands/verify'
import { buildReportModel, verificationFor } from '@scoring/report/index'
import { cleanup, EXAMPLE, exampleExport, sha, workDir } from './helpers'

const dir = workDir()
afterAll(() => cleanup(dir))

function io(): CliIo & { outText: () => string; errText: () => string } {
  const out: string[] = []
  const err: string[] = []
  return { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, outText: () => out.join('\n'), errText: () => err.join('\n') }
}

const c6 = (): Promise<string> => {
  const m = buildReportModel(exampleExport())
  return verificationFor(m.data.campaign.id, m.files.find((f) => f.case.id === 'case-06')!, sha)
}

describe('npm run cli -- report', () => {
  it('usage errors exit 2', async () => {
    for (const args of [[], [EXAMPLE], [EXAMPLE, '--out', 'x.txt'], [EXAMPLE, '--out', 'x.xlsx', '--kind', 'circular'], [EXAMPLE, '--out', 'x.docx', '--agency', 'scjg'], [EXAMPLE, '--out', 'x.docx', '--kind', 'bogus']]) {
      const o = io()
      expect(await reportCommand.run(args, o), args.join(' ')).toBe(2)
      expect(o.errText()).toContain('用法')
    }
  })

  it('default kinds by extension: .docx → circular, .xlsx → ledger', async () => {
    const o = io()
    expect(await reportCommand.run([EXAMPLE, '--out', 'c.docx'], o)).toBe(0)
    expect(o.outText()).toContain('已生成评查情况通报')
    // The draft in the example is reported, not counted.
    expect(o.errText()).toContain('尚未定稿')
    const zip = unzipSync(readFileSync(join(dir, 'c.docx')))
    const xml = new TextDecoder().decode(zip['word/document.xml'])
    expect(xml).toContain('关于2025年度全市行政处罚案卷评查情况的通报')
    // East Asian font names are explicit so Word and WPS pick 仿宋/黑体 rather than a Latin fallback:
    // 仿宋 as the document default, the others on their runs; 𠮷 (beyond the BMP) in its own SimSun-ExtB run.
    expect(new TextDecoder().decode(zip['word/styles.xml'])).toContain('w:eastAsia="仿宋"')
    expect(xml).toContain('w:eastAsia="黑体"')
    expect(xml).toContain('w:eastAsia="方正小标宋简体"')
    expect(xml).toMatch(/w:eastAsia="SimSun-ExtB"[^>]*\/>(?:<[^>]+>)*?<w:t[^>]*>𠮷</)
    expect(await reportCommand.run([EXAMPLE, '--out', 'l.xlsx'], io())).toBe(0)
    const parts = unzipSync(readFileSync(join(dir, 'l.xlsx')))
    const sheet = ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'].map((k) => (parts[k] ? new TextDecoder().decode(parts[k]) : '')).join('')
    expect(sheet).toContain('逾期未整改')
  })

  it('filters sheets by case and notices by agency', async () => {
    const o = io()
    expect(await reportCommand.run([EXAMPLE, '--out', 's.xlsx', '--kind', 'sheets', '--case', 'case-06'], o)).toBe(0)
    const wb = unzipSync(readFileSync(join(dir, 's.xlsx')))
    expect(Object.keys(wb).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))).toHaveLength(1)
    expect(await reportCommand.run([EXAMPLE, '--out', 'n.docx', '--kind', 'notice', '--agency', 'nope'], io())).toBe(1)
  })

  it('an export with a review that cannot be scored exits 1 and lists it', async () => {
    const bad = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    bad.reviews[0].review.decisions[0].itemId = 'X-9'
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad))
    const o = io()
    expect(await reportCommand.run(['bad.json', '--out', 'bad.docx'], o)).toBe(1)
    expect(o.errText()).toContain('$.reviews[0].review.decisions[0]')
    expect(existsSync(join(dir, 'bad.docx'))).toBe(false)
  })

  it('a review changed after finalisation (stored hash) exits 1', async () => {
    const json = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    json.reviews[0].hash = '0'.repeat(64)
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(json))
    const o = io()
    expect(await reportCommand.run(['tampered.json', '--out', 't.docx'], o)).toBe(1)
    expect(o.errText()).toContain('定稿后被修改')
  })

  it('PDF without LibreOffice says so in Chinese and exits 1', async () => {
    const path = process.env.PATH
    process.env.PATH = ''
    try {
      const o = io()
      expect(await reportCommand.run([EXAMPLE, '--out', 'c.pdf'], o)).toBe(1)
      expect(o.errText()).toContain('未找到 LibreOffice')
    } finally {
      process.env.PATH = path
    }
  })
})

describe('npm run cli -- verify', () => {
  it('a string alone: format checked and fields shown', async () => {
    const o = io()
    expect(await verifyCommand.run([await c6()], o)).toBe(0)
    expect(o.outText()).toContain('得分：88.24')
    expect(await verifyCommand.run(['CRD1|nope'], io())).toBe(1)
    expect(await verifyCommand.run([], io())).toBe(2)
  })

  it('against the export: valid string passes, a forged score fails', async () => {
    const s = await c6()
    const o = io()
    expect(await verifyCommand.run([s, '--export', EXAMPLE], o)).toBe(0)
    expect(o.outText()).toContain('核验通过：某环罚〔2025〕23号')
    const forged = s.replace('|88.24|', '|98.24|')
    const f = io()
    expect(await verifyCommand.run([forged, '--export', EXAMPLE], f)).toBe(1)
    expect(f.outText()).toContain('✗ 得分：核验码 98.24，重新计算 88.24')
  })

  it('a QR image from a score sheet decodes and verifies', async () => {
    expect(await reportCommand.run([EXAMPLE, '--out', 'one.docx', '--kind', 'sheets', '--case', 'case-06'], io())).toBe(0)
    const media = Object.entries(unzipSync(readFileSync(join(dir, 'one.docx')))).find(([k]) => k.startsWith('word/media/'))!
    writeFileSync(join(dir, 'qr.png'), media[1])
    const o = io()
    expect(await verifyCommand.run(['qr.png', '--export', EXAMPLE], o)).toBe(0)
    expect(o.outText()).toContain(`二维码内容：${await c6()}`)
  })
})
