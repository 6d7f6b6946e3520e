import { createSHA256, type IHasher } from 'hash-wasm'

let hasher: IHasher | null = null
const ready = createSHA256().then((h) => (hasher = h))

/** Resolves once the wasm hasher is loaded; start-up awaits it so audit writes never wait mid-transaction. */
export const hashReady = ready

/**
 * SHA-256 of UTF-8 text, hex. Synchronous underneath (the hasher is preloaded), so it can be
 * awaited inside an IndexedDB transaction without the transaction committing in between.
 */
export async function sha256Hex(text: string): Promise<string> {
  const h = hasher ?? (await ready)
  h.init()
  h.update(text)
  return h.digest('hex')
}
