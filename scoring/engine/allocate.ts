import type { Cents } from '../decimal/points'

/**
 * Spreads a cap over deductions in the order they were recorded: earlier ones are taken in full,
 * the one that crosses the cap is cut, later ones become 0. Deterministic so reports and the total agree.
 */
export function allocateCap(requested: readonly Cents[], cap: Cents | null): Cents[] {
  if (cap === null) return [...requested]
  let remaining = Math.max(0, cap)
  return requested.map((r) => {
    const take = Math.min(r, remaining)
    remaining -= take
    return take
  })
}
