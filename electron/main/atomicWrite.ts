import { rename, rm, writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'

/** Writes beside the target and renames, so a crash mid-write never leaves a truncated export. */
export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`
  try {
    await writeFile(temp, bytes)
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}
