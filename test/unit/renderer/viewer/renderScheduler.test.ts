import { describe, expect, it } from 'vitest'
import { RenderScheduler } from '../../../../renderer/src/viewer/renderScheduler'

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('render scheduler', () => {
  it('runs one job at a time, highest priority (lowest number) first', async () => {
    const s = new RenderScheduler(1)
    const order: string[] = []
    const gate = deferred()
    const first = s.request({ key: 'a', priority: 5, run: async () => (order.push('a'), gate.promise) })
    await Promise.resolve()
    const rest = [
      s.request({ key: 'thumb', priority: 100, run: async () => void order.push('thumb') }),
      s.request({ key: 'visible', priority: 0, run: async () => void order.push('visible') }),
      s.request({ key: 'next', priority: 10, run: async () => void order.push('next') }),
    ]
    expect(s.runningCount).toBe(1)
    gate.resolve()
    await Promise.all([first, ...rest])
    expect(order).toEqual(['a', 'visible', 'next', 'thumb'])
  })

  it('withdraws queued jobs and aborts running ones', async () => {
    const s = new RenderScheduler(1)
    let sawAbort = false
    const running = s.request({
      key: 'a',
      priority: 0,
      run: (signal) =>
        new Promise<void>((_, reject) =>
          signal.addEventListener('abort', () => {
            sawAbort = true
            const e = new Error('x')
            e.name = 'AbortError'
            reject(e)
          }),
        ),
    })
    await Promise.resolve()
    const queued = s.request({ key: 'b', priority: 1, run: async () => {} })
    s.cancel('b')
    s.cancel('a')
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' })
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    expect(sawAbort).toBe(true)
    expect(s.pendingCount + s.runningCount).toBe(0)
  })

  it('lets a newer request for the same key replace a queued one', async () => {
    const s = new RenderScheduler(1)
    const gate = deferred()
    const blocker = s.request({ key: 'x', priority: 0, run: () => gate.promise })
    await Promise.resolve()
    const ran: number[] = []
    const old = s.request({ key: 'p', priority: 1, run: async () => void ran.push(1) })
    const fresh = s.request({ key: 'p', priority: 1, run: async () => void ran.push(2) })
    await expect(old).rejects.toMatchObject({ name: 'AbortError' })
    gate.resolve()
    await Promise.all([blocker, fresh])
    expect(ran).toEqual([2])
  })
})

describe('render scheduler preemption', () => {
  it('a visible page pushes a running thumbnail aside; the thumbnail runs again afterwards', async () => {
    const s = new RenderScheduler(1)
    const order: string[] = []
    let thumbRuns = 0
    const thumb = s.request({
      key: 'thumb:1',
      priority: 100,
      run: (signal) =>
        new Promise<void>((resolve, reject) => {
          thumbRuns++
          if (thumbRuns > 1) {
            order.push('thumb')
            return resolve()
          }
          signal.addEventListener('abort', () => {
            const e = new Error('x')
            e.name = 'AbortError'
            reject(e)
          })
        }),
    })
    await new Promise((r) => setTimeout(r, 0))
    expect(s.runningCount).toBe(1)
    const page = s.request({ key: 'page:2', priority: 0, run: async () => void order.push('page') })
    await Promise.all([thumb, page])
    expect(order).toEqual(['page', 'thumb'])
    expect(thumbRuns).toBe(2)
  })

  it('an off-screen page does not preempt another background job', async () => {
    const s = new RenderScheduler(1)
    const gate = deferred()
    let aborted = false
    const running = s.request({
      key: 'thumb:1',
      priority: 100,
      run: (signal) => {
        signal.addEventListener('abort', () => (aborted = true))
        return gate.promise
      },
    })
    await new Promise((r) => setTimeout(r, 0))
    const ahead = s.request({ key: 'page:9', priority: 12, run: async () => {} })
    expect(aborted).toBe(false)
    gate.resolve()
    await Promise.all([running, ahead])
  })
})
