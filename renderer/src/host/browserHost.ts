import type { Host } from './Host'

/** Plain Chromium: files come from <input type=file> and drag and drop, and leave as downloads. */
export function createBrowserHost(version: string, getDocument: () => Document = () => document): Host {
  return {
    kind: 'browser',
    async appVersion() {
      return version
    },
    async saveFile(suggestedName, data) {
      const doc = getDocument()
      const url = URL.createObjectURL(data)
      try {
        const a = doc.createElement('a')
        a.href = url
        a.download = suggestedName
        a.rel = 'noopener'
        doc.body.appendChild(a)
        a.click()
        a.remove()
        return { ok: true, savedTo: `下载：${suggestedName}` }
      } finally {
        // The click starts the download synchronously; revoke later so slow disks still get the bytes.
        setTimeout(() => URL.revokeObjectURL(url), 60_000)
      }
    },
    async printToPdf() {
      return { ok: false, unsupported: true }
    },
  }
}
