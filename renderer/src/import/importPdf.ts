import type { CaseDb } from '../store/db'
import { addCaseFile, findCaseFileBySource } from '../store/caseFiles'
import type { CaseFileRecord } from '../store/records'
import { openPdf, pdfFacts, type PdfFacts } from '../pdf/openPdf'
import { blobByteSource } from '../pdf/scan/blobByteSource'
import { readForViewer } from '../pdf/scan/buildScanIndex'
import { viewerReadingToStore } from '../pdf/viewerReadingToStore'
import type { ImportProblem } from './importErrors'
import { sha256OfBlob } from './sha256'
import { sniffBlob } from './sniff'

export interface ImportProgress {
  fileName: string
  stage: 'checking' | 'hashing' | 'storing' | 'done'
  /** 0..1 within the current file. */
  fraction: number
}

/** Asked when a PDF needs an open password; resolves to the password, or null to cancel. */
export type PasswordPrompt = (fileName: string, wrongBefore: boolean) => Promise<string | null>

export type ImportOutcome = { ok: true; caseFile: CaseFileRecord } | { ok: false; problem: ImportProblem }

/**
 * Imports one PDF: checks it really opens (with a password if needed) before a single
 * byte is stored, then writes bytes and record in one transaction.
 */
export async function importPdf(db: CaseDb, file: File, deps: { askPassword: PasswordPrompt; onProgress?: (p: ImportProgress) => void; now?: () => Date; newId?: () => string }): Promise<ImportOutcome> {
  const fileName = file.name
  const progress = (stage: ImportProgress['stage'], fraction: number) => deps.onProgress?.({ fileName, stage, fraction })
  progress('checking', 0)
  if (file.size === 0) return { ok: false, problem: { code: 'empty', fileName } }
  if ((await sniffBlob(file)) !== 'pdf') return { ok: false, problem: { code: 'not-pdf', fileName } }

  let password: string | undefined
  let wrongBefore = false
  let pageCount: number
  let openRanges: [number, number][]
  let facts: PdfFacts | null
  for (;;) {
    const opened = await openPdf(file, password)
    if (opened.ok) {
      pageCount = opened.doc.numPages
      openRanges = opened.openRanges
      facts = await pdfFacts(opened.doc).catch(() => null)
      await opened.doc.destroy()
      break
    }
    const f = opened.failure
    if (f.kind === 'needs-password' || f.kind === 'wrong-password') {
      const answer = await deps.askPassword(fileName, wrongBefore || f.kind === 'wrong-password')
      if (answer === null) return { ok: false, problem: { code: 'password-cancelled', fileName } }
      password = answer
      wrongBefore = true
      continue
    }
    if (f.kind === 'empty') return { ok: false, problem: { code: 'empty', fileName } }
    return { ok: false, problem: { code: 'damaged', fileName, detail: 'detail' in f ? f.detail : '' } }
  }
  if (pageCount < 1) return { ok: false, problem: { code: 'no-pages', fileName } }
  // Which pages are plain JPEGs the viewer can draw itself, and the page-tree appendix that lets pdf.js
  // open the rest quickly; a file we cannot read strictly (or an encrypted one) simply has neither.
  // Read while the hash runs: small reads across the file overlap the hash's long sequential one.
  const reading = password === undefined ? readForViewer(blobByteSource(file), pageCount).catch(() => null) : Promise.resolve(null)

  progress('hashing', 0)
  const sha256 = await sha256OfBlob(file, (done, total) => progress('hashing', total ? done / total : 1))
  const existing = await findCaseFileBySource(db, sha256)
  if (existing) return { ok: false, problem: { code: 'duplicate', fileName, existingName: existing.name } }
  const { scanIndex, appendix } = await viewerReadingToStore(file, await reading, facts)

  progress('storing', 0)
  const mime = 'application/pdf'
  const record: CaseFileRecord = {
    id: (deps.newId ?? (() => crypto.randomUUID()))(),
    name: fileName.replace(/\.pdf$/i, ''),
    kind: 'pdf',
    sources: [{ sha256, name: fileName, mime, size: file.size }],
    pageCount,
    size: file.size,
    importedAt: (deps.now ?? (() => new Date()))().toISOString(),
    ...(password !== undefined ? { pdfPassword: password } : {}),
    ...(openRanges.length ? { openRanges } : {}),
    ...(appendix ? { pageTreeAppendix: appendix } : {}),
    // A file opened with a password is not read strictly: it records nothing, and is not indexed later either.
    ...(password === undefined ? { scanIndex } : {}),
  }
  try {
    await addCaseFile(db, record, [{ sha256, size: file.size, mime, data: file }])
  } catch (e) {
    return { ok: false, problem: { code: 'storage', fileName, detail: e instanceof Error ? e.message : String(e) } }
  }
  progress('done', 1)
  return { ok: true, caseFile: record }
}
