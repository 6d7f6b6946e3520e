import { Inflate } from 'fflate'
import { EXCHANGE_FORMAT, MANIFEST_PATH, manifestSchema, packageLimits, type PackageManifest } from '@scoring/exchange/index'
import { sha256OfBlob, sha256OfBytes, SLICE_BYTES } from './blobHash'
import { refuse } from './exchangeError'
import { readZipDirectory, type ZipEntry } from './zipDirectory'

/** A package whose every part was checked against its manifest. Blobs are slices of the package file: nothing copied. */
export interface OpenedPackage {
  manifest: PackageManifest
  json: Map<string, unknown>
  blobs: Map<string, Blob>
}

/** Inflates (or copies) one entry, refusing the moment output passes the declared size: declared sizes can lie. */
async function entryBytes(file: Blob, e: ZipEntry, cap: number): Promise<Uint8Array> {
  if (e.size > cap) refuse(`数据包中的「${e.path}」过大（${e.size} 字节），已拒绝导入。`)
  const raw = file.slice(e.dataOffset, e.dataOffset + e.compressedSize)
  if (e.method === 0) return new Uint8Array(await raw.arrayBuffer())
  const out = new Uint8Array(e.size)
  let filled = 0
  const inflate = new Inflate((chunk) => {
    if (filled + chunk.length > e.size) refuse(`数据包中的「${e.path}」解压后超过了它声明的大小，疑似压缩炸弹，已拒绝导入；本机数据未改动。`)
    out.set(chunk, filled)
    filled += chunk.length
  })
  try {
    for (let at = 0; at < raw.size; at += SLICE_BYTES) {
      const end = Math.min(raw.size, at + SLICE_BYTES)
      inflate.push(new Uint8Array(await raw.slice(at, end).arrayBuffer()), end === raw.size)
    }
    if (raw.size === 0) inflate.push(new Uint8Array(0), true)
  } catch (err) {
    if (err instanceof Error && err.name === 'ExchangeError') throw err
    refuse(`数据包中的「${e.path}」无法解压（数据损坏），已拒绝导入；本机数据未改动。`)
  }
  if (filled !== e.size) refuse(`数据包中的「${e.path}」解压后大小与记录不符（数据损坏），已拒绝导入。`)
  return out
}

function parseJson(bytes: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return refuse(`数据包中的「${path}」不是有效的 JSON，已拒绝导入。`)
  }
}

function readManifest(value: unknown): PackageManifest {
  const format = (value as { format?: unknown } | null)?.format
  if (typeof format === 'string' && format.startsWith('case-review-desk/exchange@') && format !== EXCHANGE_FORMAT) {
    refuse(`数据包格式版本「${format}」不受支持（本程序读取「${EXCHANGE_FORMAT}」），请用相同版本的案卷评查台导出。`)
  }
  const parsed = manifestSchema.safeParse(value)
  if (!parsed.success) refuse('这不是案卷评查台的数据包（清单 manifest.json 格式不符）。')
  return parsed.data!
}

/**
 * Opens and verifies a package before anything is written: the zip's structure (zipDirectory.ts), the manifest,
 * that entries and manifest parts match one to one, and every part's size and SHA-256, streamed over slices.
 */
export async function openPackage(file: Blob): Promise<OpenedPackage> {
  const entries = await readZipDirectory(file)
  const byPath = new Map(entries.map((e) => [e.path, e]))
  const manifestEntry = byPath.get(MANIFEST_PATH)
  if (!manifestEntry) refuse('这不是案卷评查台的数据包（缺少清单 manifest.json）。请选择本程序导出的分配包、结果包或备份文件。')
  const manifest = readManifest(parseJson(await entryBytes(file, manifestEntry!, packageLimits.maxManifestBytes), MANIFEST_PATH))

  const listed = new Set<string>()
  let jsonTotal = 0
  for (const part of manifest.parts) {
    if (listed.has(part.path)) refuse(`清单中「${part.path}」重复列出，已拒绝导入。`)
    listed.add(part.path)
    const e = byPath.get(part.path)
    if (!e) refuse(`数据包不完整：清单列出的「${part.path}」不在包中。请重新导出。`)
    if (e!.size !== part.size) refuse(`数据包已损坏或被篡改：「${part.path}」的大小与清单不符。`)
    if (part.kind === 'blob' && e!.method !== 0) refuse(`数据包中的案卷文件「${part.path}」不应被压缩，不是本程序导出的数据包。`)
    if (part.kind === 'json') jsonTotal += part.size
  }
  if (jsonTotal > packageLimits.maxJsonTotalBytes) refuse('数据包中的数据文件合计超过 256 MB，已拒绝导入。')
  for (const e of entries) if (e.path !== MANIFEST_PATH && !listed.has(e.path)) refuse(`数据包中含有清单未列出的文件「${e.path}」，可能被改动过，已拒绝导入。`)

  const json = new Map<string, unknown>()
  const blobs = new Map<string, Blob>()
  for (const part of manifest.parts) {
    const e = byPath.get(part.path)!
    const mismatch = () => refuse(`数据包已损坏或被篡改：「${part.path}」的校验值与清单不符，已拒绝导入；本机数据未改动。`)
    if (part.kind === 'json') {
      const bytes = await entryBytes(file, e, packageLimits.maxJsonTotalBytes)
      if ((await sha256OfBytes(bytes)) !== part.sha256) mismatch()
      json.set(part.path, parseJson(bytes, part.path))
    } else {
      const slice = file.slice(e.dataOffset, e.dataOffset + e.compressedSize, part.mime ?? '')
      if ((await sha256OfBlob(slice)) !== part.sha256) mismatch()
      blobs.set(part.sha256, slice)
    }
  }
  return { manifest, json, blobs }
}
