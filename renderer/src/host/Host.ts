/**
 * What the UI may ask of whatever hosts it. Exactly one implementation is chosen at
 * start-up (selectHost.ts); no other module knows whether it runs in Electron or a browser.
 */
export interface Host {
  readonly kind: 'electron' | 'browser'
  appVersion(): Promise<string>
  /** Saves bytes the app produced (exports, packages). Resolves to a user-facing description of where, or null if cancelled. */
  saveFile(suggestedName: string, data: Blob): Promise<{ ok: true; savedTo: string | null } | { ok: false; message: string }>
}
