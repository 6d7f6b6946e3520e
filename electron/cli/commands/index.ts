import type { CliCommand } from '../command'
import { auditCommand } from './audit'
import { reportCommand } from './report'
import { rubricCommand } from './rubric'
import { scoreCommand } from './score'
import { verifyCommand } from './verify'
import { versionCommand } from './version'

/** Every command the CLI knows; `--help` lists them in this order. */
export const commands: CliCommand[] = [versionCommand, rubricCommand, scoreCommand, auditCommand, reportCommand, verifyCommand]
