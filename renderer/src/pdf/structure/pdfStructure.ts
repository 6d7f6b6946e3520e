import { Unzlib } from 'fflate'
import { PdfLexer, PdfNeedMoreData, isWhite } from './pdfLexer'
import {
  PdfStructureError,
  dictGet,
  isArray,
  isDict,
  isInt,
  isName,
  isRef,
  isStream,
  type PdfDict,
  type PdfObject,
  type PdfRef,
  type PdfStreamObject,
  type PdfValue,
} from './pdfValues'

export { PdfStructureError }

export interface ByteSource {
  readonly size: number
  /** `end` exclusive. */
  read(begin: number, end: number): Promise<Uint8Array>
}

export interface PdfStructure {
  /** Merged newest-wins over the /Prev chain. */
  readonly trailer: PdfDict
  /** Where the newest cross-reference section starts (the file's `startxref`). */
  readonly startxref: number
  /** Where an uncompressed object starts in the file; null for objects in object streams, free or missing ones. */
  offsetOf(ref: PdfRef): number | null
  /** Cached; a free or missing entry resolves to null (PDF semantics). */
  get(ref: PdfRef): Promise<PdfObject>
  /** Follows references up to 16 deep. */
  resolve(v: PdfValue | undefined): Promise<PdfObject | undefined>
  /** Raw bytes of the stream data, exactly [dataOffset, dataOffset+length). */
  rawStream(s: PdfStreamObject): Promise<Uint8Array>
  /** No filter, or FlateDecode with PNG (10–15) or TIFF (2, 8-bit) predictors; anything else throws. */
  decodeStream(s: PdfStreamObject): Promise<Uint8Array>
}

type XrefEntry =
  | { readonly type: 0 }
  | { readonly type: 1; readonly offset: number; readonly gen: number }
  | { readonly type: 2; readonly stream: number; readonly index: number }

interface Section {
  readonly entries: Map<number, XrefEntry>
  readonly trailer: PdfDict
}

interface ObjStm {
  readonly data: Uint8Array
  readonly nums: number[]
  readonly starts: number[]
}

const TAIL = 1024
const WINDOW = 4096
const OBJECT_CAP = 1 << 20
const XREF_CAP = 64 << 20
const MAX_SECTIONS = 256
const MAX_REF_DEPTH = 16
/** Keys of an xref stream's dictionary that describe the stream, not the document. */
const STREAM_KEYS = new Set(['Type', 'Length', 'Filter', 'DecodeParms', 'W', 'Index', 'Prev', 'XRefStm'])

function fail(what: string): never {
  throw new PdfStructureError(what)
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

function lastIndexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = hay.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

const nonNegInt = (v: PdfValue | undefined, what: string): number => (isInt(v) && v >= 0 ? v : fail(`bad ${what}`))

/** Recently read windows, so neighbouring objects cost no second read. */
class Windows {
  private readonly kept: { begin: number; bytes: Uint8Array }[] = []

  constructor(private readonly src: ByteSource) {}

  /** Bytes from `offset` to the end of some cached window, if one holds `offset`. */
  cached(offset: number): Uint8Array | undefined {
    const w = this.kept.find((k) => k.begin <= offset && offset < k.begin + k.bytes.length)
    return w?.bytes.subarray(offset - w.begin)
  }

  /** At least [offset, offset+len) clipped to the file. */
  async read(offset: number, len: number): Promise<Uint8Array> {
    const end = Math.min(this.src.size, offset + len)
    const w = this.kept.find((k) => k.begin <= offset && end <= k.begin + k.bytes.length)
    if (w) return w.bytes.subarray(offset - w.begin)
    const bytes = await readExact(this.src, offset, end)
    if (bytes.length <= OBJECT_CAP) {
      this.kept.push({ begin: offset, bytes })
      if (this.kept.length > 16) this.kept.shift()
    }
    return bytes
  }
}

async function readExact(src: ByteSource, begin: number, end: number): Promise<Uint8Array> {
  if (begin < 0 || end > src.size || begin > end) fail(`read outside the file: ${begin}..${end}`)
  const bytes = await src.read(begin, end)
  if (bytes.length !== end - begin) fail(`short read at ${begin}`)
  return bytes
}

interface Indirect {
  readonly num: number
  readonly gen: number
  readonly value: PdfValue
  /** Relative to the parse start; set when the object is a stream. */
  readonly dataStart?: number
}

function parseIndirect(lx: PdfLexer): Indirect {
  const n = lx.next()
  const g = lx.next()
  const o = lx.next()
  if (n.t !== 'num' || !n.int || n.v < 0 || g.t !== 'num' || !g.int || g.v < 0 || o.t !== 'kw' || o.v !== 'obj') {
    return lx.fail('offset does not point at "N G obj"')
  }
  const value = lx.readValue(true)
  const after = lx.next()
  if (after.t === 'kw' && after.v === 'endobj') return { num: n.v, gen: g.v, value }
  if (after.t !== 'kw' || after.v !== 'stream') return lx.fail('missing endobj')
  if (!isDict(value)) return lx.fail('stream without a dictionary')
  if (lx.pos + 2 > lx.bytes.length && !lx.final) throw new PdfNeedMoreData('window too small')
  const b = lx.bytes
  // The spec allows CRLF or LF; a lone CR is common too. The endstream check behind /Length catches a misread start.
  if (b[lx.pos] === 0x0d && b[lx.pos + 1] === 0x0a) lx.pos += 2
  else if (b[lx.pos] === 0x0a || b[lx.pos] === 0x0d) lx.pos += 1
  else lx.fail('stream keyword not followed by an end of line')
  return { num: n.v, gen: g.v, value, dataStart: lx.pos }
}

function parseXrefTable(lx: PdfLexer): Section | null {
  const head = lx.next()
  if (head.t !== 'kw' || head.v !== 'xref') return null
  const entries = new Map<number, XrefEntry>()
  for (;;) {
    const t = lx.next()
    if (t.t === 'kw' && t.v === 'trailer') break
    const count = lx.next()
    if (t.t !== 'num' || !t.int || t.v < 0 || count.t !== 'num' || !count.int || count.v < 0) lx.fail('bad xref subsection')
    let start = t.v
    for (let i = 0; i < count.v; i++) {
      const off = lx.next()
      const gen = lx.next()
      const kind = lx.next()
      if (off.t !== 'num' || !off.int || off.v < 0 || gen.t !== 'num' || !gen.int || gen.v < 0 || gen.v > 0xffff) {
        lx.fail('bad xref entry')
      }
      if (kind.t !== 'kw' || (kind.v !== 'n' && kind.v !== 'f')) lx.fail('bad xref entry type')
      // A table that opens "1 n" with object 0's entry really starts at 0 (pdf.js issue 3248); a wrong
      // guess cannot pass unnoticed, because every in-use offset is checked against "N G obj".
      if (i === 0 && t.v === 1 && entries.size === 0 && kind.v === 'f' && off.v === 0 && gen.v === 0xffff) start = 0
      const num = start + i
      if (entries.has(num)) lx.fail(`object ${num} twice in one xref table`)
      entries.set(num, kind.v === 'n' ? { type: 1, offset: off.v, gen: gen.v } : { type: 0 })
    }
  }
  const trailer = lx.readValue(true)
  if (!isDict(trailer)) return lx.fail('trailer is not a dictionary')
  return { entries, trailer }
}

function xrefStreamEntries(dict: PdfDict, data: Uint8Array): Map<number, XrefEntry> {
  const w = dictGet(dict, 'W')
  if (!isArray(w) || w.length !== 3) fail('bad /W')
  const widths = w.map((x) => (isInt(x) && x >= 0 && x <= 8 ? x : fail('bad /W')))
  const [w0, w1, w2] = widths as [number, number, number]
  const size = nonNegInt(dictGet(dict, 'Size'), '/Size')
  const index = dictGet(dict, 'Index') ?? [0, size]
  if (!isArray(index) || index.length % 2 !== 0) fail('bad /Index')
  const row = w0 + w1 + w2
  // A zero-width row would let /Index name billions of entries out of no data.
  if (w1 === 0) fail('bad /W')
  const entries = new Map<number, XrefEntry>()
  let pos = 0
  const field = (width: number): number => {
    let v = 0
    for (let k = 0; k < width; k++) v = v * 256 + data[pos++]!
    if (!Number.isSafeInteger(v)) fail('xref field too large')
    return v
  }
  for (let i = 0; i < index.length; i += 2) {
    const first = nonNegInt(index[i], '/Index')
    const count = nonNegInt(index[i + 1], '/Index')
    if (pos + count * row > data.length) fail('xref stream shorter than /Index says')
    for (let j = 0; j < count; j++) {
      const type = w0 === 0 ? 1 : field(w0)
      const f2 = field(w1)
      const f3 = field(w2)
      if (entries.has(first + j)) fail(`object ${first + j} twice in one xref stream`)
      // Unknown entry types stand for the null object (ISO 32000-1, 7.5.8.3).
      const e: XrefEntry = type === 1 ? { type: 1, offset: f2, gen: f3 } : type === 2 ? { type: 2, stream: f2, index: f3 } : { type: 0 }
      entries.set(first + j, e)
    }
  }
  return entries
}

function adler32(data: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < data.length; ) {
    const end = Math.min(data.length, i + 5552)
    for (; i < end; i++) {
      a += data[i]!
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

/** Far above any content stream, object stream or xref stream of a scan; a Flate bomb stops here. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024
/** Fed to the inflater this much at a time, so one step can never produce more than about 16 MB. */
const INFLATE_STEP = 16 * 1024

function inflate(raw: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  let tooLarge = false
  const z = new Unzlib((chunk) => {
    total += chunk.length
    chunks.push(chunk)
  })
  try {
    for (let at = 0; at < raw.length || at === 0; at += INFLATE_STEP) {
      z.push(raw.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= raw.length)
      if (total > MAX_INFLATED_BYTES) {
        tooLarge = true
        break
      }
    }
  } catch (e) {
    return fail(`bad Flate data: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (tooLarge) return fail('decoded stream too large')
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  // fflate does not check the checksum; without it a truncated or wrong /Length could decode to garbage.
  // Up to two trailing end-of-line bytes counted into /Length are tolerated.
  const want = adler32(out)
  for (let k = 0; k <= 2 && raw.length >= 6 + k; k++) {
    const e = raw.length - k
    if (k > 0 && !isWhite(raw[e])) break
    const got = ((raw[e - 4]! << 24) | (raw[e - 3]! << 16) | (raw[e - 2]! << 8) | raw[e - 1]!) >>> 0
    if (got === want) return out
  }
  return fail('Flate checksum mismatch')
}

function unpredict(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const get = (key: string, dflt: number) => {
    const v = parms ? dictGet(parms, key) : undefined
    return v === undefined ? dflt : nonNegInt(v, `/${key}`)
  }
  const predictor = get('Predictor', 1)
  if (predictor === 1) return data
  const colors = get('Colors', 1)
  const bpc = get('BitsPerComponent', 8)
  const columns = get('Columns', 1)
  if (colors < 1 || colors > 32 || ![1, 2, 4, 8, 16].includes(bpc) || columns < 1) fail('bad /DecodeParms')
  const bpp = Math.ceil((colors * bpc) / 8)
  const rowBytes = Math.ceil((columns * colors * bpc) / 8)
  if (predictor === 2) {
    if (bpc !== 8) fail('TIFF predictor supported only for 8 bits per component')
    if (data.length % rowBytes !== 0) fail('predicted data is not whole rows')
    const out = data.slice()
    for (let r = 0; r < out.length; r += rowBytes) {
      for (let i = colors; i < rowBytes; i++) out[r + i] = (out[r + i]! + out[r + i - colors]!) & 0xff
    }
    return out
  }
  if (predictor < 10 || predictor > 15) fail(`unsupported predictor ${predictor}`)
  const stride = rowBytes + 1
  if (data.length % stride !== 0) fail('predicted data is not whole rows')
  const rows = data.length / stride
  const out = new Uint8Array(rows * rowBytes)
  for (let r = 0; r < rows; r++) {
    const tag = data[r * stride]!
    const src = r * stride + 1
    const dst = r * rowBytes
    for (let i = 0; i < rowBytes; i++) {
      const x = data[src + i]!
      const left = i >= bpp ? out[dst + i - bpp]! : 0
      const up = r > 0 ? out[dst - rowBytes + i]! : 0
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0
      let v: number
      switch (tag) {
        case 0: v = x; break
        case 1: v = x + left; break
        case 2: v = x + up; break
        case 3: v = x + ((left + up) >> 1); break
        case 4: {
          const p = left + up - upLeft
          const pa = Math.abs(p - left)
          const pb = Math.abs(p - up)
          const pc = Math.abs(p - upLeft)
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)
          break
        }
        default: return fail(`bad PNG row filter ${tag}`)
      }
      out[dst + i] = v & 0xff
    }
  }
  return out
}

/** Decodes with filters and parameters already resolved to direct values. */
function decodeData(filter: PdfValue | undefined, parms: PdfValue | undefined, raw: Uint8Array): Uint8Array {
  const filters = filter === undefined ? [] : isArray(filter) ? filter : [filter]
  if (filters.length === 0) return raw
  if (filters.length !== 1 || !isName(filters[0], 'FlateDecode')) return fail('unsupported filter')
  const p = isArray(parms) ? parms[0] : parms
  if (p !== undefined && p !== null && !isDict(p)) fail('bad /DecodeParms')
  return unpredict(inflate(raw), isDict(p) ? p : undefined)
}

class Structure implements PdfStructure {
  readonly trailer: PdfDict
  readonly startxref: number
  private readonly win: Windows
  private readonly entries: Map<number, XrefEntry>
  /** Loads in flight or done, by key; `waits` records what each load in flight is waiting on, to refuse cycles instead of hanging. */
  private readonly loads = new Map<string, Promise<unknown>>()
  private readonly waits = new Map<string, string>()

  constructor(
    private readonly src: ByteSource,
    win: Windows,
    entries: Map<number, XrefEntry>,
    trailer: PdfDict,
    startxref: number,
  ) {
    this.startxref = startxref
    this.win = win
    this.entries = entries
    this.trailer = trailer
  }

  get(ref: PdfRef): Promise<PdfObject> {
    return this.load(null, ref)
  }

  offsetOf(ref: PdfRef): number | null {
    const e = this.entries.get(ref.num)
    return e?.type === 1 && e.gen === ref.gen ? e.offset : null
  }

  async resolve(v: PdfValue | undefined): Promise<PdfObject | undefined> {
    let cur: PdfObject | undefined = v
    for (let i = 0; i < MAX_REF_DEPTH && isRef(cur); i++) cur = await this.get(cur)
    return isRef(cur) ? fail('reference chain too long') : cur
  }

  rawStream(s: PdfStreamObject): Promise<Uint8Array> {
    return readExact(this.src, s.dataOffset, s.dataOffset + s.length)
  }

  async decodeStream(s: PdfStreamObject): Promise<Uint8Array> {
    if (dictGet(s.dict, 'F') !== undefined) fail('external stream data')
    const filter = await this.resolveDeep(dictGet(s.dict, 'Filter'))
    const parms = await this.resolveDeep(dictGet(s.dict, 'DecodeParms'))
    return decodeData(filter, parms, await this.rawStream(s))
  }

  /** Filter and DecodeParms may hold references at one more level (array items). */
  private async resolveDeep(v: PdfValue | undefined): Promise<PdfValue | undefined> {
    const r = await this.resolve(v)
    if (isStream(r)) return fail('stream where a value was expected')
    if (!isArray(r)) return r
    const items: PdfValue[] = []
    for (const item of r) {
      const x = await this.resolve(item)
      if (isStream(x) || x === undefined) return fail('stream where a value was expected')
      items.push(x)
    }
    return items
  }

  private dep<T>(from: string | null, key: string, make: (self: string) => Promise<T>): Promise<T> {
    let p = this.loads.get(key) as Promise<T> | undefined
    if (!p) {
      p = make(key)
      p.catch(() => undefined)
      this.loads.set(key, p)
    }
    if (from === null) return p
    for (let k: string | undefined = key; k !== undefined; k = this.waits.get(k)) {
      if (k === from) return Promise.reject(new PdfStructureError(`reference cycle through ${key}`))
    }
    this.waits.set(from, key)
    return p.finally(() => this.waits.delete(from))
  }

  private load(from: string | null, ref: PdfRef): Promise<PdfObject> {
    if (!isInt(ref.num) || ref.num < 0 || !isInt(ref.gen) || ref.gen < 0) return Promise.reject(new PdfStructureError('bad reference'))
    return this.dep(from, `${ref.num} ${ref.gen}`, (self) => this.fetch(self, ref))
  }

  private async fetch(self: string, ref: PdfRef): Promise<PdfObject> {
    const e = this.entries.get(ref.num)
    if (e === undefined || e.type === 0) return null
    if (e.type === 1) {
      if (e.gen !== ref.gen) fail(`object ${ref.num}: xref has generation ${e.gen}, reference ${ref.gen}`)
      return this.fetchAt(self, ref, e.offset)
    }
    if (ref.gen !== 0) fail(`compressed object ${ref.num} with generation ${ref.gen}`)
    const os = await this.dep(self, `objstm ${e.stream}`, (s) => this.objStm(s, e.stream))
    if (os.nums[e.index] !== ref.num) fail(`object ${ref.num} is not at index ${e.index} of object stream ${e.stream}`)
    const lx = new PdfLexer(os.data, os.starts[e.index]!)
    const value = lx.readValue(true)
    const after = lx.next()
    if (after.t === 'kw' && after.v === 'stream') fail('stream inside an object stream')
    return value
  }

  private async fetchAt(self: string, ref: PdfRef, offset: number): Promise<PdfObject> {
    const obj = await parseAt(this.src, this.win, offset, OBJECT_CAP, parseIndirect)
    if (obj.num !== ref.num || obj.gen !== ref.gen) fail(`offset ${offset} holds ${obj.num} ${obj.gen} obj, not ${ref.num} ${ref.gen}`)
    if (obj.dataStart === undefined) return obj.value
    const dict = obj.value as PdfDict
    let len: PdfObject | undefined = dictGet(dict, 'Length')
    if (isRef(len)) len = await this.load(self, len)
    return streamAt(this.src, this.win, dict, offset + obj.dataStart, len)
  }

  private async objStm(self: string, num: number): Promise<ObjStm> {
    const s = await this.load(self, { kind: 'ref', num, gen: 0 })
    if (!isStream(s) || !isName(dictGet(s.dict, 'Type'), 'ObjStm')) return fail(`object ${num} is not an object stream`)
    const n = nonNegInt(dictGet(s.dict, 'N'), '/N')
    const first = nonNegInt(dictGet(s.dict, 'First'), '/First')
    const data = await this.decodeStream(s)
    if (first > data.length) fail('/First beyond the object stream')
    const head = new PdfLexer(data.subarray(0, first))
    const nums: number[] = []
    const starts: number[] = []
    for (let i = 0; i < n; i++) {
      const a = head.next()
      const b = head.next()
      if (a.t !== 'num' || !a.int || a.v < 0 || b.t !== 'num' || !b.int || b.v < 0) fail('bad object stream header')
      nums.push(a.v)
      starts.push(first + b.v)
      if (first + b.v >= data.length) fail('object stream offset out of range')
    }
    return { data, nums, starts }
  }
}

async function streamAt(src: ByteSource, win: Windows, dict: PdfDict, dataOffset: number, len: PdfObject | undefined): Promise<PdfStreamObject> {
  const length = isInt(len) && len >= 0 ? len : fail('bad stream /Length')
  if (dataOffset + length > src.size) fail('stream runs past the end of the file')
  // /Length is only trusted if `endstream` follows it: the data is never searched for.
  const tail = await win.read(dataOffset + length, 32)
  let i = 0
  while (i < tail.length && isWhite(tail[i])) i++
  const kw = ascii('endstream')
  if (!kw.every((c, j) => tail[i + j] === c)) fail(`no endstream after ${length} bytes of stream data at ${dataOffset}`)
  return { kind: 'stream', dict, dataOffset, length }
}

/** Parses at `offset` from a window that grows (to `cap`) while the value runs past its end. */
async function parseAt<T>(src: ByteSource, win: Windows, offset: number, cap: number, parse: (lx: PdfLexer) => T): Promise<T> {
  if (!isInt(offset) || offset < 0 || offset >= src.size) fail(`offset ${offset} outside the file`)
  let bytes = win.cached(offset) ?? (await win.read(offset, WINDOW))
  for (;;) {
    const final = offset + bytes.length >= src.size
    try {
      return parse(new PdfLexer(bytes, 0, final))
    } catch (e) {
      if (!(e instanceof PdfNeedMoreData) || final) throw e
      const len = Math.max(WINDOW, bytes.length * 2)
      if (len > cap) fail(`object at ${offset} larger than ${cap} bytes`)
      bytes = await win.read(offset, len)
    }
  }
}

async function readXrefStream(src: ByteSource, win: Windows, offset: number): Promise<Section> {
  const obj = await parseAt(src, win, offset, OBJECT_CAP, parseIndirect)
  const dict = obj.value
  if (obj.dataStart === undefined || !isDict(dict) || !isName(dictGet(dict, 'Type'), 'XRef')) {
    return fail(`offset ${offset} is neither an xref table nor an xref stream`)
  }
  // No xref exists yet to resolve references with, so everything the decoder needs must be direct.
  const s = await streamAt(src, win, dict, offset + obj.dataStart, dictGet(dict, 'Length'))
  const raw = await win.read(s.dataOffset, s.length)
  const data = decodeData(dictGet(dict, 'Filter'), dictGet(dict, 'DecodeParms'), raw.subarray(0, s.length))
  return { entries: xrefStreamEntries(dict, data), trailer: dict }
}

async function readSection(src: ByteSource, win: Windows, offset: number, seen: Set<number>): Promise<Section> {
  const table = await parseAt(src, win, offset, XREF_CAP, parseXrefTable)
  if (table === null) return readXrefStream(src, win, offset)
  const stmAt = dictGet(table.trailer, 'XRefStm')
  if (stmAt === undefined) return table
  // Hybrid file: the table's in-use entries win, the hidden stream fills in what the table leaves free or out.
  const at = nonNegInt(stmAt, '/XRefStm')
  if (seen.has(at)) fail('xref loop')
  seen.add(at)
  const stm = await readXrefStream(src, win, at)
  for (const [num, e] of stm.entries) {
    const mine = table.entries.get(num)
    if (mine === undefined || mine.type === 0) table.entries.set(num, e)
  }
  return table
}

async function findStartXref(src: ByteSource, win: Windows): Promise<number> {
  const begin = Math.max(0, src.size - TAIL)
  const tail = await win.read(begin, src.size - begin)
  const at = lastIndexOf(tail, ascii('startxref'))
  if (at < 0) fail('no startxref in the last 1024 bytes')
  const lx = new PdfLexer(tail, at + 'startxref'.length)
  const t = lx.next()
  if (t.t !== 'num' || !t.int || t.v < 0 || t.v >= src.size) return fail('bad startxref offset')
  return t.v
}

export async function openPdfStructure(src: ByteSource): Promise<PdfStructure> {
  if (!isInt(src.size) || src.size < 16) fail('file too small to be a PDF')
  const win = new Windows(src)
  const entries = new Map<number, XrefEntry>()
  const trailerEntries = new Map<string, PdfValue>()
  const seen = new Set<number>()
  const startxref = await findStartXref(src, win)
  for (let at: number | undefined = startxref; at !== undefined; ) {
    if (seen.has(at)) fail('xref /Prev loop')
    if (seen.size >= MAX_SECTIONS) fail('too many xref sections')
    seen.add(at)
    const section = await readSection(src, win, at, seen)
    for (const [num, e] of section.entries) if (!entries.has(num)) entries.set(num, e)
    for (const [k, v] of section.trailer.entries) if (!STREAM_KEYS.has(k) && !trailerEntries.has(k)) trailerEntries.set(k, v)
    const prev = dictGet(section.trailer, 'Prev')
    at = prev === undefined ? undefined : nonNegInt(prev, '/Prev')
  }
  if (trailerEntries.has('Encrypt')) fail('encrypted')
  return new Structure(src, win, entries, { kind: 'dict', entries: trailerEntries }, startxref)
}
