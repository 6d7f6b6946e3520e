import { decodeTiffFrame, readTiffDirectory, TiffError, type TiffDirectory } from './tiff'

/**
 * Decodes TIFF frames off the main thread: a 300-dpi G4 page takes a few hundred
 * milliseconds, which would stall scrolling. Answers each request with an ImageBitmap
 * (transferred, not copied) or the reason it could not.
 */
export interface TiffDecodeRequest {
  id: number
  /** Identifies the file across requests (its SHA-256), so its directory is parsed once. */
  key: string
  blob: Blob
  frame: number
}

export type TiffDecodeResponse = { id: number; bitmap: ImageBitmap } | { id: number; error: { name: string; message: string } }

/** Parsed files kept: their bytes and directory, never their pixels. */
const FILES_KEPT = 2
const dirs = new Map<string, Promise<TiffDirectory>>()

function directory(key: string, blob: Blob): Promise<TiffDirectory> {
  let dir = dirs.get(key)
  if (dir) dirs.delete(key)
  else {
    dir = blob.arrayBuffer().then(readTiffDirectory)
    dir.catch(() => dirs.delete(key))
  }
  dirs.set(key, dir)
  while (dirs.size > FILES_KEPT) dirs.delete(dirs.keys().next().value!)
  return dir
}

addEventListener('message', (event: MessageEvent<TiffDecodeRequest>) => {
  const { id, key, blob, frame } = event.data
  void (async () => {
    try {
      const decoded = decodeTiffFrame(await directory(key, blob), frame)
      const bitmap = await createImageBitmap(new ImageData(decoded.rgba, decoded.width, decoded.height))
      postMessage({ id, bitmap } satisfies TiffDecodeResponse, { transfer: [bitmap] })
    } catch (e) {
      const error = { name: e instanceof TiffError ? 'TiffError' : 'Error', message: e instanceof Error ? e.message : String(e) }
      postMessage({ id, error } satisfies TiffDecodeResponse)
    }
  })()
})
