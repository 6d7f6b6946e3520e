import type { Page } from '@playwright/test'

/**
 * Helpers for checking the reduced-scale JPEG decode (renderer/src/pages/decodeScanJpeg.ts) in
 * the browser: large scans to decode, and a record of the sizes asked of WebCodecs' ImageDecoder.
 */

/** A JPEG redrawn `factor` times larger and encoded in the browser, as a high-resolution scan would be (3 components). */
export async function enlargedJpeg(page: Page, jpeg: Uint8Array, factor: number): Promise<Uint8Array> {
  const base64 = await page.evaluate(
    async ([bytes, k]) => {
      const source = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }))
      const canvas = new OffscreenCanvas(source.width * k, source.height * k)
      const ctx = canvas.getContext('2d')!
      ctx.imageSmoothingQuality = 'high'
      ctx.drawImage(source, 0, 0, canvas.width, canvas.height)
      const data = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer())
      let text = ''
      for (const b of data) text += String.fromCharCode(b)
      return btoa(text)
    },
    [Array.from(jpeg), factor] as const,
  )
  return new Uint8Array(Buffer.from(base64, 'base64'))
}

/** From the next navigation on, every ImageDecoder the page creates records its desired size as "WxH". */
export async function recordScaledDecodes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = globalThis.ImageDecoder
    if (!Real) return
    const asked: string[] = ((globalThis as unknown as { __scaledDecodes: string[] }).__scaledDecodes = [])
    globalThis.ImageDecoder = class extends Real {
      constructor(init: ImageDecoderInit) {
        super(init)
        asked.push(`${init.desiredWidth}x${init.desiredHeight}`)
      }
    }
  })
}

export const scaledDecodes = (page: Page): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { __scaledDecodes?: string[] }).__scaledDecodes ?? [])

/** The sizes a JPEG decoder gives at n/8 of a `width` × `height` image, n = 1…7. */
export const reducedSizes = (width: number, height: number): string[] => [1, 2, 3, 4, 5, 6, 7].map((n) => `${Math.ceil((width * n) / 8)}x${Math.ceil((height * n) / 8)}`)
