import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import jsQR from 'jsqr'
import type { ReportModel } from '@scoring/report/index'
import { agencyNotice, buildReportModel, resolveNarrative, verificationFor } from '@scoring/report/index'
import { circularDocx, ledgerXlsx, rectificationNoticeDocx, scoreSheetDocx, scoreSheetXlsx } from '../../../renderer/src/export/index'
import { cleanup, exampleExport, hasPoppler, hasSoffice, pdfPages, pdfText, readPng, sha, toPdf, workDir, write } from './helpers'

const skip = !hasSoffice || !hasPoppler
if (skip) console.warn('跳过文档转换测试：未找到 soffice（LibreOffice）或 pdftotext（poppler-utils）')

let dir = ''
let model: ReportModel
let verification = ''
const text: Record<string, string> = {}

// pdftotext puts spaces between CJK and Latin runs and breaks lines in table cells, so the text is compared with all
// whitespace removed. One LibreOffice run converts all five documents (~5 s) so the whole file stays well under the time budget.
beforeAll(async () => {
  if (skip) return
  dir = workDir()
  model = buildReportModel(exampleExport())
  const c6 = model.files.find((f) => f.case.id === 'case-06')!
  verification = await verificationFor(model.data.campaign.id, c6, sha)
  const sheets = [{ file: c6, verification }]
  write(dir, 'circular.docx', await circularDocx(model, resolveNarrative(model, model.data.narrative)))
  write(dir, 'sheets.docx', await scoreSheetDocx(model, sheets))
  write(dir, 'notice.docx', await rectificationNoticeDocx(model, [agencyNotice(model, 'sthj')!]))
  write(dir, 'ledger.xlsx', await ledgerXlsx(model))
  write(dir, 'sheets-x.xlsx', await scoreSheetXlsx(model, sheets))
  toPdf(dir, ['circular.docx', 'sheets.docx', 'notice.docx', 'ledger.xlsx', 'sheets-x.xlsx'])
  for (const n of ['circular', 'sheets', 'notice', 'ledger', 'sheets-x']) text[n] = pdfText(join(dir, `${n}.pdf`)).replace(/\s+/g, '')
}, 120_000)

afterAll(() => {
  if (dir) cleanup(dir)
})

describe.skipIf(skip)('documents converted by LibreOffice', () => {
  it('circular: title, sections, hand-checkable numbers, ranked table, annexes, page numbers "— n —"', () => {
    const t = text.circular!
    expect(t).toContain('关于2025年度全市行政处罚案卷评查情况的通报')
    for (const h of ['一、基本情况', '二、评查结果', '三、主要亮点', '四、存在的主要问题', '五、整改要求', '附件1', '各单位评查得分情况表', '案卷得分及问题清单']) expect(t).toContain(h)
    // 12 files: 10 优秀 (83.3 %), 1 合格, 1 不合格 (8.3 % each); mean 1068.36 / 12 = 89.03.
    expect(t).toContain('平均得分89.03分')
    expect(t).toContain('优秀1083.3')
    expect(t).toContain('1某市应急管理局398.71')
    expect(t).toContain('—1—')
    expect(t).toContain('某环罚〔2025〕15号')
    // Rare characters survive: 䶮 (Ext A) in a reviewer's name is not in the circular, 𠮷 (Ext B) in a party is.
    expect(t).toContain('𠮷祥餐饮管理有限公司')
    expect(pdfPages(join(dir, 'circular.pdf'))).toBeGreaterThanOrEqual(8)
  })

  it('score sheet: header, items, totals, signatures and a QR code that decodes from the printed page', () => {
    const t = text.sheets!
    for (const s of ['行政执法案卷评查表', '某环罚〔2025〕23号', '某汽车维修有限公司', '88.24分', '合格', '评查组组长（签名）', '陈静（某市交通运输局）', '核验码：CRD1|']) expect(t).toContain(s)
    expect(t).toContain('扣3分：罚款二十万元属较重处罚')
    // The QR image embedded in the DOCX decodes to the verification string…
    const media = Object.entries(unzipSync(readFileSync(join(dir, 'sheets.docx')))).filter(([k]) => k.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    const png = readPng(media[0]![1])
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(verification)
    // …and so does the page as LibreOffice prints it (150 dpi, like a modest scan).
    const r = spawnSync('pdftoppm', ['-png', '-r', '150', '-l', '2', join(dir, 'sheets.pdf'), join(dir, 'page')])
    expect(r.status).toBe(0)
    const found = ['page-1.png', 'page-2.png'].map((p) => {
      try {
        const img = readPng(readFileSync(join(dir, p)))
        return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data
      } catch {
        return undefined
      }
    })
    expect(found).toContain(verification)
  })

  it('rectification notice: problems with rubric basis, deadline and feedback form', () => {
    const t = text.notice!
    for (const s of ['行政执法案卷评查整改通知书', '某市生态环境局：', '评查依据', '2025年9月30日前', '整改情况反馈表', '单位负责人意见', '超过追诉时效作出处罚']) expect(t).toContain(s)
  })

  it('ledger and XLSX score sheet print through Calc', () => {
    expect(text.ledger).toContain('2025年度全市行政处罚案卷评查整改台账')
    expect(text.ledger).toContain('逾期未整改')
    expect(text.ledger).toContain('不予整改')
    expect(text.ledger).toContain('整改完成率')
    expect(text['sheets-x']).toContain('88.24')
    expect(text['sheets-x']).toContain('B-3-2')
  })
})
