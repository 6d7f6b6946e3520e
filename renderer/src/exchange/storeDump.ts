import { canonicalJson } from '@scoring/index'
import type { CaseDb } from '../store/db'
import { sha256OfBlob } from './blobHash'

/**
 * Every table as canonical JSON (blobs by hash and size), so a test can prove a refused import changed nothing
 * and a restore brought back exactly what was saved.
 */
export async function dumpStore(db: CaseDb): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const t of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    const rows = (await t.toArray()).map((r: Record<string, unknown>) => (t.name === 'blobs' ? { ...r, data: { blobSize: (r.data as Blob).size } } : r))
    out[t.name] = canonicalJson(rows.map((r) => canonicalJson(r)).sort())
  }
  return out
}

/** SHA-256 of every stored byte source, recomputed from the bytes themselves. */
export async function blobDigests(db: CaseDb): Promise<string[]> {
  const out: string[] = []
  for (const b of await db.blobs.toArray()) out.push(await sha256OfBlob(b.data))
  return out.sort()
}
