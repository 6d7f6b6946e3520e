import { mulDivRound } from '../decimal/points'

/**
 * Percentages in reports have one decimal, each rounded half up on its own from the exact fraction
 * (k × 1000 ÷ n in integers), so 1/3 → 33.3 and 2/3 → 66.7; a column may therefore add up to 99.9 or 100.1.
 */
export function percentTenths(k: number, n: number): number {
  return n === 0 ? 0 : mulDivRound(k, 1000, n)
}

export function percent(k: number, n: number): number {
  return percentTenths(k, n) / 10
}

export function percentText(k: number, n: number): string {
  const t = percentTenths(k, n)
  return `${Math.floor(t / 10)}.${t % 10}`
}
