import type { CliCommand, CliIo } from './command'

export function helpText(commands: CliCommand[]): string {
  const lines = ['案卷评查台 命令行工具', '', '用法: npm run cli -- <命令> [参数]', '', '命令:']
  for (const c of commands) {
    lines.push(`  ${c.name.padEnd(10)} ${c.summary}`)
    for (const u of c.usage) lines.push(`      ${u}`)
  }
  lines.push('', '选项:', '  --help, -h  显示本帮助')
  return lines.join('\n')
}

/** Dispatches argv to a command and returns the exit code (0 ok, 1 failed check, 2 usage error). */
export async function runCli(argv: string[], commands: CliCommand[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText(commands))
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`未知命令「${name}」。运行 npm run cli -- --help 查看可用命令。`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out([`${command.name}: ${command.summary}`, ...command.usage.map((u) => `  ${u}`)].join('\n'))
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    io.err(`命令「${name}」出错：${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
