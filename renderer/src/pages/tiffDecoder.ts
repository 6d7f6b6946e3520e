import type { TiffDecodeRequest, TiffDecodeResponse } from './tiffWorker'

/**
 * The main-thread side of tiffWorker: one worker per open case file, started on the first
 * TIFF page and ended with the case file.
 */
export class TiffDecoder {
  #worker: Worker | null = null
  #next = 1
  #pending = new Map<number, { resolve: (b: ImageBitmap) => void; reject: (e: Error) => void }>()

  decode(key: string, blob: Blob, frame: number): Promise<ImageBitmap> {
    const worker = this.#start()
    const id = this.#next++
    return new Promise<ImageBitmap>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      worker.postMessage({ id, key, blob, frame } satisfies TiffDecodeRequest)
    })
  }

  #start(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./tiffWorker.ts', import.meta.url), { type: 'module', name: 'tiff-decoder' })
    worker.addEventListener('message', (event: MessageEvent<TiffDecodeResponse>) => {
      const r = event.data
      const waiting = this.#pending.get(r.id)
      if (!waiting) return
      this.#pending.delete(r.id)
      if ('bitmap' in r) waiting.resolve(r.bitmap)
      else waiting.reject(Object.assign(new Error(r.error.message), { name: r.error.name }))
    })
    // A worker that fails to load or crashes fails every page it still owes, rather than leaving them waiting.
    worker.addEventListener('error', (event) => this.#failAll(new Error(event.message || 'TIFF 解码线程出错')))
    this.#worker = worker
    return worker
  }

  #failAll(error: Error): void {
    for (const p of this.#pending.values()) p.reject(error)
    this.#pending.clear()
    this.#worker?.terminate()
    this.#worker = null
  }

  destroy(): void {
    this.#failAll(new Error('案卷已关闭'))
  }
}
