import { createSHA256 } from 'hash-wasm'

export const SLICE_BYTES = 4 * 1024 * 1024

/**
 * SHA-256 of a Blob, read in slices so memory stays flat whatever its size. Each call has its own hasher:
 * the audit log's shared hasher must never be interleaved with a long stream.
 */
export async function sha256OfBlob(blob: Blob, onChunk?: (chunk: Uint8Array, last: boolean) => void): Promise<string> {
  const h = await createSHA256()
  h.init()
  if (blob.size === 0) onChunk?.(new Uint8Array(0), true)
  for (let at = 0; at < blob.size; at += SLICE_BYTES) {
    const end = Math.min(blob.size, at + SLICE_BYTES)
    const chunk = new Uint8Array(await blob.slice(at, end).arrayBuffer())
    h.update(chunk)
    onChunk?.(chunk, end === blob.size)
  }
  return h.digest('hex')
}

export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const h = await createSHA256()
  h.init()
  h.update(bytes)
  return h.digest('hex')
}
