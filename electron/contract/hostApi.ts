import type { Result } from './result'

/**
 * The one contract between the renderer and the Electron main process.
 * Each method is a channel; main validates the argument with the schema below
 * before acting (see hostApiSchemas.ts), because the renderer is treated as untrusted.
 */
export interface AppInfo {
  name: string
  version: string
  electron: string
  platform: string
}

export interface SaveFileResult {
  /** Absolute path written, or null when the user cancelled the dialog. */
  path: string | null
}

export interface SaveFileRequest {
  suggestedName: string
  bytes: Uint8Array
}

export interface DesktopApi {
  getAppInfo(): Promise<Result<AppInfo>>
  saveFile(request: SaveFileRequest): Promise<Result<SaveFileResult>>
  /** A4 PDF of a self-contained HTML page (fonts inlined), rendered in a hidden window. */
  printToPdf(html: string): Promise<Result<Uint8Array>>
}

/** Channel names; the preload exposes exactly these methods and nothing else. */
export const channels = {
  getAppInfo: 'host:getAppInfo',
  saveFile: 'host:saveFile',
  printToPdf: 'host:printToPdf',
} as const satisfies Record<keyof DesktopApi, string>

export type ChannelName = (typeof channels)[keyof typeof channels]

/** The global name under which the preload exposes the API. */
export const desktopGlobal = 'desktop'
