import type { CliCommand } from '../command'
import { versionCommand } from './version'

/** Every command the CLI knows; `--help` lists them in this order. */
export const commands: CliCommand[] = [versionCommand]
