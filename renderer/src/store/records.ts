import type { Rubric } from '@scoring/index'
import type { ScanIndex } from '../pdf/scan/scanPage'

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

/** Where an image case file's page comes from: which source, and which frame of a multi-page TIFF. */
export interface ImagePageRef {
  source: number
  frame: number
  width: number
  height: number
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
  /** Image case files only: one entry per page, in reading order. */
  pages?: ImagePageRef[]
  /** Byte ranges pdf.js read to open the PDF at import; read ahead in parallel on later opens. */
  openRanges?: [number, number][]
  /** PDFs only: which pages are single JPEGs the viewer can draw without pdf.js (see pdf/scan). A cache of the file's structure: rebuilt when missing. */
  scanIndex?: ScanIndex
  /** PDFs only: the page-tree objects repeated side by side, appended to what pdf.js reads so it opens a long scan in a few reads (see pdf/scan/pageTreeAppendix.ts). */
  pageTreeAppendix?: string
  /** The open password a reviewer typed at import, so the file opens again without asking. Stays on this laptop. */
  pdfPassword?: string
}

export interface SettingRecord {
  key: string
  value: unknown
}

/** Marks a reviewer puts on a page while paging through a file. */
export interface PageFlags {
  blank?: boolean
  duplicate?: boolean
  unreadable?: boolean
  /** A page seems to be missing after this one (numbering gap, cut-off text). */
  missingAfter?: boolean
}

/** One page's viewer state. Keyed by case and page, so two laptops' edits of the same page meet. */
export interface PageStateRecord {
  caseId: string
  /** 0-based. */
  pageIndex: number
  /** The reviewer's rotation on top of the file's own; the file is never changed. */
  rotation: 0 | 90 | 180 | 270
  flags: PageFlags
  updatedAt: string
}

/** An entry of the document index (卷内目录): a page range holding one document. */
export interface DocumentRecord {
  id: string
  caseId: string
  /** 0-based, inclusive. */
  firstPage: number
  lastPage: number
  /** Id from a resources/doc-types list; `typeName` keeps the name readable if the list changes. */
  typeId: string
  typeName: string
  note: string
  updatedAt: string
}

/** A rectangle on a page, in page space (see pages/pageGeometry.ts). Deductions cite these as evidence. */
export interface MarkRecord {
  id: string
  caseId: string
  pageIndex: number
  rect: { x: number; y: number; width: number; height: number }
  note: string
  createdAt: string
  updatedAt: string
}

/** An author's own rubric template: the lineage of versions sharing one Rubric.id. Built-ins are never stored. */
export interface RubricTemplateRecord {
  /** Equals the `id` inside every version's rubric JSON. */
  id: string
  name: string
  caseType: string
  standard: string
  /** The template it was duplicated from, shown so authors know where their copy came from. */
  basedOn?: { rubricId: string; version: number; name: string }
  /** 1 = hidden from the library list (IndexedDB cannot index booleans). Archived templates stay pinnable. */
  archived: 0 | 1
  createdAt: string
  updatedAt: string
}

export type RubricVersionStatus = 'draft' | 'published'

/** One numbered version. A draft may be edited and may fail validation; a published version is valid and never changes. */
export interface RubricVersionRecord {
  rubricId: string
  version: number
  status: RubricVersionStatus
  rubric: Rubric
  createdAt: string
  updatedAt: string
  publishedAt?: string
  /** The author's change note ("依据2024年修订调整送达项分值"). */
  note: string
}
