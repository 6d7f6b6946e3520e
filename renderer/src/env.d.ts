/** Injected by the build from package.json (electron.vite.config.ts). */
declare const __APP_VERSION__: string
