import { describe, expect, it, vi } from 'vitest'
import { selectHost } from '../../../renderer/src/host/selectHost'
import { parseRoute, routeHash } from '../../../renderer/src/app/route'

describe('selectHost', () => {
  it('chooses the browser host when no preload API exists', async () => {
    const host = selectHost({}, '9.9.9')
    expect(host.kind).toBe('browser')
    expect(await host.appVersion()).toBe('9.9.9')
  })

  it('chooses the Electron host when the preload exposed the contract, and unwraps results', async () => {
    const desktop = {
      getAppInfo: vi.fn(async () => ({ ok: true, value: { name: 'x', version: '1.2.3', electron: '45', platform: 'win32' } })),
      saveFile: vi.fn(async () => ({ ok: false, error: { code: 'write-failed', message: '无法写入文件' } })),
    }
    const host = selectHost({ desktop }, '0.0.0')
    expect(host.kind).toBe('electron')
    expect(await host.appVersion()).toBe('1.2.3')
    expect(await host.saveFile('a.docx', new Blob(['x']))).toEqual({ ok: false, message: '无法写入文件' })
  })
})

describe('routes', () => {
  it('round-trips the open case through the URL hash', () => {
    const id = crypto.randomUUID()
    expect(parseRoute(routeHash({ page: 'case', caseId: id }))).toEqual({ page: 'case', caseId: id })
    expect(parseRoute('#/case/not-a-uuid')).toEqual({ page: 'library' })
    expect(parseRoute('')).toEqual({ page: 'library' })
  })
})
