import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createAppProtocolHandler, resolveAppUrl } from '../../../electron/main/appProtocol'

const root = resolve('/opt/app/renderer')

describe('resolveAppUrl', () => {
  it.each([
    ['app://bundle/index.html', resolve(root, 'index.html')],
    ['app://bundle/', resolve(root, 'index.html')],
    ['app://bundle/pdfjs/cmaps/UniGB-UTF16-H.bcmap', resolve(root, 'pdfjs/cmaps/UniGB-UTF16-H.bcmap')],
    ['app://bundle/assets/%E6%A1%88%E5%8D%B7.js', resolve(root, 'assets/案卷.js')],
  ])('maps %s inside the bundle', (url, path) => {
    expect(resolveAppUrl(url, root)).toMatchObject({ kind: 'file', path })
  })

  it.each(['app://bundle/../secret.txt', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'])('keeps dot segments of %s inside the bundle (the URL parser folds them)', (url) => {
    const target = resolveAppUrl(url, root)
    expect(target.kind === 'file' && target.path.startsWith(root + '/')).toBe(true)
  })

  it.each([
    ['app://bundle/..%2f..%2fetc%2fpasswd', 403],
    ['app://other/index.html', 403],
    ['app://bundle/a%00b', 400],
    ['app://bundle/%E0%A4%A', 400],
  ])('refuses %s', (url, status) => {
    expect(resolveAppUrl(url, root)).toEqual({ kind: 'reject', status })
  })
})

describe('app protocol handler', () => {
  const files = new Map([[resolve(root, 'index.html'), new TextEncoder().encode('<!doctype html>')]])
  const handler = createAppProtocolHandler(root, { read: async (p) => files.get(p) ?? null })

  it('serves bundle files with the CSP header and a MIME type', async () => {
    const res = await handler({ url: 'app://bundle/index.html', method: 'GET' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).not.toMatch(/https?:/)
    expect(await res.text()).toBe('<!doctype html>')
  })

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await handler({ url: 'app://bundle/missing.js', method: 'GET' })).status).toBe(404)
    expect((await handler({ url: 'app://bundle/index.html', method: 'POST' })).status).toBe(405)
  })
})
