import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
// Relative import on purpose: `npm run cli` runs tsx from the repo root, whose tsconfig.json carries no `paths`.
import type { DocTypeList, Rubric, ValidationError } from '@scoring/index'
import { formatCents, lowestBand, bandsDescending, toCents, validateRubric } from '@scoring/index'
import type { CliCommand, CliIo } from '../command'
import type { XlsxImportError } from '../../../renderer/src/export/rubricXlsx'
import { rubricFromXlsx, rubricToXlsx } from '../../../renderer/src/export/rubricXlsx'

const DOC_TYPES_DIR = resolve(import.meta.dirname, '../../../resources/doc-types')

/** The document-type lists shipped in resources/doc-types, the same ones the viewer loads. */
export function loadDocTypeLists(): DocTypeList[] {
  return readdirSync(DOC_TYPES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(DOC_TYPES_DIR, f), 'utf8')) as DocTypeList)
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] }

export function readJsonFile(file: string, io: CliIo): Loaded<unknown> {
  const path = resolve(io.cwd, file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `无法读取文件 ${path}：${e instanceof Error ? e.message : String(e)}` }] }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `不是有效的 JSON：${e instanceof Error ? e.message : String(e)}` }] }
  }
}

export function loadRubric(file: string, io: CliIo): Loaded<Rubric> {
  const json = readJsonFile(file, io)
  if (!json.ok) return json
  const v = validateRubric(json.value, { docTypeLists: loadDocTypeLists() })
  return v.ok ? { ok: true, value: v.rubric } : { ok: false, errors: v.errors }
}

export function printErrors(io: CliIo, title: string, errors: ValidationError[]): void {
  io.err(`${title}：共 ${errors.length} 处错误`)
  const width = Math.min(48, Math.max(...errors.map((e) => e.path.length)))
  for (const e of errors) io.err(`  ${e.path.padEnd(width)}  ${e.message}`)
}

const USAGE = [
  'rubric validate <评查标准.json>',
  'rubric show <评查标准.json>',
  'rubric export-xlsx <评查标准.json> --out <工作簿.xlsx>',
  'rubric import-xlsx <工作簿.xlsx> --out <评查标准.json>',
]

export const rubricCommand: CliCommand = {
  name: 'rubric',
  summary: '校验或查看评查标准（评分细则）文件',
  usage: USAGE,
  async run(args, io) {
    const usage = (): number => {
      io.err(['用法：', ...USAGE.map((u) => `  npm run cli -- ${u}`)].join('\n'))
      return 2
    }
    let parsed
    try {
      parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { out: { type: 'string' } } })
    } catch (e) {
      io.err(e instanceof Error ? e.message : String(e))
      return usage()
    }
    const [sub, file, ...rest] = parsed.positionals
    const out = parsed.values.out
    if (sub === 'export-xlsx' || sub === 'import-xlsx') {
      if (!file || !out || rest.length > 0) return usage()
      return sub === 'export-xlsx' ? exportXlsx(file, out, io) : importXlsx(file, out, io)
    }
    if ((sub !== 'validate' && sub !== 'show') || !file || rest.length > 0 || out !== undefined) return usage()
    const loaded = loadRubric(file, io)
    if (!loaded.ok) {
      printErrors(io, `评查标准 ${file} 无效`, loaded.errors)
      return 1
    }
    const r = loaded.value
    if (sub === 'validate') {
      const items = r.sections.reduce((s, x) => s + x.items.length, 0)
      io.out(`评查标准有效：${r.name}（第${r.version}版），${r.sections.length} 个部分、${items} 个评查项目${r.basic ? `、${r.basic.items.length} 个否决项` : ''}${r.bonus ? `、${r.bonus.items.length} 个加分项` : ''}，满分${r.total}分`)
      return 0
    }
    io.out(showRubric(r, loadDocTypeLists()).join('\n'))
    return 0
  },
}

async function exportXlsx(file: string, out: string, io: CliIo): Promise<number> {
  const loaded = loadRubric(file, io)
  if (!loaded.ok) {
    printErrors(io, `评查标准 ${file} 无效`, loaded.errors)
    return 1
  }
  const target = resolve(io.cwd, out)
  writeFileSync(target, await rubricToXlsx(loaded.value))
  io.out(`已导出：${target}（${loaded.value.name} 第${loaded.value.version}版）`)
  return 0
}

async function importXlsx(file: string, out: string, io: CliIo): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(resolve(io.cwd, file)))
  } catch (e) {
    io.err(`无法读取文件 ${file}：${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
  const result = await rubricFromXlsx(bytes, { docTypeLists: loadDocTypeLists() })
  if (!result.ok) {
    printXlsxErrors(io, `工作簿 ${file} 不能导入`, result.errors)
    return 1
  }
  const target = resolve(io.cwd, out)
  writeFileSync(target, `${JSON.stringify(result.rubric, null, 2)}\n`)
  io.out(`已导入：${target}（${result.rubric.name} 第${result.rubric.version}版）`)
  return 0
}

export function printXlsxErrors(io: CliIo, title: string, errors: XlsxImportError[]): void {
  io.err(`${title}：共 ${errors.length} 处错误`)
  for (const e of errors) {
    const where = [e.sheet ? `工作表「${e.sheet}」` : '', e.row !== null ? `第${e.row}行` : '', e.column ? `「${e.column}」列` : '', e.cell ? `（${e.cell}）` : ''].join('')
    io.err(`  ${where ? `${where}：` : ''}${e.message}`)
  }
}

const floorText = { capped: '逐项、逐部分扣完为止，不计负分', global: '总分减扣分合计，最低0分' }
const naText = { rescale: '按适用项折算为满分制', fullPoints: '不适用项按满分计', exclude: '不适用项从满分中剔除' }
const effectText = { zero: '总分计0分', lowestBand: '保留得分，定为最低档', stop: '不合格卷，停止评分' }

function p(v: number | undefined): string {
  return v === undefined ? '不设分值' : `${formatCents(toCents(v))}分`
}

/** The rubric as an indented tree with points, the way a score sheet reads. */
export function showRubric(r: Rubric, lists: DocTypeList[]): string[] {
  const cat = new Map(r.categories.map((c) => [c.id, c.name]))
  const docs = new Map<string, string>()
  for (const t of lists.find((l) => l.caseType === r.docTypes.list)?.types ?? []) docs.set(t.id, t.name)
  for (const t of r.docTypes.extra ?? []) docs.set(t.id, t.name)
  const docText = (ids: string[] | undefined): string => (ids && ids.length ? `  〔文书：${ids.map((i) => docs.get(i) ?? i).join('、')}〕` : '')
  const out: string[] = []
  out.push(`${r.name}（第${r.version}版）`)
  out.push(`  标识：${r.id}`)
  out.push(`  案件类型：${r.caseType}${r.standard ? `    依据：${r.standard}` : ''}`)
  out.push(`  状态：${r.status}`)
  out.push(`  满分：${p(r.total)}    计分：${floorText[r.policies.floor]}；不适用：${naText[r.policies.na]}；否决项默认效果：${effectText[r.policies.vetoEffect]}`)
  const low = lowestBand(r.bands)
  out.push(`  等次：${bandsDescending(r.bands).map((b) => `${b.name} ≥${formatCents(toCents(b.min))}`).join('；')}（否决项命中一律定为「${low.name}」）`)
  out.push(`  问题类别：${r.categories.map((c) => c.name).join('、')}`)
  if (r.basic) {
    out.push('', `【${r.basic.title}】（否决项）`)
    let group: string | undefined
    for (const b of r.basic.items) {
      if (b.group && b.group !== group) out.push(`  ${b.group}`)
      group = b.group
      out.push(`    ${b.id}  ${b.text}  ［${cat.get(b.category) ?? b.category}］ → ${effectText[b.effect ?? r.policies.vetoEffect]}${docText(b.docTypes)}`)
    }
  }
  for (const s of r.sections) {
    out.push('', `【${s.id} ${s.name}】 ${p(s.points)}`)
    for (const it of s.items) {
      const extras = [it.maxDeduction !== undefined ? `最多扣${p(it.maxDeduction)}` : '', it.naAllowed ? '可不适用' : ''].filter(Boolean).join('，')
      out.push(`  ${it.id}  ${it.name}  ${p(it.points)}${extras ? `（${extras}）` : ''}${docText(it.docTypes)}`)
      for (const v of it.vetoes ?? []) out.push(`      ✗ ${v.id}  否决：${v.text}  ［${cat.get(v.category) ?? v.category}］ → ${effectText[v.effect ?? r.policies.vetoEffect]}`)
      for (const rule of it.rules ?? []) {
        let how: string
        switch (rule.kind) {
          case 'fixed': how = `扣${p(rule.amount)}`; break
          case 'full': how = '扣全分'; break
          case 'perOccurrence': how = `每处扣${p(rule.amount)}${rule.maxDeduction !== undefined ? `，最多扣${p(rule.maxDeduction)}` : ''}`; break
          case 'perElement': how = `每缺一项扣${p(rule.amount)}${rule.elements ? `（${rule.elements.join('、')}）` : ''}${rule.maxDeduction !== undefined ? `，最多扣${p(rule.maxDeduction)}` : ''}`; break
          case 'range': how = `酌情扣${formatCents(toCents(rule.min))}–${p(rule.max)}，步长${formatCents(toCents(rule.step))}`; break
        }
        out.push(`      - ${rule.id}  ${rule.text}：${how}  ［${cat.get(rule.category) ?? rule.category}］`)
      }
    }
  }
  if (r.bonus) {
    out.push('', `【${r.bonus.title ?? '加分项'}】 合计最多加${p(r.bonus.cap)}，${r.bonus.mayExceedTotal ? '总分可超过满分' : '总分不超过满分'}`)
    for (const b of r.bonus.items) out.push(`  ${b.id}  ${b.name}  最多加${p(b.max)}${b.step !== undefined ? `，步长${formatCents(toCents(b.step))}` : ''}`)
  }
  if (r.units) {
    out.push('', '【单位评定】')
    if (r.units.meanBanding) out.push('  单位平均分按上述等次分档')
    if (r.units.ranking) out.push(`  按平均分排名${r.units.ranking.tieBreak === 'total' ? '，平均分相同按总分' : r.units.ranking.tieBreak === 'count' ? '，平均分相同按案卷数' : ''}`)
    for (const rating of r.units.ratings ?? []) {
      const conds = rating.conditions.map((c) => {
        if (c.kind === 'share') return `「${r.bands.find((b) => b.id === c.atLeastBand)?.name ?? c.atLeastBand}」及以上案卷占比 ≥ ${c.minPercent}%`
        if (c.kind === 'mean') return `平均分 ≥ ${c.min}`
        return '无否决卷'
      })
      out.push(`  ${rating.name}：${conds.join('，且')}`)
    }
  }
  return out
}
