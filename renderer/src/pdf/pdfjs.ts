import * as pdfjs from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

/**
 * Asset locations resolved against the document, so the same bundle works from
 * http://127.0.0.1 (browser host) and app://bundle (Electron).
 */
export function pdfjsAssetOptions(baseUri: string = document.baseURI) {
  const base = new URL('./pdfjs/', baseUri).href
  return {
    cMapUrl: base + 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: base + 'standard_fonts/',
    wasmUrl: base + 'wasm/',
    iccUrl: base + 'iccs/',
  }
}

export { pdfjs }
