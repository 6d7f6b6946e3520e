import type { CaseDb } from '../store/db'
import { importPdf, type ImportOutcome, type ImportProgress, type PasswordPrompt } from './importPdf'
import { sniffBlob } from './sniff'

export interface ImportFilesDeps {
  askPassword: PasswordPrompt
  onProgress?: (p: ImportProgress & { index: number; count: number }) => void
  onOutcome?: (outcome: ImportOutcome) => void
}

/** Imports files one after another; one bad file never stops the others. */
export async function importFiles(db: CaseDb, files: File[], deps: ImportFilesDeps): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const [index, file] of files.entries()) {
    const onProgress = (p: ImportProgress) => deps.onProgress?.({ ...p, index, count: files.length })
    let outcome: ImportOutcome
    const kind = file.size === 0 ? 'empty' : await sniffBlob(file)
    if (kind === 'jpeg' || kind === 'png' || kind === 'tiff') {
      outcome = { ok: false, problem: { code: 'unsupported-image', fileName: file.name, detail: '图片案卷导入尚未开放' } }
    } else {
      outcome = await importPdf(db, file, { askPassword: deps.askPassword, onProgress })
    }
    outcomes.push(outcome)
    deps.onOutcome?.(outcome)
  }
  return outcomes
}
