import { describe, expect, it } from 'vitest'
import { PdfLexer, PdfNeedMoreData, contentTokens, type ContentToken } from '../../../../renderer/src/pdf/structure/pdfLexer'
import { PdfStructureError, dictGet, isDict, isName, isRef, isStream, type PdfValue } from '../../../../renderer/src/pdf/structure/pdfValues'
import { latin1 } from './buildPdf'

const value = (s: string, refs = true): PdfValue => new PdfLexer(latin1(s)).readValue(refs)
const str = (s: string): string => {
  const v = value(s)
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v.kind !== 'string') throw new Error('not a string')
  return String.fromCharCode(...v.bytes)
}
const tokens = (s: string): ContentToken[] => [...contentTokens(latin1(s))]

describe('PdfLexer values', () => {
  it('reads integers and reals in every spelling', () => {
    expect(['0', '42', '-17', '+4', '.5', '-3.', '-.002', '0.25', '123.456'].map((s) => value(s))).toEqual([0, 42, -17, 4, 0.5, -3, -0.002, 0.25, 123.456])
  })

  it('reads booleans and null', () => {
    expect([value('true'), value('false'), value('null')]).toEqual([true, false, null])
  })

  it('decodes #xx escapes in names and stops names at delimiters', () => {
    expect(value('/A#20B')).toEqual({ kind: 'name', name: 'A B' })
    expect(value('/Type/Page')).toEqual({ kind: 'name', name: 'Type' })
    expect(value('/')).toEqual({ kind: 'name', name: '' })
    expect(() => value('/A#2G')).toThrow(PdfStructureError)
  })

  it('decodes literal string escapes, nested parentheses and line continuations', () => {
    expect(str('(a(b)c)')).toBe('a(b)c')
    expect(str('(\\n\\r\\t\\b\\f\\(\\)\\\\)')).toBe('\n\r\t\b\f()\\')
    expect(str('(\\101\\7\\0061)')).toBe('A\x07\x061')
    expect(str('(ab\\\ncd\\\r\nef)')).toBe('abcdef')
    expect(str('(a\r\nb\rc)')).toBe('a\nb\nc')
    expect(str('(\\q)')).toBe('q')
    expect(() => value('(unterminated')).toThrow(PdfStructureError)
  })

  it('reads hex strings with whitespace and an odd digit count', () => {
    expect(str('<48 65 6c6C6f>')).toBe('Hello')
    expect(str('<901FA>')).toBe('\x90\x1f\xa0')
    expect(str('<>')).toBe('')
    expect(() => value('<12G4>')).toThrow(PdfStructureError)
  })

  it('reads nested arrays and dictionaries, dropping null entries', () => {
    const v = value('<< /Kids [1 0 R [2 (x)] << /A /B >>] /Empty << >> /N null /D [ ] >>')
    expect(isDict(v)).toBe(true)
    if (!isDict(v)) return
    expect(dictGet(v, 'Kids')).toEqual([
      { kind: 'ref', num: 1, gen: 0 },
      [2, { kind: 'string', bytes: latin1('x') }],
      { kind: 'dict', entries: new Map([['A', { kind: 'name', name: 'B' }]]) },
    ])
    expect(dictGet(v, 'Empty')).toEqual({ kind: 'dict', entries: new Map() })
    expect(dictGet(v, 'D')).toEqual([])
    expect(v.entries.has('N')).toBe(false)
  })

  it('tells references from two numbers', () => {
    expect(value('[1 0 R 2 0 3 4 R 5]')).toEqual([{ kind: 'ref', num: 1, gen: 0 }, 2, 0, { kind: 'ref', num: 3, gen: 4 }, 5])
    expect(value('[1 2]')).toEqual([1, 2])
    // Only non-negative integers can make a reference; otherwise the 'R' is left over and rejected.
    for (const bad of ['[-1 0 R]', '[1.5 0 R]', '[1 -1 R]']) expect(() => value(bad), bad).toThrow(PdfStructureError)
    expect(() => value('[1 0 R]', false)).toThrow(PdfStructureError)
  })

  it('skips comments everywhere whitespace may stand', () => {
    expect(value('% lead\n[1 % one\n 2%two\r/N%x\n]')).toEqual([1, 2, { kind: 'name', name: 'N' }])
  })

  it('rejects junk and malformed structure', () => {
    for (const bad of ['>>', ']', ')', '<< 1 2 >>', '[1 2', 'foo', '<< /A >>', '{']) {
      expect(() => value(bad), bad).toThrow(PdfStructureError)
    }
    expect(() => value('['.repeat(100) + ']'.repeat(100))).toThrow(/too deep/)
  })

  it('asks for more data instead of guessing when a window ends inside a value', () => {
    const partial = (s: string) => () => new PdfLexer(latin1(s), 0, false).readValue()
    for (const s of ['<< /A 1', '123', '[1 0', '(abc', '/Na', '<4142', 'tru']) {
      expect(partial(s), s).toThrow(PdfNeedMoreData)
    }
    // The same bytes as the real end of the data parse (or fail) for good.
    expect(new PdfLexer(latin1('123'), 0, true).readValue()).toBe(123)
    expect(new PdfLexer(latin1('[1 0 R] '), 0, false).readValue()).toEqual([{ kind: 'ref', num: 1, gen: 0 }])
  })
})

describe('value helpers', () => {
  it('narrow by kind and name', () => {
    const n = value('/Page')
    expect(isName(n)).toBe(true)
    expect(isName(n, 'Page')).toBe(true)
    expect(isName(n, 'Pages')).toBe(false)
    expect(isRef(value('3 0 R'))).toBe(true)
    expect(isRef(3)).toBe(false)
    expect(isDict([])).toBe(false)
    expect(isStream({ kind: 'stream' })).toBe(true)
    expect(isStream(null)).toBe(false)
  })
})

describe('contentTokens', () => {
  it('yields operands and operators in order, with no references', () => {
    expect(tokens('q 1 0 0 1 0 0 cm /Im0 Do Q')).toEqual([
      { kind: 'op', op: 'q' },
      ...[1, 0, 0, 1, 0, 0].map((value) => ({ kind: 'operand', value })),
      { kind: 'op', op: 'cm' },
      { kind: 'operand', value: { kind: 'name', name: 'Im0' } },
      { kind: 'op', op: 'Do' },
      { kind: 'op', op: 'Q' },
    ])
    expect(tokens('1 0 R')).toEqual([{ kind: 'operand', value: 1 }, { kind: 'operand', value: 0 }, { kind: 'op', op: 'R' }])
  })

  it('reads arrays, inline dictionaries, strings and quote operators', () => {
    expect(tokens("[(a) -20 (b)] TJ /OC << /MCID 3 >> BDC (x) ' 1 2 (y) \" T* true null")).toEqual([
      { kind: 'operand', value: [{ kind: 'string', bytes: latin1('a') }, -20, { kind: 'string', bytes: latin1('b') }] },
      { kind: 'op', op: 'TJ' },
      { kind: 'operand', value: { kind: 'name', name: 'OC' } },
      { kind: 'operand', value: { kind: 'dict', entries: new Map([['MCID', 3]]) } },
      { kind: 'op', op: 'BDC' },
      { kind: 'operand', value: { kind: 'string', bytes: latin1('x') } },
      { kind: 'op', op: "'" },
      { kind: 'operand', value: 1 },
      { kind: 'operand', value: 2 },
      { kind: 'operand', value: { kind: 'string', bytes: latin1('y') } },
      { kind: 'op', op: '"' },
      { kind: 'op', op: 'T*' },
      { kind: 'operand', value: true },
      { kind: 'operand', value: null },
    ])
  })

  it('yields BI and then refuses to go on into inline image data', () => {
    const it = contentTokens(latin1('q BI /W 1 /H 1 /BPC 8 /CS /G ID \xff EI Q'))
    expect(it.next().value).toEqual({ kind: 'op', op: 'q' })
    expect(it.next().value).toEqual({ kind: 'op', op: 'BI' })
    expect(() => it.next()).toThrow(/inline image/)
  })

  it('throws on stray closing brackets', () => {
    expect(() => tokens('1 ] cm')).toThrow(PdfStructureError)
    expect(() => tokens('>> Q')).toThrow(PdfStructureError)
  })
})
