/**
 * Canonical JSON, so that a record hashes the same on every laptop and after any re-save: object keys sorted by UTF-16
 * code units, no whitespace, strings and numbers exactly as JSON.stringify writes them, undefined members dropped (as
 * JSON.stringify drops them, so an entry hashes the same before and after a round trip through a file).
 * Values JSON cannot carry faithfully (NaN, Infinity, bigint, functions) are refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: NaN and Infinity have no JSON form')
    return JSON.stringify(Object.is(value, -0) ? 0 : value)
  }
  if (Array.isArray(value)) {
    // JSON.stringify writes holes and undefined array members as null; doing the same keeps hashes stable across a save.
    return `[${Array.from(value, (v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((obj as { toJSON(): unknown }).toJSON())
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`)
}
