import { serializePdfValue } from '../structure/pdfSerialize'
import type { PdfStructure } from '../structure/pdfStructure'
import { dictGet } from '../structure/pdfValues'
import type { PageTreeNode } from './buildScanIndex'

/** pdf.js's range size in the app (openPdf.ts): page dictionaries in more chunks than this cost a read each at open. */
const CHUNK = 1 << 16
const MIN_SPREAD_CHUNKS = 16
const MAX_NODES = 20_000

/**
 * Opening a PDF, pdf.js walks the whole page tree to check the last page, one object at a time,
 * each waiting for its bytes. In a scan every page dictionary sits between megabyte images, so
 * a 1,000-page file costs 1,000 round trips before page 1 shows. This builds an incremental update
 * (PDF 32000-1 §7.5.6) that repeats every page-tree object, unchanged, side by side: appended to
 * what pdf.js is given (never to the stored file), the newest cross-reference section points at
 * these copies and the whole tree arrives in a read or two. Null when the tree is already compact
 * or the file has something an update must not touch. The result is ASCII text.
 */
export function buildPageTreeAppendix(pdf: PdfStructure, fileSize: number, nodes: PageTreeNode[], minSpreadChunks = MIN_SPREAD_CHUNKS): string | null {
  if (nodes.length > MAX_NODES || nodes.some((n) => n.ref === null)) return null
  const chunks = new Set<number>()
  for (const n of lastPageWalk(nodes[0]!)) {
    const at = pdf.offsetOf(n.ref!)
    if (at !== null) chunks.add(Math.floor(at / CHUNK))
  }
  if (chunks.size <= minSpreadChunks) return null
  const root = dictGet(pdf.trailer, 'Root')
  const size = dictGet(pdf.trailer, 'Size')
  if (root === undefined || typeof size !== 'number') return null

  const parts: string[] = ['\n']
  let length = 1
  const offsets = new Map<number, { offset: number; gen: number }>()
  try {
    for (const n of nodes) {
      const { num, gen } = n.ref!
      if (offsets.has(num)) return null
      const text = `${num} ${gen} obj\n${serializePdfValue(n.dict)}\nendobj\n`
      offsets.set(num, { offset: fileSize + length, gen })
      parts.push(text)
      length += text.length
    }
    const xrefAt = fileSize + length
    parts.push('xref\n')
    const nums = [...offsets.keys()].sort((a, b) => a - b)
    for (let i = 0; i < nums.length; ) {
      let j = i
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++
      parts.push(`${nums[i]} ${j - i + 1}\n`)
      for (const num of nums.slice(i, j + 1)) {
        const e = offsets.get(num)!
        parts.push(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`)
      }
      i = j + 1
    }
    const keep = ['Root', 'Info', 'ID'].flatMap((k) => {
      const v = dictGet(pdf.trailer, k)
      return v === undefined ? [] : [`/${k} ${serializePdfValue(v)}`]
    })
    const newSize = Math.max(size, nums.at(-1)! + 1)
    parts.push(`trailer\n<< /Size ${newSize} ${keep.join(' ')} /Prev ${pdf.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`)
  } catch {
    // A value we cannot write back exactly (e.g. a name outside Latin-1): no appendix rather than a changed object.
    return null
  }
  return parts.join('')
}

/**
 * The tree nodes pdf.js fetches to find the last page (Catalog.getPageDict): every kid of each
 * node on the way down, since it learns a kid's page count only by reading it. A flat tree means
 * every page; a balanced one, a few dozen nodes.
 */
export function lastPageWalk(root: PageTreeNode): PageTreeNode[] {
  const fetched: PageTreeNode[] = []
  let node = root
  let before = 0
  const target = root.pages - 1
  while (node.children) {
    let next: PageTreeNode | null = null
    for (const kid of node.children) {
      fetched.push(kid)
      if (before + kid.pages > target) {
        next = kid
        break
      }
      before += kid.pages
    }
    if (!next) break
    node = next
  }
  return fetched
}

/** The appendix is plain ASCII, kept as text so it travels in JSON (exchange packages, backups) unchanged. */
export function appendixBytes(text: string): Uint8Array {
  // A plain loop: Uint8Array.from over the string's iterator took 13 ms for a 1,000-page file's appendix.
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff
  return bytes
}
