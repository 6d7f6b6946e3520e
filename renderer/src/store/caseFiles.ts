import type { CaseDb } from './db'
import type { ScanIndex } from '../pdf/scan/scanPage'
import type { BlobRecord, CaseFileRecord } from './records'

export async function listCaseFiles(db: CaseDb): Promise<CaseFileRecord[]> {
  return db.caseFiles.orderBy('importedAt').reverse().toArray()
}

export async function getCaseFile(db: CaseDb, id: string): Promise<CaseFileRecord | undefined> {
  return db.caseFiles.get(id)
}

export async function findCaseFileBySource(db: CaseDb, sha256: string): Promise<CaseFileRecord | undefined> {
  return db.caseFiles.filter((c) => c.sources.some((s) => s.sha256 === sha256)).first()
}

/**
 * Adds a case file and its bytes in one transaction: either both are stored or neither.
 * Bytes already present under the same hash are not written twice.
 */
export async function addCaseFile(db: CaseDb, record: CaseFileRecord, blobs: BlobRecord[]): Promise<void> {
  await db.transaction('rw', db.caseFiles, db.blobs, async () => {
    for (const blob of blobs) {
      const existing = await db.blobs.get(blob.sha256)
      if (!existing) await db.blobs.add(blob)
    }
    await db.caseFiles.add(record)
  })
}

export async function getBlob(db: CaseDb, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.data
}

/** Stores what the viewer keeps about a PDF's structure (a cache, rebuilt when missing); nothing else of the record changes. */
export async function saveViewerReading(db: CaseDb, id: string, scanIndex: ScanIndex, pageTreeAppendix: string | null): Promise<void> {
  await db.caseFiles.update(id, pageTreeAppendix ? { scanIndex, pageTreeAppendix } : { scanIndex })
}
