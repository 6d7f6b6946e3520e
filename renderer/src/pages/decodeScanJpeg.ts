import { abortError } from './PageSource'

export interface Size {
  width: number
  height: number
}

/**
 * The smallest size a JPEG decoder can produce directly, by its scaled inverse DCT (n/8 of the
 * image, n = 1…8), that still covers `target`; null when only the full size does.
 * libjpeg rounds scaled edges up, so that is what is asked for and what comes back.
 */
export function dctScaledSize(pixels: readonly [number, number], target: Size): Size | null {
  const [w, h] = pixels
  const n = Math.max(1, Math.ceil((8 * target.width) / w), Math.ceil((8 * target.height) / h))
  if (n >= 8) return null
  return { width: Math.ceil((w * n) / 8), height: Math.ceil((h * n) / 8) }
}

/**
 * A scan page's JPEG decoded to at least `target` (never more than the image's own size).
 *
 * A 300 dpi page shown at fit-width needs well under half its pixels. `createImageBitmap` with a
 * resize decodes all 8.7 megapixels and then shrinks them; WebCodecs' ImageDecoder, given a
 * desired size, lets the decoder skip most of the transform work instead, which on these laptops
 * takes a page from about 80 ms to about 35. Where ImageDecoder is missing, or only the full size
 * will do, the resize path stays. The result may be somewhat larger than `target`; the painter
 * scales it down with high-quality smoothing.
 */
export async function decodeScanJpeg(
  bytes: ArrayBuffer,
  pixels: readonly [number, number],
  target: Size,
  signal: AbortSignal,
): Promise<ImageBitmap> {
  if (signal.aborted) throw abortError()
  const scaled = dctScaledSize(pixels, target)
  if (scaled && canDecodeAtScale()) return decodeJpegAtScale(bytes, scaled, signal)
  return createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), {
    resizeWidth: Math.min(pixels[0], target.width),
    resizeHeight: Math.min(pixels[1], target.height),
    resizeQuality: 'high',
  })
}

export const canDecodeAtScale = (): boolean => typeof ImageDecoder === 'function'

/** The JPEG decoded by ImageDecoder at `size`, which should be one of dctScaledSize's. */
export async function decodeJpegAtScale(bytes: ArrayBuffer, size: Size, signal: AbortSignal): Promise<ImageBitmap> {
  // The decoder copies the bytes, so the caller's buffer (shared with read-ahead) stays usable.
  const decoder = new ImageDecoder({ type: 'image/jpeg', data: bytes, desiredWidth: size.width, desiredHeight: size.height })
  // Closing the decoder stops its work, so an abandoned page does not hold up the next one.
  const onAbort = () => decoder.close()
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    const { image } = await decoder.decode()
    try {
      if (signal.aborted) throw abortError()
      return await createImageBitmap(image)
    } finally {
      image.close()
    }
  } catch (e) {
    if (signal.aborted) throw abortError()
    throw e
  } finally {
    signal.removeEventListener('abort', onAbort)
    decoder.close()
  }
}
