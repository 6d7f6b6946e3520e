import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CampaignExport, ReportModel } from '@scoring/report/index'
import { agencyNotice, buildReportModel, checkStoredHashes, resolveNarrative, validateCampaignExport, verificationFor } from '@scoring/report/index'
import { circularDocx, ledgerXlsx, rectificationNoticeDocx, scoreSheetDocx, scoreSheetXlsx } from '../../../renderer/src/export/index'
import type { CliCommand, CliIo } from '../command'
import { loadDocTypeLists, printErrors, readJsonFile } from './rubric'

const USAGE = ['report <评查结果导出.json> --out <文件.docx|文件.xlsx|文件.pdf> [--kind circular|sheets|notice|ledger] [--agency <单位标识>] [--case <案卷标识>] [--as-of YYYY-MM-DD]']

type Kind = 'circular' | 'sheets' | 'notice' | 'ledger'
const KINDS: Kind[] = ['circular', 'sheets', 'notice', 'ledger']
const ALLOWED: Record<string, Kind[]> = { '.docx': ['circular', 'sheets', 'notice'], '.pdf': ['circular', 'sheets', 'notice'], '.xlsx': ['ledger', 'sheets'] }
const DEFAULT: Record<string, Kind> = { '.docx': 'circular', '.pdf': 'circular', '.xlsx': 'ledger' }
const kindText: Record<Kind, string> = { circular: '评查情况通报', sheets: '案卷评查表', notice: '整改通知书', ledger: '整改台账' }

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export type LoadedExport = { ok: true; data: CampaignExport } | { ok: false }

/** Reads, validates and hash-checks an export, printing warnings and errors in Chinese. */
export async function loadExport(file: string, io: CliIo): Promise<LoadedExport> {
  const json = readJsonFile(file, io)
  if (!json.ok) {
    printErrors(io, `评查结果导出文件 ${file} 无法读取`, json.errors)
    return { ok: false }
  }
  const v = validateCampaignExport(json.value, { docTypeLists: loadDocTypeLists() })
  for (const w of v.warnings) io.err(`提示：${w.message}（${w.path}）`)
  if (!v.ok) {
    printErrors(io, `评查结果导出文件 ${file} 无效`, v.errors)
    return { ok: false }
  }
  const tampered = await checkStoredHashes(v.data, sha256Hex)
  if (tampered.length) {
    printErrors(io, `评查结果导出文件 ${file} 中有评查记录在定稿后被修改`, tampered)
    return { ok: false }
  }
  return { ok: true, data: v.data }
}

/** DOCX → PDF through LibreOffice with a private profile, so parallel runs and an open desktop LibreOffice do not clash. */
export function convertToPdf(docx: Uint8Array, outFile: string): { ok: true } | { ok: false; message: string } {
  const dir = mkdtempSync(join(tmpdir(), 'crd-pdf-'))
  try {
    const src = join(dir, 'document.docx')
    writeFileSync(src, docx)
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src], { encoding: 'utf8', timeout: 120_000 })
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
      return { ok: false, message: '未找到 LibreOffice（soffice 命令），无法生成 PDF。请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）后重试，或改为输出 .docx 后用 WPS/Word 另存为 PDF。' }
    if (r.error || r.status !== 0) return { ok: false, message: `LibreOffice 转换 PDF 失败：${r.error?.message ?? r.stderr ?? `退出码 ${r.status}`}` }
    writeFileSync(outFile, readFileSync(join(dir, 'document.pdf')))
    return { ok: true }
  } catch (e) {
    return { ok: false, message: `LibreOffice 转换 PDF 失败：${e instanceof Error ? e.message : String(e)}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function render(model: ReportModel, kind: Kind, ext: string, agency: string | undefined, caseId: string | undefined): Promise<Uint8Array> {
  const campaignId = model.data.campaign.id
  switch (kind) {
    case 'circular':
      return circularDocx(model, resolveNarrative(model, model.data.narrative))
    case 'sheets': {
      const files = model.files.filter((f) => (agency === undefined || f.agency.id === agency) && (caseId === undefined || f.case.id === caseId))
      const inputs = await Promise.all(files.map(async (file) => ({ file, verification: await verificationFor(campaignId, file, sha256Hex) })))
      return ext === '.xlsx' ? scoreSheetXlsx(model, inputs) : scoreSheetDocx(model, inputs)
    }
    case 'notice': {
      const ids = agency !== undefined ? [agency] : model.data.agencies.map((a) => a.id)
      const notices = ids.map((id) => agencyNotice(model, id)).filter((n) => n !== null).filter((n) => agency !== undefined || n.problems.length > 0)
      return rectificationNoticeDocx(model, notices)
    }
    case 'ledger':
      return ledgerXlsx(agency === undefined ? model : { ...model, ledger: model.ledger.filter((l) => l.agencyId === agency) })
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: '由评查结果导出文件生成评查情况通报、案卷评查表、整改通知书或整改台账（DOCX/XLSX/PDF）',
  usage: USAGE,
  async run(args, io) {
    const usage = (msg?: string): number => {
      io.err(`${msg ? `${msg}\n` : ''}用法：npm run cli -- ${USAGE[0]}\n  默认类型：.docx/.pdf → circular（通报），.xlsx → ledger（台账）`)
      return 2
    }
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' }, kind: { type: 'string' }, agency: { type: 'string' }, case: { type: 'string' }, 'as-of': { type: 'string' } } })
    } catch (e) {
      return usage(e instanceof Error ? e.message : String(e))
    }
    const [file, ...rest] = parsed.positionals
    const out = parsed.values.out
    if (!file || rest.length > 0 || !out) return usage()
    const ext = extname(out).toLowerCase()
    if (!ALLOWED[ext]) return usage(`输出文件须为 .docx、.xlsx 或 .pdf：${out}`)
    const kind = (parsed.values.kind ?? DEFAULT[ext]) as Kind
    if (!KINDS.includes(kind)) return usage(`--kind 须为 ${KINDS.join('、')} 之一`)
    if (!ALLOWED[ext]!.includes(kind)) return usage(`${kindText[kind]}不能输出为 ${ext} 文件（可用：${KINDS.filter((k) => ALLOWED[ext]!.includes(k)).join('、')}）`)
    const { agency, case: caseId } = parsed.values
    if (kind === 'circular' && (agency !== undefined || caseId !== undefined)) return usage('通报面向全部单位，不能用 --agency 或 --case 筛选')
    if (kind !== 'sheets' && caseId !== undefined) return usage('--case 只适用于 --kind sheets')
    const asOf = parsed.values['as-of']
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return usage('--as-of 须写作 YYYY-MM-DD')

    const loaded = await loadExport(file, io)
    if (!loaded.ok) return 1
    const data = loaded.data
    if (agency !== undefined && !data.agencies.some((a) => a.id === agency)) {
      io.err(`导出文件中没有单位「${agency}」。可用：${data.agencies.map((a) => `${a.id}（${a.name}）`).join('、')}`)
      return 1
    }
    const model = buildReportModel(data, asOf !== undefined ? { asOf } : {})
    if (caseId !== undefined && !model.files.some((f) => f.case.id === caseId)) {
      io.err(`导出文件中没有案卷「${caseId}」的已定稿评查记录`)
      return 1
    }
    const bytes = await render(model, kind, ext === '.pdf' ? '.docx' : ext, agency, caseId)
    const target = resolve(io.cwd, out)
    if (ext === '.pdf') {
      const pdf = convertToPdf(bytes, target)
      if (!pdf.ok) {
        io.err(pdf.message)
        return 1
      }
    } else writeFileSync(target, bytes)
    io.out(`已生成${kindText[kind]}：${target}（${model.files.length} 件已定稿案卷）`)
    return 0
  },
}

