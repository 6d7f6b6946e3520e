/**
 * The one three-way rule every merged unit follows (a review item's decision, a review's workflow fields,
 * a mark, a document index entry, a page's state). Values are compared as canonical JSON; `null` means
 * "absent". `known` are the values both laptops are known to have shared: the base recorded when the
 * package's exporter last synchronised, plus what this laptop recorded at its own last exchange.
 */
export type UnitOutcome = 'same' | 'added' | 'taken' | 'kept' | 'conflict'

export interface UnitInput {
  local: string
  incoming: string
  /** Canonical values known to be common; empty means the unit was never exchanged. */
  known: readonly string[]
  /** The local side may not be changed silently (a finalised review). */
  locked: boolean
}

export const ABSENT = 'null'

export function mergeUnit(u: UnitInput): { outcome: UnitOutcome; reason?: 'both-changed' | 'finalised' } {
  if (u.local === u.incoming) return { outcome: 'same' }
  // A unit never exchanged counts as having been absent on both sides.
  const known = u.known.length > 0 ? u.known : [ABSENT]
  const localUnchanged = known.includes(u.local)
  const incomingUnchanged = known.includes(u.incoming)
  if (incomingUnchanged) return { outcome: 'kept' }
  if (localUnchanged) {
    if (u.locked) return { outcome: 'conflict', reason: 'finalised' }
    return { outcome: u.local === ABSENT ? 'added' : 'taken' }
  }
  return { outcome: 'conflict', reason: 'both-changed' }
}
