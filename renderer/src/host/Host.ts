/**
 * What the UI may ask of whatever hosts it. Exactly one implementation is chosen at
 * start-up (selectHost.ts); no other module knows whether it runs in Electron or a browser.
 */
export type PrintToPdfResult = { ok: true; pdf: Uint8Array } | { ok: false; unsupported: true } | { ok: false; unsupported?: false; message: string }

export interface Host {
  readonly kind: 'electron' | 'browser'
  appVersion(): Promise<string>
  /** Saves bytes the app produced (exports, packages). Resolves to a user-facing description of where, or null if cancelled. */
  saveFile(suggestedName: string, data: Blob): Promise<{ ok: true; savedTo: string | null } | { ok: false; message: string }>
  /** Renders a self-contained printable page to A4 PDF bytes. The browser cannot, and says so; the UI then prints instead. */
  printToPdf(html: string): Promise<PrintToPdfResult>
}
