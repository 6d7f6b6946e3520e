import { APP_ORIGIN } from './appProtocol'

// Narrow views of Electron objects: only what hardening touches, so tests pass fakes.
export interface NavigationEvent {
  preventDefault(): void
}
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): void
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}
export interface DownloadItemLike {
  getURL(): string
  cancel(): void
}
export interface SessionLike {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: () => boolean): void
  on(event: 'will-download', listener: (event: NavigationEvent, item: DownloadItemLike) => void): void
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void
  }
}

/** Schemes the app itself produces; anything else would be a network request, which this tool never makes. */
const localSchemes = ['app:', 'blob:', 'data:', 'devtools:', 'chrome-extension:']

export function isAllowedRequest(url: string, devServerOrigin: string | null): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (localSchemes.includes(parsed.protocol)) return parsed.protocol !== 'app:' || parsed.origin === APP_ORIGIN || url.startsWith(APP_ORIGIN)
  return devServerOrigin !== null && parsed.origin === devServerOrigin
}

export function isAllowedNavigation(url: string, devServerOrigin: string | null): boolean {
  return url.startsWith(APP_ORIGIN + '/') || (devServerOrigin !== null && url.startsWith(devServerOrigin + '/'))
}

export function hardenWebContents(contents: WebContentsLike, devServerOrigin: string | null): void {
  const guard = (event: NavigationEvent, url: string) => {
    if (!isAllowedNavigation(url, devServerOrigin)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function hardenSession(session: SessionLike, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.on('will-download', (event, item) => {
    // Exports are saved through the host API; only locally made blobs may download.
    const url = item.getURL()
    if (!url.startsWith('blob:') && !url.startsWith('data:')) {
      event.preventDefault()
      item.cancel()
    }
  })
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerOrigin) })
  })
}
