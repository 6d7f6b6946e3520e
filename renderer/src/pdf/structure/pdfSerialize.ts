import { isArray, isDict, isName, isRef, isString, type PdfValue } from './pdfValues'

/** Characters a name may hold as they are; everything else is written #xx. */
const REGULAR = /^[!-~]$/
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#'])

function name(n: string): string {
  let out = '/'
  for (const ch of n) {
    const code = ch.charCodeAt(0)
    if (code > 0xff) throw new Error('name outside Latin-1')
    out += REGULAR.test(ch) && !DELIMITERS.has(ch) ? ch : `#${code.toString(16).padStart(2, '0')}`
  }
  return out
}

/** PDF has no exponent notation: reals are written in plain decimals. */
function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error('not a finite number')
  if (Number.isInteger(n)) return String(n)
  const fixed = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '')
  return fixed === '-0' ? '0' : fixed
}

/**
 * Writes a value back in PDF syntax (strings as hex), so that the lexer reads back exactly the
 * same value. Used to copy page dictionaries into the page-tree appendix.
 */
export function serializePdfValue(v: PdfValue): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return number(v)
  if (isName(v)) return name(v.name)
  if (isRef(v)) return `${v.num} ${v.gen} R`
  if (isString(v)) return `<${Array.from(v.bytes, (b) => b.toString(16).padStart(2, '0')).join('')}>`
  if (isArray(v)) return `[${v.map(serializePdfValue).join(' ')}]`
  if (isDict(v)) return `<<${[...v.entries].map(([k, x]) => `${name(k)} ${serializePdfValue(x)}`).join(' ')}>>`
  throw new Error('not a PDF value')
}
