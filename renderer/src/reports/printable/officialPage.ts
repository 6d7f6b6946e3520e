import { embeddedFontCss, PRINT_FONT_FAMILY, type FetchBytes } from './bundledFont'

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Multi-line text as escaped lines. */
export const lines = (text: string) => esc(text).split('\n').join('<br>')

/**
 * Official-document layout after GB/T 9704: A4, 37/26/35/28 mm margins, 三号 (16 pt) body at a fixed
 * 28 pt line, 二号 (22 pt) title. The one bundled serif stands in for 仿宋/黑体/小标宋 by weight.
 */
const OFFICIAL_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page form { size: A4; margin: 20mm 20mm 20mm 20mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: '${PRINT_FONT_FAMILY}', serif; font-size: 16pt; line-height: 28pt; color: #000; }
.docno { text-align: center; margin: 0 0 14pt; }
h1.title { font-size: 22pt; line-height: 33pt; font-weight: 700; text-align: center; margin: 0 0 28pt; }
h2 { font-size: 16pt; font-weight: 700; margin: 0; }
h3 { font-size: 16pt; font-weight: 700; margin: 0; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.flush { text-indent: 0; }
.sign { text-align: right; margin-top: 28pt; text-indent: 0; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 15pt; margin: 6pt 0 10pt; page-break-inside: auto; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; }
th { font-weight: 700; text-align: center; background: #f2f2f2; }
tr { page-break-inside: avoid; }
td.c { text-align: center; }
.caption { text-align: center; font-size: 12pt; font-weight: 700; text-indent: 0; }
.annex { page-break-before: always; }
.form { page: form; font-size: 10.5pt; line-height: 16pt; }
.form h1.title { font-size: 18pt; line-height: 26pt; margin-bottom: 10pt; }
.form p { text-indent: 0; }
.qr { display: flex; gap: 10pt; align-items: center; margin-top: 8pt; font-size: 9pt; line-height: 12pt; word-break: break-all; }
.qr img { width: 30mm; height: 30mm; }
`

/** A complete, self-contained HTML page (fonts inlined) for printing or printToPDF. */
export async function officialPage(title: string, body: string, load?: FetchBytes): Promise<string> {
  const fonts = await embeddedFontCss(title + body.replace(/<[^>]*>/g, ''), load)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${fonts}\n${OFFICIAL_CSS}</style></head><body>${body}</body></html>`
}
