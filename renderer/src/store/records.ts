/** Stored shapes. Ids are UUIDs because libraries from several laptops get merged. */

/** One stored byte source: a PDF, a TIFF, or one image page. Keyed by content, never modified. */
export interface BlobRecord {
  sha256: string
  size: number
  mime: string
  data: Blob
}

export type CaseFileKind = 'pdf' | 'images'

export interface CaseSource {
  sha256: string
  name: string
  mime: string
  size: number
}

export interface CaseFileRecord {
  id: string
  name: string
  kind: CaseFileKind
  /** A PDF has one source; an image case file has one per image file (a TIFF may hold many pages). */
  sources: CaseSource[]
  pageCount: number
  /** Sum of the sources' sizes, in bytes. */
  size: number
  importedAt: string
  /** The open password a reviewer typed at import, so the file opens again without asking. Stays on this laptop. */
  pdfPassword?: string
}

export interface SettingRecord {
  key: string
  value: unknown
}
