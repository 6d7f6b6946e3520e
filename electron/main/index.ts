import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './appProtocol'
import { writeAtomic } from './atomicWrite'
import { createHostService } from './hostService'
import { registerIpcHandlers } from './ipcHandlers'
import { createPdfPrinter, createPrintPages } from './printToPdf'
import { hardenSession, hardenWebContents, isAllowedNavigation } from './security'

// Must run before 'ready': a privileged standard scheme gets a real origin, so
// IndexedDB, fetch and module workers behave as on the web.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
])

const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : null
const rendererDir = join(import.meta.dirname, '../renderer')
const printPages = createPrintPages()

/** A hidden window per PDF, hardened like the main one; the page has no script, so JavaScript is off. */
function openPdfWindow() {
  const win = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, javascript: false, spellcheck: false } })
  hardenWebContents(win.webContents, null)
  return { loadURL: (url: string) => win.loadURL(url), webContents: win.webContents, destroy: () => win.destroy() }
}

async function createWindow(): Promise<void> {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '案卷评查台',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  hardenWebContents(win.webContents, devServerOrigin)
  win.once('ready-to-show', () => win.show())
  await win.loadURL(devServerUrl ?? APP_ENTRY_URL)
}

app.whenReady().then(async () => {
  const appFiles = createAppProtocolHandler(rendererDir, {
    read: async (path) => {
      try {
        return await readFile(path)
      } catch {
        return null
      }
    },
  })
  protocol.handle(APP_SCHEME, (request) => printPages.respond(request) ?? appFiles(request))
  hardenSession(session.defaultSession, devServerOrigin)
  registerIpcHandlers(
    ipcMain,
    createHostService({
      info: { name: '案卷评查台', version: app.getVersion(), electron: process.versions.electron ?? '', platform: process.platform },
      dialog: { showSaveDialog: (options) => dialog.showSaveDialog(options) },
      files: { writeAtomic },
      printToPdf: createPdfPrinter({ openWindow: openPdfWindow, pages: printPages }),
    }),
    (url) => url !== undefined && (url.startsWith(APP_ORIGIN + '/') || isAllowedNavigation(url, devServerOrigin)),
  )
  await createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
