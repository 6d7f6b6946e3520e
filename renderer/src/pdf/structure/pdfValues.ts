export interface PdfName {
  readonly kind: 'name'
  /** Without the leading '/', #xx escapes decoded (bytes read as Latin-1). */
  readonly name: string
}
export interface PdfString {
  readonly kind: 'string'
  readonly bytes: Uint8Array
}
export interface PdfRef {
  readonly kind: 'ref'
  readonly num: number
  readonly gen: number
}
export interface PdfDict {
  readonly kind: 'dict'
  /** Keys without '/'. */
  readonly entries: ReadonlyMap<string, PdfValue>
}
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict

/** An indirect object that is a stream: dict plus where its raw (still encoded) data sits in the file. */
export interface PdfStreamObject {
  readonly kind: 'stream'
  readonly dict: PdfDict
  readonly dataOffset: number
  readonly length: number
}
export type PdfObject = PdfValue | PdfStreamObject

function hasKind(v: unknown, kind: string): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === kind
}

export const isName = (v: unknown, name?: string): v is PdfName =>
  hasKind(v, 'name') && (name === undefined || (v as PdfName).name === name)
export const isString = (v: unknown): v is PdfString => hasKind(v, 'string')
export const isRef = (v: unknown): v is PdfRef => hasKind(v, 'ref')
export const isDict = (v: unknown): v is PdfDict => hasKind(v, 'dict')
export const isStream = (v: unknown): v is PdfStreamObject => hasKind(v, 'stream')
export const isArray = (v: unknown): v is PdfValue[] => Array.isArray(v)
export const isNumber = (v: unknown): v is number => typeof v === 'number'
export const isInt = (v: unknown): v is number => Number.isSafeInteger(v)

export const dictGet = (d: PdfDict, key: string): PdfValue | undefined => d.entries.get(key)

export const pdfName = (name: string): PdfName => ({ kind: 'name', name })
export const pdfRef = (num: number, gen: number): PdfRef => ({ kind: 'ref', num, gen })
export const pdfDict = (entries: Iterable<[string, PdfValue]>): PdfDict => ({ kind: 'dict', entries: new Map(entries) })

/** Anything this reader does not understand; the caller falls back to pdf.js. */
export class PdfStructureError extends Error {
  override name = 'PdfStructureError'
}
