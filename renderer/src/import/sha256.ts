import { createSHA256 } from 'hash-wasm'

const CHUNK = 8 << 20

/** Streams the Blob through SHA-256 in 8 MiB slices so memory stays flat for gigabyte scans. */
export async function sha256OfBlob(blob: Blob, onProgress?: (done: number, total: number) => void): Promise<string> {
  const hasher = await createSHA256()
  hasher.init()
  for (let offset = 0; offset < blob.size; offset += CHUNK) {
    const chunk = new Uint8Array(await blob.slice(offset, Math.min(offset + CHUNK, blob.size)).arrayBuffer())
    hasher.update(chunk)
    onProgress?.(Math.min(offset + CHUNK, blob.size), blob.size)
  }
  return hasher.digest('hex')
}
