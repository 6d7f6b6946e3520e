import { contextBridge, ipcRenderer } from 'electron'
import { channels, desktopGlobal, type DesktopApi } from '@contract/hostApi'

// Only named methods cross the bridge; raw ipcRenderer never does, so a compromised
// page cannot reach channels the contract does not list.
const api: DesktopApi = {
  getAppInfo: () => ipcRenderer.invoke(channels.getAppInfo),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  printToPdf: (html) => ipcRenderer.invoke(channels.printToPdf, html),
}

contextBridge.exposeInMainWorld(desktopGlobal, api)
