import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { extname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import jsQR from 'jsqr'
import { buildReportModel, compareVerification, parseVerification, reviewHash } from '@scoring/report/index'
import type { CliCommand, CliIo } from '../command'
import { loadExport, sha256Hex } from './report'

const USAGE = ['verify <核验码 或 二维码图片.png> [--export <评查结果导出.json>]']

interface DecodedPng {
  width: number
  height: number
  data: Uint8Array
}

// pngjs arrives with qrcode and has no type declarations; only its sync reader is needed.
const pngjs = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(buffer: Buffer): DecodedPng } } }

/** Reads a QR code from a PNG (a score-sheet QR image, or a scanned page at a readable resolution). */
export function readQrFromPng(file: string): { ok: true; text: string } | { ok: false; message: string } {
  let png: DecodedPng
  try {
    png = pngjs.PNG.sync.read(readFileSync(file))
  } catch (e) {
    return { ok: false, message: `无法读取 PNG 图片 ${file}：${e instanceof Error ? e.message : String(e)}` }
  }
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)
  return code ? { ok: true, text: code.data } : { ok: false, message: `图片 ${file} 中未识别到二维码` }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: '核验评查表上的核验码或二维码：显示其内容，给出导出文件时重新计分并比对得分、等次和摘要',
  usage: USAGE,
  async run(args, io: CliIo) {
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { export: { type: 'string' } } })
    } catch (e) {
      io.err(`${e instanceof Error ? e.message : String(e)}\n用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    const [input, ...rest] = parsed.positionals
    if (!input || rest.length > 0) {
      io.err(`用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    let text = input
    const path = resolve(io.cwd, input)
    if (/\.png$/i.test(extname(input)) || (!input.startsWith('CRD') && existsSync(path))) {
      if (!/\.png$/i.test(path)) {
        io.err('只支持 PNG 图片；JPEG 请先转换为 PNG')
        return 2
      }
      const qr = readQrFromPng(path)
      if (!qr.ok) {
        io.err(qr.message)
        return 1
      }
      text = qr.text
      io.out(`二维码内容：${text}`)
    }
    const parsedCode = parseVerification(text)
    if (!parsedCode.ok) {
      io.err(`核验码无效：${parsedCode.message}`)
      return 1
    }
    const f = parsedCode.fields
    io.out([`评查活动：${f.campaignId}`, `案卷：${f.caseId}`, `得分：${f.total}`, `等次：${f.grade}`, `评查记录摘要：${f.hash}`].join('\n'))
    if (parsed.values.export === undefined) {
      io.out('格式有效。未给出 --export，未与评查结果比对。')
      return 0
    }
    const loaded = await loadExport(parsed.values.export, io)
    if (!loaded.ok) return 1
    const model = buildReportModel(loaded.data)
    const file = model.files.find((x) => x.case.id === f.caseId)
    const hash = file ? await reviewHash(file.entry.review, sha256Hex) : undefined
    const checks = compareVerification(f, loaded.data.campaign.id, file, hash)
    for (const c of checks) io.out(`  ${c.ok ? '✓' : '✗'} ${c.field}：核验码 ${c.actual}${c.ok ? '' : `，重新计算 ${c.expected}`}`)
    if (checks.every((c) => c.ok)) {
      io.out(`核验通过：${file?.case.caseNumber ?? ''} ${file?.agency.name ?? ''}，${file?.result.totalText}分，${file?.result.grade.name}`)
      return 0
    }
    io.err('核验不通过：核验码与评查结果不符')
    return 1
  },
}
