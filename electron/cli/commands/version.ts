import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CliCommand } from '../command'

export const versionCommand: CliCommand = {
  name: 'version',
  summary: '显示案卷评查台的版本号',
  usage: ['version'],
  async run(_args, io) {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }
    io.out(pkg.version)
    return 0
  },
}
