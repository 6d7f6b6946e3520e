import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from '@playwright/test'
import { writeImagePdf, type JpegPage } from './pdfWriter'

/** 300 dpi A4. */
export const SCAN = { width: 2480, height: 3508 }
/** Per page, so 1,000 pages reach a binary gigabyte and 10 pages about 10 MB. */
export const TARGET_JPEG_BYTES = 1_080_000
/** Distinct page images; pages cycle through them. Bump GENERATOR when the drawing changes so cached files are remade. */
export const VARIANTS = 24
const GENERATOR = 1

export interface JpegSet {
  dir: string
  quality: number
  sizes: number[]
  pages: JpegPage[]
}

type Log = (msg: string) => void

/**
 * Draws a scanned-looking page in Chromium itself (the browser's own JPEG encoder, as a
 * scanner driver would produce): off-white noisy paper with uneven lighting, lines of text,
 * a red seal and a variant number. Runs in the page, so it must not close over anything.
 */
async function drawScan(args: { width: number; height: number; variant: number; quality: number }): Promise<{ dataUrl: string; size: number }> {
  const { width: W, height: H, variant, quality } = args
  let seed = (variant + 1) * 2654435761
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const canvas = document.createElement('canvas')
  canvas.width = W
  canvas.height = H
  const ctx = canvas.getContext('2d')!
  const img = ctx.createImageData(W, H)
  const d = img.data
  const shade = 6 + rnd() * 10
  let s = (variant + 7) * 97531
  for (let y = 0; y < H; y++) {
    const light = 238 - shade * (y / H)
    for (let x = 0; x < W; x++) {
      s = (s * 1103515245 + 12345) >>> 0
      const n = light + ((s >>> 24) & 15) - (x < 60 || x > W - 60 ? 40 : 0)
      const i = (y * W + x) * 4
      d[i] = n
      d[i + 1] = n - 3
      d[i + 2] = n - 11
      d[i + 3] = 255
    }
  }
  ctx.putImageData(img, 0, 0)
  ctx.save()
  ctx.translate(W / 2, H / 2)
  ctx.rotate((rnd() - 0.5) * 0.01)
  ctx.translate(-W / 2, -H / 2)
  ctx.fillStyle = '#151515'
  ctx.textAlign = 'center'
  ctx.font = 'bold 96px serif'
  const titles = ['行政处罚决定书', '现场检查笔录', '询问笔录', '立案审批表', '送达回证', '证据登记保存清单']
  ctx.fillText(titles[variant % titles.length]!, W / 2, 330)
  ctx.font = '52px serif'
  ctx.fillText(`某执法〔2024〕第 ${100 + variant} 号`, W / 2, 450)
  ctx.textAlign = 'left'
  ctx.font = '46px serif'
  const words = '当事人 住所地 法定代表人 违法事实 经查 证据 现场照片 询问笔录 依据 《中华人民共和国行政处罚法》 第二十八条 决定 罚款 人民币 元整 如不服 可于 六十日内 申请行政复议 六个月内 提起行政诉讼'.split(' ')
  for (let y = 600; y < H - 700; y += 78) {
    if (rnd() < 0.08) continue
    let line = y === 600 || rnd() < 0.15 ? '    ' : ''
    const len = 14 + Math.floor(rnd() * 10)
    for (let k = 0; k < len; k++) line += words[Math.floor(rnd() * words.length)]
    ctx.fillText(line.slice(0, 38), 220 + (rnd() - 0.5) * 6, y)
  }
  ctx.restore()
  const cx = W - 700 + rnd() * 100
  const cy = H - 650 + rnd() * 80
  ctx.strokeStyle = 'rgba(205, 28, 36, 0.82)'
  ctx.fillStyle = 'rgba(205, 28, 36, 0.82)'
  ctx.lineWidth = 16
  ctx.beginPath()
  ctx.arc(cx, cy, 250, 0, Math.PI * 2)
  ctx.stroke()
  ctx.beginPath()
  for (let k = 0; k < 10; k++) {
    const r = k % 2 ? 38 : 95
    const a = -Math.PI / 2 + (k * Math.PI) / 5
    ctx.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a))
  }
  ctx.fill()
  ctx.font = 'bold 54px serif'
  ctx.textAlign = 'center'
  const ring = '某某市综合行政执法局'
  for (let k = 0; k < ring.length; k++) {
    const a = -Math.PI * 0.9 + (k * Math.PI * 0.8) / (ring.length - 1)
    ctx.save()
    ctx.translate(cx + 180 * Math.cos(a), cy + 180 * Math.sin(a))
    ctx.rotate(a + Math.PI / 2)
    ctx.fillText(ring[k]!, 0, 18)
    ctx.restore()
  }
  ctx.fillStyle = '#202020'
  ctx.font = '48px serif'
  ctx.fillText(`— 样张 ${variant + 1} —`, W / 2, H - 180)
  for (let k = 0; k < 400; k++) {
    ctx.fillStyle = `rgba(40,40,40,${0.2 + rnd() * 0.6})`
    ctx.fillRect(rnd() * W, rnd() * H, 1 + rnd() * 4, 1 + rnd() * 4)
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', quality))
  const dataUrl = await new Promise<string>((resolve) => {
    const r = new FileReader()
    r.onload = () => resolve(r.result as string)
    r.readAsDataURL(blob)
  })
  canvas.width = canvas.height = 0
  return { dataUrl, size: blob.size }
}

/** Makes (or reuses) the page images: quality is searched once so an average page is TARGET_JPEG_BYTES. */
export async function ensureJpegs(browser: Browser, dataDir: string, log: Log): Promise<JpegSet> {
  const dir = join(dataDir, `jpeg-g${GENERATOR}-${SCAN.width}x${SCAN.height}-v${VARIANTS}-t${TARGET_JPEG_BYTES}`)
  const manifest = join(dir, 'manifest.json')
  if (!existsSync(manifest)) {
    mkdirSync(dir, { recursive: true })
    const page = await browser.newPage()
    // tsx (esbuild keepNames) wraps named inner functions in __name(), which the page lacks.
    await page.evaluate('globalThis.__name ??= (f) => f')
    try {
      const encode = (variant: number, quality: number) => page.evaluate(drawScan, { ...SCAN, variant, quality })
      let lo = 0.2
      let hi = 0.95
      let quality = 0.5
      for (let step = 0; step < 6; step++) {
        const { size } = await encode(0, quality)
        log(`jpeg quality ${quality.toFixed(3)}: ${size} bytes`)
        if (Math.abs(size - TARGET_JPEG_BYTES) / TARGET_JPEG_BYTES < 0.02) break
        if (size > TARGET_JPEG_BYTES) hi = quality
        else lo = quality
        quality = (lo + hi) / 2
      }
      const sizes: number[] = []
      for (let v = 0; v < VARIANTS; v++) {
        const { dataUrl, size } = await encode(v, quality)
        writeFileSync(join(dir, `page-${v}.jpg`), Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'))
        sizes.push(size)
        log(`jpeg variant ${v + 1}/${VARIANTS}: ${size} bytes`)
      }
      writeFileSync(manifest, JSON.stringify({ quality, sizes }, null, 1))
    } finally {
      await page.close()
    }
  }
  const { quality, sizes } = JSON.parse(readFileSync(manifest, 'utf8')) as { quality: number; sizes: number[] }
  const pages = sizes.map((_, v) => ({ bytes: new Uint8Array(readFileSync(join(dir, `page-${v}.jpg`))), ...SCAN }))
  return { dir, quality, sizes, pages }
}

/** The PDF for `pageCount` pages, written once per parameter set and reused by later runs. */
/**
 * Pages that end with an empty path (`0 0 1 1 re n`): it draws nothing, but keeps them off the
 * viewer's scan fast path, so pdf.js (with the page-tree appendix) draws every page.
 */
export const PDFJS_PATH_CONTENT = '0 0 1 1 re n\n'

export function ensurePdf(jpegs: JpegSet, dataDir: string, pageCount: number, log: Log, viaPdfjs = false): { path: string; name: string; bytes: number } {
  const name = `scan-${pageCount}p-g${GENERATOR}-q${Math.round(jpegs.quality * 1000)}${viaPdfjs ? '-pdfjs' : ''}`
  const path = join(dataDir, `${name}.pdf`)
  if (!existsSync(path)) {
    log(`writing ${path} (${pageCount} pages)`)
    const t = Date.now()
    writeImagePdf(path, pageCount, (i) => jpegs.pages[i % jpegs.pages.length]!, viaPdfjs ? PDFJS_PATH_CONTENT : '')
    log(`wrote ${path} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }
  return { path, name, bytes: statSync(path).size }
}
