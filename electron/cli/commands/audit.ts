import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { HashFn } from '@scoring/index'
import { describeAuditProblem, readAuditLog, verifyChain } from '@scoring/index'
import type { CliCommand } from '../command'
import { printErrors, readJsonFile } from './rubric'

const USAGE = ['audit verify <审计日志.json | 评查活动导出.json>']

export const sha256Hex: HashFn = async (text) => createHash('sha256').update(text, 'utf8').digest('hex')

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '校验审计日志的哈希链是否完整（记录有无被修改、删除、调换或伪造）',
  usage: USAGE,
  async run(args, io) {
    let positionals: string[]
    try {
      positionals = parseArgs({ args, allowPositionals: true, strict: true, options: {} }).positionals
    } catch (e) {
      io.err(`${e instanceof Error ? e.message : String(e)}\n用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    const [sub, file, ...rest] = positionals
    if (sub !== 'verify' || !file || rest.length > 0) {
      io.err(`用法：npm run cli -- ${USAGE[0]}`)
      return 2
    }
    const json = readJsonFile(file, io)
    if (!json.ok) {
      printErrors(io, `无法读取 ${file}`, json.errors)
      return 2
    }
    const log = readAuditLog(json.value)
    if (!log.ok) {
      printErrors(io, log.notALog ? `${file} 不是审计日志` : `审计日志 ${file} 格式不符`, log.errors)
      return log.notALog ? 2 : 1
    }
    const result = await verifyChain(log.entries, sha256Hex)
    if (!result.ok) {
      io.err(`审计日志 ${file} 未通过校验：共 ${result.problems.length} 处问题`)
      for (const p of result.problems) io.err(`  ${describeAuditProblem(p)}`)
      return 1
    }
    const total = result.chains.reduce((s, c) => s + c.count, 0)
    io.out(`审计日志完整：${result.chains.length} 条链，共 ${total} 条记录`)
    for (const c of result.chains) io.out(`  链 ${c.chainId}：${c.count} 条记录，链头 ${c.head}`)
    return 0
  },
}
