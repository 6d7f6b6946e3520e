/**
 * Runs page renders one at a time, highest priority first, the way pdf.js's rendering
 * queue does: visible pages before the next page in the reading direction, pages before
 * thumbnails. A request can be withdrawn at any time; a running one is aborted.
 */
export interface RenderJob {
  key: string
  /** Lower runs first. */
  priority: number
  run(signal: AbortSignal): Promise<void>
}

interface Entry {
  job: RenderJob
  controller: AbortController
  resolve: () => void
  reject: (e: unknown) => void
  /** Set when a more urgent job pushed this one aside: it goes back in the queue instead of failing. */
  preempted?: boolean
}

/** Jobs at or above this priority (pages off screen, thumbnails) yield to visible pages. */
export const BACKGROUND_PRIORITY = 10

export class RenderScheduler {
  #pending = new Map<string, Entry>()
  #running = new Map<string, Entry>()
  #concurrency: number

  constructor(concurrency = 1) {
    this.#concurrency = concurrency
  }

  /** Queues a job; the promise settles when it ran, failed or was withdrawn (AbortError). */
  request(job: RenderJob): Promise<void> {
    const running = this.#running.get(job.key)
    if (running) this.cancel(job.key)
    // The latest request for a key wins; an older one still queued is withdrawn.
    const existing = this.#pending.get(job.key)
    if (existing) {
      this.#pending.delete(job.key)
      existing.reject(abortError())
    }
    return new Promise((resolve, reject) => {
      this.#pending.set(job.key, { job, controller: new AbortController(), resolve, reject })
      this.#preemptFor(job.priority)
      queueMicrotask(() => this.#pump())
    })
  }

  /**
   * A visible page must not wait behind a thumbnail or an off-screen page that takes a few hundred
   * milliseconds to decode: that background job is aborted and queued again.
   */
  #preemptFor(priority: number): void {
    if (priority >= BACKGROUND_PRIORITY || this.#running.size < this.#concurrency) return
    for (const entry of this.#running.values()) {
      if (entry.job.priority >= BACKGROUND_PRIORITY && !entry.preempted) {
        entry.preempted = true
        entry.controller.abort()
        return
      }
    }
  }

  setPriority(key: string, priority: number): void {
    const e = this.#pending.get(key)
    if (e) {
      e.job = { ...e.job, priority }
      this.#preemptFor(priority)
    }
    const r = this.#running.get(key)
    if (r) r.job = { ...r.job, priority }
  }

  cancel(key: string): void {
    const pending = this.#pending.get(key)
    if (pending) {
      this.#pending.delete(key)
      pending.reject(abortError())
    }
    const running = this.#running.get(key)
    if (running) {
      running.preempted = false
      running.controller.abort()
    }
  }

  get pendingCount(): number {
    return this.#pending.size
  }

  get runningCount(): number {
    return this.#running.size
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#pending.size > 0) {
      let best: Entry | null = null
      for (const e of this.#pending.values()) if (!best || e.job.priority < best.job.priority) best = e
      const entry = best!
      this.#pending.delete(entry.job.key)
      this.#running.set(entry.job.key, entry)
      entry.job
        .run(entry.controller.signal)
        .then(entry.resolve, (e: unknown) => {
          if (entry.preempted && !this.#pending.has(entry.job.key)) {
            this.#pending.set(entry.job.key, { job: entry.job, controller: new AbortController(), resolve: entry.resolve, reject: entry.reject })
          } else entry.reject(e)
        })
        .finally(() => {
          if (this.#running.get(entry.job.key) === entry) this.#running.delete(entry.job.key)
          this.#pump()
        })
    }
  }
}

export function abortError(): Error {
  const e = new Error('render withdrawn')
  e.name = 'AbortError'
  return e
}
