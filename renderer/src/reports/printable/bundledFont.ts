import css400 from '@fontsource/noto-serif-sc/400.css?raw'
import css700 from '@fontsource/noto-serif-sc/700.css?raw'

// Only the woff2 slices are bundled: the CSS is read as text (so its woff fallbacks are never emitted)
// and the files are globbed by name. The 1.5 MB "chinese-simplified" files duplicate the slices and stay out.
const urls = import.meta.glob(['../../../../node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-*-400-normal.woff2', '../../../../node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-*-700-normal.woff2', '!../../../../node_modules/@fontsource/noto-serif-sc/files/*chinese-simplified*'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>

export const PRINT_FONT_FAMILY = 'Noto Serif SC'

export interface FontSlice {
  file: string
  weight: 400 | 700
  ranges: [number, number][]
  url: string
}

/** The @font-face blocks of fontsource's CSS, reduced to file, weight and unicode-range. */
export function parseSlices(css: string, weight: 400 | 700, urlOf: (file: string) => string | undefined): FontSlice[] {
  const out: FontSlice[] = []
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1]
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1]
    const url = file ? urlOf(file) : undefined
    if (!file || !range || !url) continue
    const ranges = range.split(',').map((r): [number, number] => {
      const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-')
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)]
    })
    out.push({ file, weight, ranges, url })
  }
  return out
}

const byName = new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]))
export const bundledSlices: FontSlice[] = [...parseSlices(css400, 400, (f) => byName.get(f)), ...parseSlices(css700, 700, (f) => byName.get(f))]

/** The slices a text needs: a document embeds a few dozen small files instead of the whole font. */
export function slicesFor(text: string, slices: readonly FontSlice[] = bundledSlices): FontSlice[] {
  const codes = new Set<number>()
  for (const ch of text) codes.add(ch.codePointAt(0)!)
  return slices.filter((s) => {
    for (const c of codes) if (s.ranges.some(([lo, hi]) => c >= lo && c <= hi)) return true
    return false
  })
}

function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

export type FetchBytes = (url: string) => Promise<Uint8Array>
const fetchBytes: FetchBytes = async (url) => {
  const r = await fetch(url)
  if (!r.ok) throw new Error(`读取内置字体失败（${r.status}）`)
  return new Uint8Array(await r.arrayBuffer())
}

/**
 * @font-face rules with the needed slices inlined as data: URLs, so the printable page is one
 * self-contained string: it renders the same in a print iframe, a hidden Electron window (data: URL)
 * or page.setContent, on a machine without any Chinese font.
 */
export async function embeddedFontCss(text: string, load: FetchBytes = fetchBytes, slices: readonly FontSlice[] = bundledSlices): Promise<string> {
  const needed = slicesFor(text, slices)
  const rules = await Promise.all(
    needed.map(async (s) => {
      const range = s.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',')
      return `@font-face{font-family:'${PRINT_FONT_FAMILY}';font-style:normal;font-weight:${s.weight};src:url(data:font/woff2;base64,${base64(await load(s.url))}) format('woff2');unicode-range:${range};}`
    }),
  )
  return rules.join('\n')
}
