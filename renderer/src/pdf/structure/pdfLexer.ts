import { PdfStructureError, type PdfDict, type PdfValue } from './pdfValues'

/**
 * Thrown when a value runs into the end of a window that is not the end of the file:
 * the reader then retries with a larger window instead of guessing.
 */
export class PdfNeedMoreData extends PdfStructureError {
  override name = 'PdfNeedMoreData'
}

export type Token =
  | { readonly t: 'num'; readonly v: number; readonly int: boolean }
  | { readonly t: 'kw'; readonly v: string }
  | { readonly t: 'name'; readonly v: string }
  | { readonly t: 'str'; readonly v: Uint8Array }
  | { readonly t: 'punct'; readonly v: '[' | ']' | '<<' | '>>' | '{' | '}' }
  | { readonly t: 'eof' }

const WHITE = new Set([0, 9, 10, 12, 13, 32])
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
const INT = /^[+-]?\d+$/
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)$/
/** Deeper nesting than this is hostile, and would otherwise end in a stack overflow. */
const MAX_DEPTH = 64

export const isWhite = (b: number | undefined): boolean => b !== undefined && WHITE.has(b)
const isRegular = (b: number): boolean => !WHITE.has(b) && !DELIM.has(b)

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x41 && b <= 0x46) return b - 0x37
  if (b >= 0x61 && b <= 0x66) return b - 0x57
  return -1
}

function latin1(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

/** Tokenizer and object parser over bytes; `final` says the bytes end where the file (or decoded stream) ends. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly final = true,
  ) {}

  fail(what: string): never {
    throw new PdfStructureError(`${what} at byte ${this.pos}`)
  }

  /** Ran off the end: only an error if the bytes really end here. */
  private atEnd(): boolean {
    if (this.pos < this.bytes.length) return false
    if (!this.final) throw new PdfNeedMoreData('window too small')
    return true
  }

  skipSpace(): void {
    for (;;) {
      if (this.atEnd()) return
      const b = this.bytes[this.pos]!
      if (WHITE.has(b)) this.pos++
      else if (b === 0x25) {
        while (!this.atEnd() && this.bytes[this.pos] !== 0x0a && this.bytes[this.pos] !== 0x0d) this.pos++
      } else return
    }
  }

  next(): Token {
    this.skipSpace()
    if (this.atEnd()) return { t: 'eof' }
    const b = this.bytes[this.pos]!
    switch (b) {
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
        this.pos++
        return { t: 'punct', v: String.fromCharCode(b) as '[' | ']' | '{' | '}' }
      case 0x2f:
        this.pos++
        return { t: 'name', v: this.readName() }
      case 0x28:
        this.pos++
        return { t: 'str', v: this.readLiteral() }
      case 0x3c:
        this.pos++
        if (!this.atEnd() && this.bytes[this.pos] === 0x3c) {
          this.pos++
          return { t: 'punct', v: '<<' }
        }
        return { t: 'str', v: this.readHex() }
      case 0x3e:
        this.pos++
        if (!this.atEnd() && this.bytes[this.pos] === 0x3e) {
          this.pos++
          return { t: 'punct', v: '>>' }
        }
        return this.fail("stray '>'")
      case 0x29:
        return this.fail("stray ')'")
    }
    const start = this.pos
    while (!this.atEnd() && isRegular(this.bytes[this.pos]!)) this.pos++
    const word = latin1(this.bytes.subarray(start, this.pos))
    if (INT.test(word)) return { t: 'num', v: Number(word), int: true }
    if (REAL.test(word)) return { t: 'num', v: Number(word), int: false }
    return { t: 'kw', v: word }
  }

  private readName(): string {
    const out: number[] = []
    while (!this.atEnd() && isRegular(this.bytes[this.pos]!)) {
      const b = this.bytes[this.pos++]!
      if (b !== 0x23) {
        out.push(b)
        continue
      }
      if (this.pos + 2 > this.bytes.length && !this.final) throw new PdfNeedMoreData('window too small')
      const hi = hexValue(this.bytes[this.pos])
      const lo = hexValue(this.bytes[this.pos + 1])
      if (hi < 0 || lo < 0) this.fail('bad #xx escape in name')
      out.push(hi * 16 + lo)
      this.pos += 2
    }
    return latin1(Uint8Array.from(out))
  }

  private readLiteral(): Uint8Array {
    const out: number[] = []
    let depth = 1
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string')
      const b = this.bytes[this.pos++]!
      if (b === 0x28) depth++
      else if (b === 0x29 && --depth === 0) return Uint8Array.from(out)
      if (b === 0x0d) {
        // A bare end of line inside a string reads as \n, whatever its spelling.
        if (!this.atEnd() && this.bytes[this.pos] === 0x0a) this.pos++
        out.push(0x0a)
      } else if (b === 0x5c) this.readEscape(out)
      else out.push(b)
    }
  }

  private readEscape(out: number[]): void {
    if (this.atEnd()) this.fail('unterminated string')
    const e = this.bytes[this.pos++]!
    const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c }
    const mapped = simple[e]
    if (mapped !== undefined) out.push(mapped)
    else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30
      for (let i = 0; i < 2 && !this.atEnd() && this.bytes[this.pos]! >= 0x30 && this.bytes[this.pos]! <= 0x37; i++) {
        v = v * 8 + this.bytes[this.pos++]! - 0x30
      }
      out.push(v & 0xff)
    } else if (e === 0x0d) {
      if (!this.atEnd() && this.bytes[this.pos] === 0x0a) this.pos++
    } else if (e !== 0x0a) out.push(e) // an unknown escape stands for the character itself
  }

  private readHex(): Uint8Array {
    const out: number[] = []
    let hi = -1
    for (;;) {
      if (this.atEnd()) this.fail('unterminated hex string')
      const b = this.bytes[this.pos++]!
      if (b === 0x3e) break
      if (WHITE.has(b)) continue
      const v = hexValue(b)
      if (v < 0) this.fail('bad hex digit')
      if (hi < 0) hi = v
      else {
        out.push(hi * 16 + v)
        hi = -1
      }
    }
    if (hi >= 0) out.push(hi * 16)
    return Uint8Array.from(out)
  }

  /** One value; with `refs`, `n g R` is a reference (never in content streams). */
  readValue(refs = true, tok: Token = this.next(), depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep')
    switch (tok.t) {
      case 'num':
        return refs && tok.int && tok.v >= 0 ? this.maybeRef(tok.v) : tok.v
      case 'name':
        return { kind: 'name', name: tok.v }
      case 'str':
        return { kind: 'string', bytes: tok.v }
      case 'kw':
        if (tok.v === 'true') return true
        if (tok.v === 'false') return false
        if (tok.v === 'null') return null
        return this.fail(`unexpected keyword '${tok.v.slice(0, 20)}'`)
      case 'punct':
        if (tok.v === '[') return this.readArray(refs, depth)
        if (tok.v === '<<') return this.readDict(refs, depth)
        return this.fail(`unexpected '${tok.v}'`)
      case 'eof':
        return this.fail('unexpected end of data')
    }
  }

  private maybeRef(num: number): PdfValue {
    const save = this.pos
    const gen = this.next()
    if (gen.t === 'num' && gen.int && gen.v >= 0) {
      const r = this.next()
      if (r.t === 'kw' && r.v === 'R') {
        if (!Number.isSafeInteger(num) || gen.v > 0xffff) this.fail('bad reference')
        return { kind: 'ref', num, gen: gen.v }
      }
    }
    this.pos = save
    return num
  }

  private readArray(refs: boolean, depth: number): PdfValue[] {
    const items: PdfValue[] = []
    for (;;) {
      const tok = this.next()
      if (tok.t === 'punct' && tok.v === ']') return items
      items.push(this.readValue(refs, tok, depth + 1))
    }
  }

  private readDict(refs: boolean, depth: number): PdfDict {
    const entries = new Map<string, PdfValue>()
    for (;;) {
      const key = this.next()
      if (key.t === 'punct' && key.v === '>>') return { kind: 'dict', entries }
      if (key.t !== 'name') this.fail('dictionary key is not a name')
      const value = this.readValue(refs, this.next(), depth + 1)
      // A null value means the key is absent; later duplicates win, as in pdf.js.
      if (value === null) entries.delete(key.v)
      else entries.set(key.v, value)
    }
  }
}

export type ContentToken = { kind: 'operand'; value: PdfValue } | { kind: 'op'; op: string }

/**
 * Operands and operators of a content stream. `BI` (inline image) is yielded as an operator and
 * the next pull throws: its binary data cannot be tokenized without decoding the image header.
 */
export function* contentTokens(bytes: Uint8Array): Generator<ContentToken> {
  const lx = new PdfLexer(bytes)
  for (;;) {
    const tok = lx.next()
    if (tok.t === 'eof') return
    if (tok.t === 'kw' && tok.v !== 'true' && tok.v !== 'false' && tok.v !== 'null') {
      yield { kind: 'op', op: tok.v }
      if (tok.v === 'BI') lx.fail('inline image')
    } else yield { kind: 'operand', value: lx.readValue(false, tok) }
  }
}
