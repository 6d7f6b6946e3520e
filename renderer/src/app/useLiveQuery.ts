import { liveQuery } from 'dexie'
import { useEffect, useState } from 'react'

/** Re-runs a Dexie query whenever the tables it read change, in this tab or another. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (e) => console.error('liveQuery', e) })
    return () => subscription.unsubscribe()
    // The query closes over deps; re-subscribing when they change is the point.
  }, deps)
  return value
}
