import { desktopGlobal, type DesktopApi } from '@contract/hostApi'
import { createBrowserHost } from './browserHost'
import { createElectronHost } from './electronHost'
import type { Host } from './Host'

/** The single place that decides the host: the preload's API present means Electron. */
export function selectHost(globalObject: object, version: string): Host {
  const api = (globalObject as Record<string, unknown>)[desktopGlobal] as DesktopApi | undefined
  if (api && typeof api.getAppInfo === 'function' && typeof api.saveFile === 'function') return createElectronHost(api)
  return createBrowserHost(version)
}
