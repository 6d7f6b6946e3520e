/**
 * The seeded generator behind the sampling draw. It is spelled out here, not borrowed from a library, because a draw
 * must be reproducible years later from its seed alone, by anyone holding the record: the algorithm is part of the
 * record and must never change (test/unit/workflow/sampling.test.ts pins its output).
 *
 * - seed text → 128-bit state: cyrb128 (bryc's public-domain string hash) over the UTF-16 code units of the text;
 * - state → stream of 32-bit numbers: xoshiro128** 1.1 (Blackman & Vigna);
 * - number below n: rejection sampling on 32-bit outputs, so every index is exactly equally likely (no modulo bias).
 */

export const RANDOM_ALGORITHM = 'xoshiro128**（种子经 cyrb128 散列为初始状态）'

export function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** A xoshiro128** stream of unsigned 32-bit integers seeded from text. */
export function seededUint32(seedText: string): () => number {
  return xoshiro128ss(cyrb128(seedText))
}

/** xoshiro128** from a raw 128-bit state (exported so tests can check it against the reference vectors). */
export function xoshiro128ss(state: readonly [number, number, number, number]): () => number {
  let [a, b, c, d] = state
  // xoshiro's one forbidden state; cyrb128 practically never yields it, but a fixed escape keeps the draw defined.
  if ((a | b | c | d) === 0) a = 1
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    return result
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

const TWO_32 = 2 ** 32

/** A uniform integer in [0, n), n ≥ 1, drawn from a 32-bit stream. */
export function randomBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`randomBelow: n must be an integer in 1..2^32, got ${n}`)
  const limit = TWO_32 - (TWO_32 % n)
  for (;;) {
    const x = next()
    if (x < limit) return x % n
  }
}
