export type SniffedKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'unknown'

/** The PDF spec lets the header start anywhere in the first 1024 bytes (some scanners prepend junk). */
const PDF_HEADER_WINDOW = 1024

export function sniffBytes(head: Uint8Array): SniffedKind {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (head.length >= 8 && head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png'
  if (head.length >= 4 && ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0x00) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0x00 && head[3] === 0x2a))) return 'tiff'
  const window = head.subarray(0, PDF_HEADER_WINDOW)
  for (let i = 0; i + 5 <= window.length; i++) {
    if (window[i] === 0x25 && window[i + 1] === 0x50 && window[i + 2] === 0x44 && window[i + 3] === 0x46 && window[i + 4] === 0x2d) return 'pdf'
  }
  return 'unknown'
}

export async function sniffBlob(blob: Blob): Promise<SniffedKind> {
  return sniffBytes(new Uint8Array(await blob.slice(0, PDF_HEADER_WINDOW).arrayBuffer()))
}
