import type { ByteSource } from '../structure/pdfStructure'

/** Reads a Blob (a File, or one stored in IndexedDB) by slices: disk-backed, never loaded whole. */
export function blobByteSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (begin, end) => new Uint8Array(await blob.slice(begin, end).arrayBuffer()),
  }
}
