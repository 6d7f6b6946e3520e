import type { CaseDb } from '../store/db'
import { addCaseFile } from '../store/caseFiles'
import type { BlobRecord, CaseFileRecord, CaseSource, ImagePageRef } from '../store/records'
import type { ImportOutcome, ImportProgress } from './importPdf'
import { imageCaseName } from './imageCaseName'
import { sortNatural } from './naturalSort'
import { imageMime, readImagePages, type ImageKind } from './readImagePages'
import { sha256OfBlob } from './sha256'
import { sniffBlob } from './sniff'

const isImageKind = (k: string): k is ImageKind => k === 'jpeg' || k === 'png' || k === 'tiff'

/** The order pages are read in: by path inside a chosen folder, else by file name, numbers compared as numbers. */
const sortKey = (f: File) => f.webkitRelativePath || f.name

/**
 * Imports image files chosen together (JPEG/PNG pages, multi-page TIFFs) as ONE case file.
 * Every file must decode before a byte is stored, and bytes and record go in one
 * transaction: one bad page refuses the whole set, never a case file with a hole in it.
 */
export async function importImages(
  db: CaseDb,
  files: File[],
  deps: { onProgress?: (p: ImportProgress) => void; now?: () => Date; newId?: () => string } = {},
): Promise<ImportOutcome> {
  const ordered = sortNatural(files, sortKey)
  const name = imageCaseName(ordered)
  const groupSize = ordered.length
  const progress = (fileName: string, stage: ImportProgress['stage'], fraction: number) => deps.onProgress?.({ fileName, stage, fraction })

  const sources: CaseSource[] = []
  const pages: ImagePageRef[] = []
  for (const [i, file] of ordered.entries()) {
    progress(file.name, 'checking', i / groupSize)
    if (file.size === 0) return { ok: false, problem: { code: 'empty', fileName: file.name } }
    const kind = await sniffBlob(file)
    if (!isImageKind(kind)) return { ok: false, problem: { code: 'not-pdf', fileName: file.name } }
    const read = await readImagePages(file, kind)
    if (!read.ok) {
      return { ok: false, problem: read.reason === 'damaged' ? { code: 'image-damaged', fileName: file.name, detail: read.detail, groupSize } : { code: 'unsupported-image', fileName: file.name, detail: read.detail, groupSize } }
    }
    read.frames.forEach((f, frame) => pages.push({ source: i, frame, width: f.width, height: f.height }))
    sources.push({ sha256: '', name: file.name, mime: imageMime[kind], size: file.size })
  }
  if (pages.length === 0) return { ok: false, problem: { code: 'no-pages', fileName: name } }

  const total = ordered.reduce((sum, f) => sum + f.size, 0)
  let hashed = 0
  for (const [i, file] of ordered.entries()) {
    sources[i]!.sha256 = await sha256OfBlob(file, (done) => progress(file.name, 'hashing', total ? (hashed + done) / total : 1))
    hashed += file.size
  }

  const existing = await findSameImageSet(db, sources)
  if (existing) return { ok: false, problem: { code: 'duplicate', fileName: name, existingName: existing.name } }

  progress(name, 'storing', 0)
  const record: CaseFileRecord = {
    id: (deps.newId ?? (() => crypto.randomUUID()))(),
    name,
    kind: 'images',
    sources,
    pageCount: pages.length,
    size: total,
    importedAt: (deps.now ?? (() => new Date()))().toISOString(),
    pages,
  }
  const blobs: BlobRecord[] = sources.map((s, i) => ({ sha256: s.sha256, size: s.size, mime: s.mime, data: ordered[i]! }))
  try {
    await addCaseFile(db, record, blobs)
  } catch (e) {
    return { ok: false, problem: { code: 'storage', fileName: name, detail: e instanceof Error ? e.message : String(e) } }
  }
  progress(name, 'done', 1)
  return { ok: true, caseFile: record }
}

/** An image case file made of exactly these files (same contents, same order) is the same case file. */
async function findSameImageSet(db: CaseDb, sources: CaseSource[]): Promise<CaseFileRecord | undefined> {
  const key = sources.map((s) => s.sha256).join(',')
  return db.caseFiles.filter((c) => c.kind === 'images' && c.sources.map((s) => s.sha256).join(',') === key).first()
}
