/**
 * What one laptop remembers about its exchanges with one peer (lead ↔ one reviewer, per campaign), as canonical
 * JSON per merge unit. `base` is what the lead handed out in its first assignment package; `received` is the
 * last value this laptop took in (or deliberately set aside) from the peer. Both are "known common" values:
 * a side whose value is one of them has not changed it since.
 */
export interface SyncState {
  base: Record<string, string>
  received: Record<string, string>
}

export const emptySyncState = (): SyncState => ({ base: {}, received: {} })

/** Keys of merge units, so a unit means the same on every laptop. */
export const unitKey = {
  decision: (reviewId: string, itemId: string) => `review/${reviewId}/item/${itemId}`,
  workflow: (reviewId: string) => `review/${reviewId}/workflow`,
  mark: (id: string) => `mark/${id}`,
  document: (id: string) => `document/${id}`,
  pageState: (caseId: string, pageIndex: number) => `page/${caseId}/${pageIndex}`,
}

/**
 * The known-common values a package carries: only what its exporter received from the peer, which the peer
 * certainly had. The exporter's own base is not sent: the peer may never have received it.
 */
export function knownForPackage(state: SyncState, keys?: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const key of keys ?? Object.keys(state.received)) {
    const v = state.received[key]
    if (v !== undefined) out[key] = [v]
  }
  return out
}

/** The importer's known values for one unit: the package's and its own. */
export function knownOf(state: SyncState, packageKnown: Record<string, string[]>): (key: string) => string[] {
  return (key) => [...new Set([...(packageKnown[key] ?? []), ...(state.received[key] !== undefined ? [state.received[key]] : []), ...(state.base[key] !== undefined ? [state.base[key]] : [])])]
}

/** Records the lead's base at its first assignment export; later exports leave it, since only a reply shows what the peer holds. */
export function recordBase(state: SyncState, values: Record<string, string>): SyncState {
  const base = { ...state.base }
  for (const [k, v] of Object.entries(values)) if (!(k in base)) base[k] = v
  return { ...state, base }
}

export function recordReceived(state: SyncState, values: Record<string, string>): SyncState {
  return { ...state, received: { ...state.received, ...values } }
}
