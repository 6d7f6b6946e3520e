/** One top-level CLI command. `run` returns the process exit code; it never calls process.exit itself so tests can call it. */
export interface CliCommand {
  name: string
  /** One line for `--help`. */
  summary: string
  /** Usage lines shown by `--help` and on a usage error. */
  usage: string[]
  run(args: string[], io: CliIo): Promise<number>
}

export interface CliIo {
  out(text: string): void
  err(text: string): void
  cwd: string
}
