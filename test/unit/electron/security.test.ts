import { describe, expect, it, vi } from 'vitest'
import { hardenSession, hardenWebContents, isAllowedRequest, type DownloadItemLike, type NavigationEvent } from '../../../electron/main/security'

function fakeContents() {
  const listeners: Record<string, (e: NavigationEvent, url: string) => void> = {}
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    contents: {
      on: (event: string, l: (e: NavigationEvent, url: string) => void) => void (listeners[event] = l),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => void (openHandler = h),
    },
    navigate(event: string, url: string) {
      const e = { preventDefault: vi.fn() }
      listeners[event]!(e, url)
      return e.preventDefault.mock.calls.length > 0
    },
    open: (url: string) => openHandler!({ url }),
  }
}

describe('web contents hardening', () => {
  it('blocks navigation away from the app and every new window', () => {
    const f = fakeContents()
    hardenWebContents(f.contents, null)
    expect(f.navigate('will-navigate', 'app://bundle/index.html#/case/1')).toBe(false)
    expect(f.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(f.navigate('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(f.open('app://bundle/index.html')).toEqual({ action: 'deny' })
  })
})

describe('session hardening', () => {
  function fakeSession() {
    const s = {
      permission: null as null | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
      check: null as null | (() => boolean),
      download: null as null | ((e: NavigationEvent, item: DownloadItemLike) => void),
      request: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    }
    return {
      s,
      session: {
        setPermissionRequestHandler: (h: typeof s.permission) => void (s.permission = h),
        setPermissionCheckHandler: (h: typeof s.check) => void (s.check = h),
        on: (_e: 'will-download', l: typeof s.download) => void (s.download = l),
        webRequest: { onBeforeRequest: (l: typeof s.request) => void (s.request = l) },
      },
    }
  }

  it('denies permissions, remote downloads and network requests', () => {
    const { s, session } = fakeSession()
    hardenSession(session as never, null)
    const granted = vi.fn()
    s.permission!(null, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(s.check!()).toBe(false)

    const remote = { getURL: () => 'https://evil.example/x.exe', cancel: vi.fn() }
    const e = { preventDefault: vi.fn() }
    s.download!(e, remote)
    expect(remote.cancel).toHaveBeenCalled()
    const local = { getURL: () => 'blob:app://bundle/123', cancel: vi.fn() }
    s.download!({ preventDefault: vi.fn() }, local)
    expect(local.cancel).not.toHaveBeenCalled()

    const answer = (url: string) => {
      let cancel: boolean | undefined
      s.request!({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(answer('app://bundle/pdfjs/cmaps/UniGB-UTF16-H.bcmap')).toBe(false)
    expect(answer('https://cdn.example.com/tesseract.js')).toBe(true)
    expect(answer('http://127.0.0.1:5173/')).toBe(true)
  })

  it('lets the dev server through only when one is configured', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/x', 'http://localhost:5173')).toBe(false)
    expect(isAllowedRequest('not a url', null)).toBe(false)
  })
})
