import type { DesktopApi } from '@contract/hostApi'
import type { Host } from './Host'

/** Electron: the same file inputs work, but saving goes through main's native dialog. */
export function createElectronHost(api: DesktopApi): Host {
  return {
    kind: 'electron',
    async appVersion() {
      const r = await api.getAppInfo()
      return r.ok ? r.value.version : '未知'
    },
    async saveFile(suggestedName, data) {
      const r = await api.saveFile({ suggestedName, bytes: new Uint8Array(await data.arrayBuffer()) })
      if (!r.ok) return { ok: false, message: r.error.message }
      return { ok: true, savedTo: r.value.path }
    },
    async printToPdf(html) {
      const r = await api.printToPdf(html)
      return r.ok ? { ok: true, pdf: r.value } : { ok: false, message: r.error.message }
    },
  }
}
