import { commands } from './commands/index'
import { runCli } from './main'

const code = await runCli(process.argv.slice(2), commands, {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  cwd: process.env.INIT_CWD ?? process.cwd(),
})
process.exitCode = code
