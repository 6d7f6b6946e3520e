import { checkTiffFrame, MAX_FRAME_PIXELS, readTiffDirectory, TiffError, tiffFrameSizes } from '../pages/tiff'

export type ImageKind = 'jpeg' | 'png' | 'tiff'

export const imageMime: Record<ImageKind, string> = { jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff' }

export interface ImageFrameSize {
  width: number
  height: number
}

export type ReadImagePagesResult = { ok: true; frames: ImageFrameSize[] } | { ok: false; reason: 'damaged' | 'unsupported'; detail: string }

/**
 * The upright size of every page in one image file, checked to decode before anything is stored.
 * JPEG/PNG are decoded once (createImageBitmap applies EXIF orientation, as the viewer will);
 * a TIFF's pages are sized and checked from its directory without decoding pixels, so a
 * 300-page scan imports in moments.
 */
export async function readImagePages(file: Blob, kind: ImageKind): Promise<ReadImagePagesResult> {
  if (kind === 'tiff') {
    try {
      const dir = readTiffDirectory(await file.arrayBuffer())
      dir.pages.forEach((_, k) => checkTiffFrame(dir, k))
      return { ok: true, frames: tiffFrameSizes(dir) }
    } catch (e) {
      if (e instanceof TiffError) return { ok: false, reason: e.kind === 'damaged' ? 'damaged' : 'unsupported', detail: e.message }
      return { ok: false, reason: 'damaged', detail: e instanceof Error ? e.message : String(e) }
    }
  }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, reason: 'damaged', detail: '图片数据无法解码' }
  }
  const frame = { width: bitmap.width, height: bitmap.height }
  bitmap.close()
  if (frame.width < 1 || frame.height < 1) return { ok: false, reason: 'damaged', detail: '图片尺寸为零' }
  if (frame.width * frame.height > MAX_FRAME_PIXELS) return { ok: false, reason: 'unsupported', detail: `图片为 ${frame.width}×${frame.height} 像素，超过可显示的上限` }
  return { ok: true, frames: [frame] }
}
