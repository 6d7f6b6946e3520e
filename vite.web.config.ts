import { defineConfig } from 'vite'
import { contentSecurityPolicy } from './electron/main/csp'

// `npm run web`: serves the built renderer to plain Chromium on loopback only, with the
// same Content-Security-Policy header the Electron app:// handler sends.
export default defineConfig({
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' },
  },
  build: { outDir: 'out/renderer' },
})
