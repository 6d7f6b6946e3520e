import { dictGet, isDict, isName, isRef, isStream, type PdfDict, type PdfObject, type PdfRef, type PdfValue } from '../structure/pdfValues'
import { openPdfStructure, type ByteSource, type PdfStructure } from '../structure/pdfStructure'
import { classifyScanContent } from '../structure/scanContent'
import { readJpegHeader } from './jpegHeader'
import { buildPageTreeAppendix } from './pageTreeAppendix'
import type { Matrix, ScanIndex, ScanPage } from './scanPage'

/** Page-tree attributes a page inherits from its ancestors (PDF 32000-1 §7.7.3.4). */
interface Inherited {
  MediaBox?: PdfValue
  CropBox?: PdfValue
  Rotate?: PdfValue
  Resources?: PdfValue
}
const INHERITABLE = ['MediaBox', 'CropBox', 'Rotate', 'Resources'] as const

interface Leaf {
  dict: PdfDict
  inherited: Inherited
}

/** A node of the page tree (a page or a /Pages node) and where it is stored, when indirect. */
export interface PageTreeNode {
  ref: PdfRef | null
  dict: PdfDict
  /** Null for a page. */
  children: PageTreeNode[] | null
  /** Pages in this subtree. */
  pages: number
}

/** Enough JPEG to reach the frame header of a scanner's JPEG; a second, larger read gets past big EXIF or ICC segments. */
const JPEG_HEAD_BYTES = [1 << 13, 1 << 17]
const PARALLEL_PAGES = 16
/** A page tree deeper or larger than this is not a scan worth the fast path. */
const MAX_TREE_NODES = 200_000

export interface ViewerReading {
  scanIndex: ScanIndex | null
  /** See pageTreeAppendix.ts; null when the file does not need one or cannot have one. */
  appendix: string | null
}

/**
 * Both things the viewer keeps about a PDF's structure, from one strict reading of it: the scan
 * index (the pages that are a single JPEG and nothing else; any page we are unsure of is null)
 * and the page-tree appendix. `pageCount` is pdf.js's count: when our reading of the page tree
 * disagrees, neither is made. Both are null when the file cannot be read strictly (damaged,
 * encrypted, unusual).
 */
export async function readForViewer(src: ByteSource, pageCount: number): Promise<ViewerReading> {
  let pdf: PdfStructure
  let tree: { leaves: Leaf[]; nodes: PageTreeNode[] }
  try {
    pdf = await openPdfStructure(src)
    tree = await pageTree(pdf)
  } catch {
    return { scanIndex: null, appendix: null }
  }
  const { leaves } = tree
  if (leaves.length !== pageCount) return { scanIndex: null, appendix: null }
  const pages: (ScanPage | null)[] = new Array<ScanPage | null>(pageCount).fill(null)
  let next = 0
  const worker = async () => {
    while (next < leaves.length) {
      const i = next++
      pages[i] = await scanPage(pdf, src, leaves[i]!).catch(() => null)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker))
  return { scanIndex: { version: 1, pages }, appendix: buildPageTreeAppendix(pdf, src.size, tree.nodes) }
}

/** The page tree as pdf.js would walk it: pages in order, and every node (the root first). Throws on anything inconsistent. */
export async function pageTree(pdf: PdfStructure): Promise<{ leaves: Leaf[]; nodes: PageTreeNode[] }> {
  const root = await pdf.resolve(dictGet(pdf.trailer, 'Root'))
  if (!isDict(root)) throw new Error('no catalog')
  const top = dictGet(root, 'Pages')
  const leaves: Leaf[] = []
  const nodes: PageTreeNode[] = []
  const seen = new Set<string>()
  let visited = 0
  const visit = async (value: PdfValue | undefined, parentRef: PdfRef | null, inherited: Inherited): Promise<PageTreeNode> => {
    if (++visited > MAX_TREE_NODES) throw new Error('page tree too large')
    let ref: PdfRef | null = null
    if (isRef(value)) {
      ref = value
      const key = `${value.num} ${value.gen}`
      if (seen.has(key)) throw new Error('page tree cycle')
      seen.add(key)
    }
    const node = await pdf.resolve(value)
    if (!isDict(node)) throw new Error('page tree node is not a dictionary')
    // pdf.js follows /Parent for inherited attributes; walking down is the same only if the links agree.
    if (parentRef) {
      const parent = dictGet(node, 'Parent')
      if (!isRef(parent) || parent.num !== parentRef.num || parent.gen !== parentRef.gen) throw new Error('inconsistent /Parent')
    }
    const self: PageTreeNode = { ref, dict: node, children: null, pages: 1 }
    nodes.push(self)
    const here: Inherited = { ...inherited }
    for (const key of INHERITABLE) {
      const v = dictGet(node, key)
      if (v !== undefined) here[key] = v
    }
    const kids = dictGet(node, 'Kids')
    if (isName(dictGet(node, 'Type'), 'Page') || kids === undefined) {
      leaves.push({ dict: node, inherited: here })
      return self
    }
    const list = await pdf.resolve(kids)
    if (!Array.isArray(list)) throw new Error('/Kids is not an array')
    self.children = []
    for (const kid of list) self.children.push(await visit(kid, ref, here))
    self.pages = self.children.reduce((n, c) => n + c.pages, 0)
    return self
  }
  await visit(top, null, {})
  return { leaves, nodes }
}

async function num(pdf: PdfStructure, v: PdfValue | undefined): Promise<number | null> {
  const r = await pdf.resolve(v)
  return typeof r === 'number' && Number.isFinite(r) ? r : null
}

/** A normalised [x0, y0, x1, y1] with positive area, as pdf.js's lookupNormalRect. */
async function rect(pdf: PdfStructure, v: PdfValue | undefined): Promise<[number, number, number, number] | null> {
  const arr = await pdf.resolve(v)
  if (!Array.isArray(arr) || arr.length !== 4) return null
  const xs: number[] = []
  for (const x of arr) {
    const n = await num(pdf, x)
    if (n === null) return null
    xs.push(n)
  }
  const r: [number, number, number, number] = [Math.min(xs[0]!, xs[2]!), Math.min(xs[1]!, xs[3]!), Math.max(xs[0]!, xs[2]!), Math.max(xs[1]!, xs[3]!)]
  return r[2] - r[0] > 0 && r[3] - r[1] > 0 ? r : null
}

function normaliseRotate(r: number): 0 | 90 | 180 | 270 {
  if (r % 90 !== 0) return 0
  return ((((r % 360) + 360) % 360) as 0 | 90 | 180 | 270)
}

async function scanPage(pdf: PdfStructure, src: ByteSource, leaf: Leaf): Promise<ScanPage | null> {
  const page = leaf.dict
  // Annotations (stamps, notes) are drawn by pdf.js; a page with any stays with it.
  const annots = await pdf.resolve(dictGet(page, 'Annots'))
  if (annots !== undefined && annots !== null && !(Array.isArray(annots) && annots.length === 0)) return null
  const userUnit = await pdf.resolve(dictGet(page, 'UserUnit'))
  if (userUnit !== undefined && userUnit !== 1) return null

  const mediaBox = await rect(pdf, leaf.inherited.MediaBox)
  if (!mediaBox) return null
  const cropBox = leaf.inherited.CropBox === undefined ? mediaBox : await rect(pdf, leaf.inherited.CropBox)
  if (!cropBox) return null
  const clipped: [number, number, number, number] = [Math.max(cropBox[0], mediaBox[0]), Math.max(cropBox[1], mediaBox[1]), Math.min(cropBox[2], mediaBox[2]), Math.min(cropBox[3], mediaBox[3])]
  const view = clipped[2] > clipped[0] && clipped[3] > clipped[1] ? clipped : mediaBox
  const rotateValue = leaf.inherited.Rotate === undefined ? 0 : await num(pdf, leaf.inherited.Rotate)
  if (rotateValue === null || !Number.isInteger(rotateValue)) return null

  const content = await contentBytes(pdf, dictGet(page, 'Contents'))
  if (!content) return null
  const drawn = classifyScanContent(content)
  if (!drawn) return null

  const resources = await pdf.resolve(leaf.inherited.Resources)
  if (!isDict(resources)) return null
  const xobjects = await pdf.resolve(dictGet(resources, 'XObject'))
  if (!isDict(xobjects)) return null
  const image = await pdf.resolve(dictGet(xobjects, drawn.xobjectName))
  if (!isStream(image)) return null
  const jpeg = await jpegImage(pdf, src, image)
  if (!jpeg) return null
  const m = drawn.matrix as Matrix
  if (!m.every(Number.isFinite) || m[0] * m[3] - m[1] * m[2] === 0) return null
  return { view, rotate: normaliseRotate(rotateValue), jpeg: [image.dataOffset, image.dataOffset + image.length], pixels: [jpeg.width, jpeg.height], matrix: [...m] as Matrix }
}

async function contentBytes(pdf: PdfStructure, v: PdfValue | undefined): Promise<Uint8Array | null> {
  const c = await pdf.resolve(v)
  const parts: PdfObject[] = []
  if (isStream(c)) parts.push(c)
  else if (Array.isArray(c)) for (const x of c) parts.push((await pdf.resolve(x)) ?? null)
  else return null
  const chunks: Uint8Array[] = []
  for (const p of parts) {
    if (!isStream(p)) return null
    chunks.push(await pdf.decodeStream(p))
  }
  // Content split over several streams reads as one, with the streams separated by whitespace.
  const total = chunks.reduce((n, b) => n + b.length + 1, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const b of chunks) {
    out.set(b, at)
    at += b.length
    out[at++] = 0x0a
  }
  return out
}

/** The image XObject, if it is a plain 8-bit grey or RGB JPEG that a browser draws exactly as pdf.js would. */
async function jpegImage(pdf: PdfStructure, src: ByteSource, image: Extract<PdfObject, { kind: 'stream' }>): Promise<{ width: number; height: number } | null> {
  const d = image.dict
  if (!isName(dictGet(d, 'Subtype'), 'Image')) return null
  const filter = await pdf.resolve(dictGet(d, 'Filter'))
  const isDct = isName(filter, 'DCTDecode') || (Array.isArray(filter) && filter.length === 1 && isName(filter[0], 'DCTDecode'))
  if (!isDct) return null
  // OC: the image may sit in a layer that is switched off.
  for (const key of ['SMask', 'Mask', 'Decode', 'SMaskInData', 'OC']) {
    const v = dictGet(d, key)
    if (v !== undefined && v !== null && v !== 0) return null
  }
  const imageMask = await pdf.resolve(dictGet(d, 'ImageMask'))
  if (imageMask === true) return null
  const parms = await pdf.resolve(dictGet(d, 'DecodeParms'))
  const parmsList = Array.isArray(parms) ? parms : [parms]
  for (const p of parmsList) {
    const r = await pdf.resolve(p as PdfValue | undefined)
    if (r !== undefined && r !== null && !(isDict(r) && r.entries.size === 0)) return null
  }
  if ((await num(pdf, dictGet(d, 'BitsPerComponent'))) !== 8) return null
  const width = await num(pdf, dictGet(d, 'Width'))
  const height = await num(pdf, dictGet(d, 'Height'))
  const components = await colourComponents(pdf, dictGet(d, 'ColorSpace'))
  if (width === null || height === null || components === null) return null
  if (image.length < 4 || image.dataOffset + image.length > src.size) return null
  let head = null
  for (const n of JPEG_HEAD_BYTES) {
    head = readJpegHeader(await src.read(image.dataOffset, image.dataOffset + Math.min(image.length, n)))
    if (head || n >= image.length) break
  }
  if (!head || head.width !== width || head.height !== height || head.components !== components) return null
  if (head.exifOrientation !== null && head.exifOrientation !== 1) return null
  return { width, height }
}

/** 1 or 3 for grey or RGB (device or ICC-based); null for anything else (CMYK, indexed, Lab, …). */
async function colourComponents(pdf: PdfStructure, v: PdfValue | undefined): Promise<number | null> {
  const cs = await pdf.resolve(v)
  if (isName(cs, 'DeviceRGB')) return 3
  if (isName(cs, 'DeviceGray')) return 1
  if (Array.isArray(cs) && cs.length === 2 && isName(cs[0], 'ICCBased')) {
    const profile = await pdf.resolve(cs[1])
    if (!isStream(profile)) return null
    const n = await num(pdf, dictGet(profile.dict, 'N'))
    return n === 1 || n === 3 ? n : null
  }
  return null
}
