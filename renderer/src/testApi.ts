import type { AppServices } from './app/AppServices'
import { listCaseFiles } from './store/caseFiles'

/**
 * The automation contract (test/e2e/CONTRACT.md). Installed only when the page is
 * opened with ?e2e=1, so a normal session exposes nothing extra.
 */
export interface CaseReviewTestApi {
  contractVersion: number
  version(): Promise<string>
  hostKind(): 'electron' | 'browser'
  listCaseFiles(): Promise<{ id: string; name: string; pageCount: number; size: number; importedAt: string }[]>
  waitForLibraryCount(count: number, timeoutMs?: number): Promise<number>
  openCaseFile(name: string): Promise<string>
  waitForPageRendered(pageNumber: number, timeoutMs?: number): Promise<void>
  goToLibrary(): void
}

async function poll<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export function createTestApi(services: AppServices): CaseReviewTestApi {
  return {
    contractVersion: 1,
    version: async () => services.version,
    hostKind: () => services.host.kind,
    listCaseFiles: async () => (await listCaseFiles(services.db)).map(({ id, name, pageCount, size, importedAt }) => ({ id, name, pageCount, size, importedAt })),
    waitForLibraryCount: (count, timeoutMs = 30_000) =>
      poll(async () => {
        const n = await services.db.caseFiles.count()
        return n >= count ? n : undefined
      }, timeoutMs, `${count} case files in the library`),
    async openCaseFile(name) {
      const all = await listCaseFiles(services.db)
      const hit = all.find((c) => c.name === name) ?? all.find((c) => c.sources.some((s) => s.name === name))
      if (!hit) throw new Error(`no case file named ${name}`)
      services.navigate({ page: 'case', caseId: hit.id })
      return hit.id
    },
    waitForPageRendered: (pageNumber, timeoutMs = 30_000) => poll(() => (services.renders.isRendered(pageNumber) ? true : undefined), timeoutMs, `page ${pageNumber} to render`).then(() => undefined),
    goToLibrary: () => services.navigate({ page: 'library' }),
  }
}

export function isTestMode(location: Location): boolean {
  return new URLSearchParams(location.search).get('e2e') === '1'
}
