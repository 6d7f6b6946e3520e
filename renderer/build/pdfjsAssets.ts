import { readdirSync, readFileSync, statSync, createReadStream, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'

// pdf.js fetches CMaps, standard fonts, ICC profiles and its wasm decoders at run time;
// shipping them in the bundle is what lets a Chinese PDF with non-embedded fonts render offline.
const assetDirs = ['cmaps', 'standard_fonts', 'wasm', 'iccs']

export function pdfjsAssets(pdfjsRoot: string): Plugin {
  return {
    name: 'case-review:pdfjs-assets',
    generateBundle() {
      for (const dir of assetDirs) {
        for (const file of readdirSync(join(pdfjsRoot, dir))) {
          const full = join(pdfjsRoot, dir, file)
          if (!statSync(full).isFile()) continue
          this.emitFile({ type: 'asset', fileName: `pdfjs/${dir}/${file}`, source: readFileSync(full) })
        }
      }
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0] ?? '')
        const [dir, file, extra] = rel.replace(/^\//, '').split('/')
        if (!dir || !file || extra !== undefined || !assetDirs.includes(dir) || file.includes('..')) return next()
        const full = join(pdfjsRoot, dir, file)
        if (!existsSync(full)) return next()
        res.setHeader('Content-Type', 'application/octet-stream')
        createReadStream(full).pipe(res)
      })
    },
  }
}
