import { packageLimits, unsafePathReason } from '@scoring/exchange/index'
import { refuse } from './exchangeError'

/** One entry of a zip's central directory, with where its data starts once the local header is read. */
export interface ZipEntry {
  path: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
  dataOffset: number
}

const EOCD_SIG = 0x06054b50
const CDH_SIG = 0x02014b50
const LFH_SIG = 0x04034b50
const EOCD_MIN = 22
const MAX_COMMENT = 0xffff

const damaged = (why: string) => refuse(`数据包已损坏（${why}），可能是拷贝中断或文件被改动。请重新导出后再导入；本机数据未改动。`)

async function bytesAt(file: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > file.size || start > end) damaged('目录指向文件以外的位置')
  return new DataView(await file.slice(start, end).arrayBuffer())
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a zip's central directory from slices of the file (never the whole file) and checks it before anything
 * is inflated: single-disk, no Zip64, no encryption, stored or deflated only, safe unique paths, declared sizes
 * within bounds, every entry's data inside the file and before the directory, and no two entries overlapping.
 */
export async function readZipDirectory(file: Blob): Promise<ZipEntry[]> {
  if (file.size === 0) refuse('文件为空（0 字节），不是数据包。')
  if (file.size < EOCD_MIN) refuse('文件太小，不是数据包。')
  const tailStart = Math.max(0, file.size - (EOCD_MIN + MAX_COMMENT))
  const tail = await bytesAt(file, tailStart, file.size)
  let eocd = -1
  for (let i = tail.byteLength - EOCD_MIN; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIG && i + EOCD_MIN + tail.getUint16(i + 20, true) === tail.byteLength) {
      eocd = i
      break
    }
  }
  if (eocd < 0) refuse('文件不完整或不是 zip 数据包（找不到压缩包目录）。如果是从 U 盘拷贝的，可能拷贝中断了，请重新拷贝；本机数据未改动。')
  const disk = tail.getUint16(eocd + 4, true)
  const cdDisk = tail.getUint16(eocd + 6, true)
  const onDisk = tail.getUint16(eocd + 8, true)
  const total = tail.getUint16(eocd + 10, true)
  const cdSize = tail.getUint32(eocd + 12, true)
  const cdOffset = tail.getUint32(eocd + 16, true)
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) refuse('数据包使用了不支持的 Zip64 格式，不是本程序导出的数据包。')
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) refuse('不支持分卷压缩包。')
  if (total > packageLimits.maxEntries) refuse(`数据包中的文件过多（${total} 个）。`)
  const eocdAt = tailStart + eocd
  if (cdOffset + cdSize !== eocdAt) damaged('压缩包目录位置不符')

  const cd = await bytesAt(file, cdOffset, cdOffset + cdSize)
  const entries: ZipEntry[] = []
  const seen = new Set<string>()
  let p = 0
  for (let n = 0; n < total; n++) {
    if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CDH_SIG) damaged('压缩包目录条目不完整')
    const flags = cd.getUint16(p + 8, true)
    const method = cd.getUint16(p + 10, true)
    const compressedSize = cd.getUint32(p + 20, true)
    const size = cd.getUint32(p + 24, true)
    const nameLen = cd.getUint16(p + 28, true)
    const extraLen = cd.getUint16(p + 30, true)
    const commentLen = cd.getUint16(p + 32, true)
    const localOffset = cd.getUint32(p + 42, true)
    if (p + 46 + nameLen + extraLen + commentLen > cd.byteLength) damaged('压缩包目录条目不完整')
    let path: string
    try {
      path = utf8.decode(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLen))
    } catch {
      return refuse('数据包中有文件名不是有效的 UTF-8 编码，已拒绝导入。')
    }
    p += 46 + nameLen + extraLen + commentLen
    const unsafe = unsafePathReason(path)
    if (unsafe) refuse(`数据包中含有不安全的路径「${path}」（${unsafe}），已拒绝导入；本机数据未改动。`)
    const folded = path.normalize('NFC').toLowerCase()
    if (seen.has(folded)) refuse(`数据包中文件「${path}」重复出现，已拒绝导入。`)
    seen.add(folded)
    if (flags & 0x1) refuse(`数据包中的「${path}」已加密，不是本程序导出的数据包。`)
    if (method !== 0 && method !== 8) refuse(`数据包中的「${path}」使用了不支持的压缩方式（${method}）。`)
    if (size > packageLimits.maxEntryBytes || compressedSize > packageLimits.maxEntryBytes) refuse(`数据包中的「${path}」超过 4 GB，已拒绝导入。`)
    if (method === 0 && compressedSize !== size) damaged(`「${path}」的大小记录前后不一`)
    if (method === 8 && size > packageLimits.ratioExemptBytes && size > compressedSize * packageLimits.maxCompressionRatio) {
      refuse(`数据包中的「${path}」解压后会从 ${compressedSize} 字节膨胀到 ${size} 字节（超过 ${packageLimits.maxCompressionRatio} 倍），疑似压缩炸弹，已拒绝导入；本机数据未改动。`)
    }
    entries.push({ path, method, compressedSize, size, localOffset, dataOffset: -1 })
  }

  // Local headers: where each entry's data really starts, and that it agrees with the directory.
  for (const e of entries) {
    if (e.localOffset + 30 > cdOffset) damaged(`「${e.path}」的位置超出数据区`)
    const lh = await bytesAt(file, e.localOffset, e.localOffset + 30)
    if (lh.getUint32(0, true) !== LFH_SIG) damaged(`「${e.path}」的文件头缺失`)
    if (lh.getUint16(8, true) !== e.method) damaged(`「${e.path}」的压缩方式前后不一`)
    const nameLen = lh.getUint16(26, true)
    const extraLen = lh.getUint16(28, true)
    const name = await bytesAt(file, e.localOffset + 30, e.localOffset + 30 + nameLen)
    let localName = ''
    try {
      localName = utf8.decode(new Uint8Array(name.buffer, name.byteOffset, nameLen))
    } catch {
      damaged(`「${e.path}」的文件头名称无效`)
    }
    if (localName !== e.path) damaged(`「${e.path}」的文件头名称与目录不符`)
    e.dataOffset = e.localOffset + 30 + nameLen + extraLen
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset)
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i]!
    const end = e.dataOffset + e.compressedSize
    const limit = i + 1 < byOffset.length ? byOffset[i + 1]!.localOffset : cdOffset
    if (end > limit) damaged(`「${e.path}」与其他文件重叠或超出数据区`)
  }
  return entries
}
