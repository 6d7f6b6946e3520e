// The baseline the viewer is compared with: pdf.js alone, no app around it. Same pdf.js
// build files the app bundles, same open options the app uses, page 1 drawn at the app's scale.
import * as pdfjs from '/pdfjs/pdf.min.mjs'

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs'

/** Reads a Blob by ranges, the way the app's BlobRangeTransport does, for the File-input variant. */
class BlobRange extends pdfjs.PDFDataRangeTransport {
  constructor(blob) {
    super(blob.size, null)
    this.blob = blob
    this.ranges = []
  }
  requestDataRange(begin, end) {
    this.ranges.push([begin, end])
    this.blob.slice(begin, end).arrayBuffer().then((b) => this.onDataRange(begin, new Uint8Array(b)))
  }
}

async function firstPage(source, opts) {
  const { scale, pixelRatio } = opts
  const t0 = performance.now()
  const task = pdfjs.getDocument({ ...source, disableAutoFetch: true, disableStream: true, isEvalSupported: false, enableXfa: false, ...(opts.getDocument ?? {}) })
  const doc = await task.promise
  const tOpen = performance.now()
  const page = await doc.getPage(1)
  const tPage = performance.now()
  const viewport = page.getViewport({ scale: scale * pixelRatio })
  const canvas = document.createElement('canvas')
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  canvas.style.width = `${Math.floor(viewport.width / pixelRatio)}px`
  document.body.append(canvas)
  await page.render({ canvas, viewport, background: '#ffffff' }).promise
  const t1 = performance.now()
  await doc.destroy()
  canvas.remove()
  const ranges = source.range?.ranges
  return { ms: t1 - t0, openMs: tOpen - t0, getPageMs: tPage - tOpen, renderMs: t1 - tPage, canvas: [canvas.width, canvas.height], ...(ranges ? { rangeRequests: ranges.length, bytesRead: ranges.reduce((n, [b, e]) => n + e - b, 0), ranges } : {}) }
}

window.bare = {
  /** HTTP with Range requests from this page's server. */
  url: (url, opts) => firstPage({ url, rangeChunkSize: opts.rangeChunkSize ?? 65536 }, opts),
  /** The File chosen in the page's <input>, read by Blob ranges as the app reads its IndexedDB Blob. */
  file: (opts) => {
    const file = document.getElementById('file').files[0]
    return firstPage({ range: new BlobRange(file), length: file.size, rangeChunkSize: opts.rangeChunkSize ?? 65536 }, opts)
  },
}
window.bareReady = true
