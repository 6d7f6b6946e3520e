import type { CaseDb } from './db'
import type { DocumentRecord, MarkRecord, PageFlags, PageStateRecord } from './records'
import { addRotation } from '../pages/PageSource'

const now = () => new Date().toISOString()

export async function pageStatesOf(db: CaseDb, caseId: string): Promise<PageStateRecord[]> {
  return db.pageStates.where('caseId').equals(caseId).toArray()
}

/** Adds `delta` degrees to each page's rotation in one transaction. */
export async function rotatePages(db: CaseDb, caseId: string, pageIndexes: number[], delta: number): Promise<void> {
  await db.transaction('rw', db.pageStates, async () => {
    for (const pageIndex of pageIndexes) {
      const current = await db.pageStates.get([caseId, pageIndex])
      await db.pageStates.put({
        caseId,
        pageIndex,
        rotation: addRotation(current?.rotation ?? 0, delta),
        flags: current?.flags ?? {},
        updatedAt: now(),
      })
    }
  })
}

export async function setPageFlag(db: CaseDb, caseId: string, pageIndexes: number[], flag: keyof PageFlags, value: boolean): Promise<void> {
  await db.transaction('rw', db.pageStates, async () => {
    for (const pageIndex of pageIndexes) {
      const current = await db.pageStates.get([caseId, pageIndex])
      const flags = { ...(current?.flags ?? {}) }
      if (value) flags[flag] = true
      else delete flags[flag]
      await db.pageStates.put({ caseId, pageIndex, rotation: current?.rotation ?? 0, flags, updatedAt: now() })
    }
  })
}

export async function documentsOf(db: CaseDb, caseId: string): Promise<DocumentRecord[]> {
  const docs = await db.documents.where('caseId').equals(caseId).toArray()
  return docs.sort((a, b) => a.firstPage - b.firstPage || a.lastPage - b.lastPage)
}

export async function addDocument(db: CaseDb, doc: Omit<DocumentRecord, 'id' | 'updatedAt'>): Promise<DocumentRecord> {
  if (doc.firstPage > doc.lastPage) throw new Error('起始页不能大于结束页')
  const record: DocumentRecord = { ...doc, id: crypto.randomUUID(), updatedAt: now() }
  await db.documents.add(record)
  return record
}

export async function updateDocument(db: CaseDb, id: string, changes: Partial<Pick<DocumentRecord, 'firstPage' | 'lastPage' | 'typeId' | 'typeName' | 'note'>>): Promise<void> {
  await db.documents.update(id, { ...changes, updatedAt: now() })
}

export async function deleteDocument(db: CaseDb, id: string): Promise<void> {
  await db.documents.delete(id)
}

export async function marksOf(db: CaseDb, caseId: string): Promise<MarkRecord[]> {
  const marks = await db.marks.where('caseId').equals(caseId).toArray()
  return marks.sort((a, b) => a.pageIndex - b.pageIndex || a.createdAt.localeCompare(b.createdAt))
}

export async function addMark(db: CaseDb, mark: Pick<MarkRecord, 'caseId' | 'pageIndex' | 'rect' | 'note'>): Promise<MarkRecord> {
  const t = now()
  const record: MarkRecord = { ...mark, id: crypto.randomUUID(), createdAt: t, updatedAt: t }
  await db.marks.add(record)
  return record
}

export async function updateMarkNote(db: CaseDb, id: string, note: string): Promise<void> {
  await db.marks.update(id, { note, updatedAt: now() })
}

export async function deleteMark(db: CaseDb, id: string): Promise<void> {
  await db.marks.delete(id)
}
