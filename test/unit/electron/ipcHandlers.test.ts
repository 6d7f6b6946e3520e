import { describe, expect, it, vi } from 'vitest'
import { channels } from '@contract/hostApi'
import { createHostService } from '../../../electron/main/hostService'
import { registerIpcHandlers } from '../../../electron/main/ipcHandlers'

type Listener = (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => Promise<unknown>

function setup(opts: { cancel?: boolean; failWrite?: boolean } = {}) {
  const handlers = new Map<string, Listener>()
  const writeAtomic = vi.fn(async () => {
    if (opts.failWrite) throw new Error('磁盘已满')
  })
  const service = createHostService({
    info: { name: '案卷评查台', version: '0.1.0', electron: '45.4.1', platform: 'linux' },
    dialog: { showSaveDialog: async () => (opts.cancel ? { canceled: true } : { canceled: false, filePath: '/home/u/评分表.docx' }) },
    files: { writeAtomic },
  })
  registerIpcHandlers({ handle: (c, l) => void handlers.set(c, l) }, service, (url) => url?.startsWith('app://bundle/') ?? false)
  const call = (channel: string, args: unknown[], url = 'app://bundle/index.html') => handlers.get(channel)!({ senderFrame: { url } }, ...args)
  return { call, writeAtomic, handlers }
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...setup().handlers.keys()].sort()).toEqual(Object.values(channels).sort())
  })

  it('returns app info as a value', async () => {
    expect(await setup().call(channels.getAppInfo, [])).toEqual({ ok: true, value: { name: '案卷评查台', version: '0.1.0', electron: '45.4.1', platform: 'linux' } })
  })

  it('rejects extra arguments, bad shapes and path-like names without acting', async () => {
    const { call, writeAtomic } = setup()
    expect(await call(channels.getAppInfo, ['extra'])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await call(channels.saveFile, [{ suggestedName: 'a.docx', bytes: 'not bytes' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await call(channels.saveFile, [{ suggestedName: '../../etc/passwd', bytes: new Uint8Array(1) }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('路径') },
    })
    expect(await call(channels.saveFile, [])).toMatchObject({ ok: false })
    expect(writeAtomic).not.toHaveBeenCalled()
  })

  it('refuses senders outside the app origin', async () => {
    expect(await setup().call(channels.getAppInfo, [], 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('saves through the dialog, reports cancel as a null path and write failures as errors', async () => {
    const bytes = new Uint8Array([1, 2, 3])
    const saved = setup()
    expect(await saved.call(channels.saveFile, [{ suggestedName: '评分表.docx', bytes }])).toEqual({ ok: true, value: { path: '/home/u/评分表.docx' } })
    expect(saved.writeAtomic).toHaveBeenCalledWith('/home/u/评分表.docx', bytes)
    expect(await setup({ cancel: true }).call(channels.saveFile, [{ suggestedName: 'a.docx', bytes }])).toEqual({ ok: true, value: { path: null } })
    expect(await setup({ failWrite: true }).call(channels.saveFile, [{ suggestedName: 'a.docx', bytes }])).toMatchObject({
      ok: false,
      error: { code: 'write-failed', message: expect.stringContaining('磁盘已满') },
    })
  })
})
