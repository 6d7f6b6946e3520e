/**
 * Points are carried as integer hundredths ("cents") everywhere inside the engine so that
 * half-points and tenths add up exactly: 0.1 + 0.2 must give 0.3, not 0.30000000000000004.
 * Rubric authors write ordinary decimal numbers; they are converted once, at the edge.
 */
export type Cents = number

export const CENTS_PER_POINT = 100

/** True when `value` is a finite number that is an exact multiple of 0.01 (within float noise of the literal). */
export function isHundredths(value: number): boolean {
  if (!Number.isFinite(value)) return false
  const scaled = value * CENTS_PER_POINT
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 && Math.abs(scaled) <= Number.MAX_SAFE_INTEGER
}

/** Converts a rubric/review number to cents. Callers validate with `isHundredths` first; rounding only removes float noise of the literal. */
export function toCents(value: number): Cents {
  const c = Math.round(value * CENTS_PER_POINT)
  return c === 0 ? 0 : c
}

/** Nearest double of the exact decimal; suitable for display and JSON, never fed back into sums. */
export function centsToNumber(c: Cents): number {
  return c / CENTS_PER_POINT
}

/** Exact decimal text without trailing zeros: 150 → "1.5", 200 → "2", -5 → "-0.05". */
export function formatCents(c: Cents): string {
  const sign = c < 0 ? '-' : ''
  const abs = Math.abs(c)
  const whole = Math.floor(abs / CENTS_PER_POINT)
  const frac = abs % CENTS_PER_POINT
  if (frac === 0) return `${sign}${whole}`
  const fracText = String(frac).padStart(2, '0').replace(/0$/, '')
  return `${sign}${whole}.${fracText}`
}

/** Parses decimal text such as "12.5" into cents; returns null when it has more than two decimals or is not a number. */
export function parseDecimal(text: string): Cents | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim())
  if (!m) return null
  const whole = Number(m[2])
  const frac = Number((m[3] ?? '').padEnd(2, '0'))
  const c = whole * CENTS_PER_POINT + frac
  return m[1] ? -c : c
}

/**
 * a × b ÷ d rounded half up, on non-negative safe integers. Used for N/A rescaling and means,
 * the only places where a division is unavoidable; the rounding rule is fixed so results are reproducible by hand.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  if (d <= 0) throw new RangeError('divisor must be positive')
  const product = a * b
  if (!Number.isSafeInteger(product * 2 + d)) {
    const big = (BigInt(a) * BigInt(b) * 2n + BigInt(d)) / (BigInt(d) * 2n)
    return Number(big)
  }
  return Math.floor((product * 2 + d) / (d * 2))
}

export function minCents(...values: Cents[]): Cents {
  return Math.min(...values)
}

export function sumCents(values: Iterable<Cents>): Cents {
  let s = 0
  for (const v of values) s += v
  return s
}
