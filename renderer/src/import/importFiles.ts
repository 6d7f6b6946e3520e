import type { CaseDb } from '../store/db'
import { importImages } from './importImages'
import { importPdf, type ImportOutcome, type ImportProgress, type PasswordPrompt } from './importPdf'
import { sniffBlob } from './sniff'

export interface ImportFilesDeps {
  askPassword: PasswordPrompt
  /** `index` of `count` counts case files being made: each PDF is one, all images chosen together are one. */
  onProgress?: (p: ImportProgress & { index: number; count: number }) => void
  onOutcome?: (outcome: ImportOutcome) => void
}

type ImportUnit = { kind: 'pdf'; file: File } | { kind: 'images'; files: File[] }

/**
 * Imports files one case file after another; one bad file never stops the others.
 * Each PDF (and anything unrecognised, which importPdf refuses with a reason) is its own case file;
 * all JPEG/PNG/TIFF files in one selection become a single case file, taking the place of the first.
 */
export async function importFiles(db: CaseDb, files: File[], deps: ImportFilesDeps): Promise<ImportOutcome[]> {
  const units: ImportUnit[] = []
  let images: File[] | null = null
  for (const file of files) {
    const kind = file.size === 0 ? 'empty' : await sniffBlob(file)
    if (kind === 'jpeg' || kind === 'png' || kind === 'tiff') {
      if (!images) units.push({ kind: 'images', files: (images = []) })
      images.push(file)
    } else units.push({ kind: 'pdf', file })
  }

  const outcomes: ImportOutcome[] = []
  for (const [index, unit] of units.entries()) {
    const onProgress = (p: ImportProgress) => deps.onProgress?.({ ...p, index, count: units.length })
    const outcome = unit.kind === 'images' ? await importImages(db, unit.files, { onProgress }) : await importPdf(db, unit.file, { askPassword: deps.askPassword, onProgress })
    outcomes.push(outcome)
    deps.onOutcome?.(outcome)
  }
  return outcomes
}
