import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { EXCHANGE_FORMAT, MANIFEST_PATH, type PackageKind, type PackageManifest, type PackagePart } from '@scoring/exchange/index'
import { sha256OfBlob, sha256OfBytes } from './blobHash'
import { ExchangeError } from './exchangeError'

/** Output is gathered into Blobs of about this size, so the bytes leave the JS heap (Chromium pages big Blobs to disk). */
const FLUSH_BYTES = 8 * 1024 * 1024

export type ManifestHead = Omit<PackageManifest, 'format' | 'kind' | 'parts' | 'packageId' | 'createdAt'>

/**
 * Streams a package into a Blob: case-file bytes stored as they are (scans are already compressed), JSON
 * deflated. Every part is hashed on the way through; the manifest listing them is written last.
 */
export class PackageWriter {
  readonly #parts: PackagePart[] = []
  readonly #done: Blob[] = []
  #pending: Uint8Array[] = []
  #pendingBytes = 0
  #error: Error | null = null
  #finished!: () => void
  readonly #ended = new Promise<void>((resolve) => (this.#finished = resolve))
  readonly #zip = new Zip((err, chunk, final) => {
    if (err) this.#error = err
    else {
      this.#pending.push(chunk)
      this.#pendingBytes += chunk.length
      if (this.#pendingBytes >= FLUSH_BYTES || final) this.#flush()
    }
    if (final || err) this.#finished()
  })
  readonly #kind: PackageKind
  #paths = new Set<string>()

  constructor(kind: PackageKind) {
    this.#kind = kind
  }

  #flush(): void {
    if (this.#pending.length === 0) return
    this.#done.push(new Blob(this.#pending as BlobPart[]))
    this.#pending = []
    this.#pendingBytes = 0
  }

  #claim(path: string): void {
    if (this.#paths.has(path)) throw new ExchangeError(`内部错误：数据包中重复的文件 ${path}`)
    this.#paths.add(path)
  }

  async addJson(path: string, value: unknown): Promise<void> {
    this.#claim(path)
    const bytes = new TextEncoder().encode(JSON.stringify(value))
    const sha256 = await sha256OfBytes(bytes)
    const entry = new ZipDeflate(path, { level: 6 })
    this.#zip.add(entry)
    entry.push(bytes, true)
    this.#parts.push({ path, sha256, size: bytes.length, kind: 'json' })
    this.#check()
  }

  /** Stores bytes that are addressed by their hash, checking on the way that they still match it. */
  async addBlob(path: string, blob: Blob, expectedSha256: string, mime?: string): Promise<void> {
    this.#claim(path)
    const entry = new ZipPassThrough(path)
    this.#zip.add(entry)
    const sha256 = await sha256OfBlob(blob, (chunk, last) => entry.push(chunk, last))
    this.#check()
    if (sha256 !== expectedSha256) throw new ExchangeError(`本机存储的案卷文件已损坏（${path} 的校验值与记录不符），无法导出。`)
    this.#parts.push({ path, sha256, size: blob.size, kind: 'blob', ...(mime ? { mime } : {}) })
  }

  #check(): void {
    if (this.#error) throw new ExchangeError(`生成数据包失败：${this.#error.message}`)
  }

  async finish(head: ManifestHead): Promise<{ blob: Blob; manifest: PackageManifest }> {
    const manifest: PackageManifest = { format: EXCHANGE_FORMAT, kind: this.#kind, packageId: crypto.randomUUID(), createdAt: new Date().toISOString(), ...head, parts: this.#parts }
    const entry = new ZipDeflate(MANIFEST_PATH, { level: 6 })
    this.#zip.add(entry)
    entry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 1)), true)
    this.#zip.end()
    await this.#ended
    this.#check()
    this.#flush()
    return { blob: new Blob(this.#done, { type: 'application/zip' }), manifest }
  }
}
