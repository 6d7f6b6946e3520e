import type { AppServices } from './app/AppServices'
import { createRubricTestApi, type RubricTestApi } from './rubrics/rubricTestApi'
import { listCaseFiles } from './store/caseFiles'
import { createReviewTestApi, type ReviewTestApi } from './review/reviewTestApi'
import type { PageFlags } from './store/records'
import { documentsOf, marksOf } from './store/viewerState'
import type { ViewerHandle, ZoomMode } from './viewer/ViewerBridge'
import { createExchangeTestApi, type ExchangeTestApi } from './exchange/exchangeTestApi'
import { createCampaignTestApi, type CampaignTestApi } from './workflow/campaignTestApi'
import { createReportsTestApi, type ReportsTestApi } from './reports/reportsTestApi'

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
  /** The scoring screen and its stored reviews. */
  review: ReviewTestApi
  /** Data exchange between laptops and backups; see CONTRACT.md 数据交换. */
  exchange: ExchangeTestApi
  /** The rubric library: templates, versions, what campaigns may pin. */
  rubrics: RubricTestApi
  /** Campaigns (评查活动): read their state and verify their audit log; see CONTRACT.md 评查活动. */
  campaigns: CampaignTestApi
  /** Reports, documents and rectification tracking; see CONTRACT.md 报告与整改. */
  reports: ReportsTestApi
  /** The open viewer; every method below throws if no case file is open. Page numbers are 1-based. */
  viewer: {
    pageCount(): number
    currentPage(): number
    goToPage(pageNumber: number): void
    setZoom(mode: ZoomMode): void
    scale(): number
    selectPages(pageNumbers: number[]): void
    selectedPages(): number[]
    /** The reviewer's rotation of a page (0/90/180/270), on top of the file's own. */
    rotation(pageNumber: number): number
    flags(pageNumber: number): PageFlags
    /** Canvases currently in the document (pages and thumbnails); bounded by a constant. */
    liveCanvasCount(): number
    documents(): Promise<{ id: string; typeId: string; typeName: string; firstPage: number; lastPage: number }[]>
    marks(): Promise<{ id: string; page: number; rect: { x: number; y: number; width: number; height: number }; note: string }[]>
  }
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

/**
 * Resolves the moment the page is marked drawn, not at the next poll: flip timings in bench:viewer
 * go through this, and a 50 ms poll would add up to 50 ms to each.
 */
function untilRendered(renders: AppServices['renders'], pageNumber: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (renders.isRendered(pageNumber)) return resolve()
    const stop = () => {
      clearTimeout(timer)
      unsubscribe()
    }
    const unsubscribe = renders.subscribe(() => {
      if (!renders.isRendered(pageNumber)) return
      stop()
      resolve()
    })
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`timed out after ${timeoutMs} ms waiting for page ${pageNumber} to render`))
    }, timeoutMs)
  })
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
    waitForPageRendered: (pageNumber, timeoutMs = 30_000) => untilRendered(services.renders, pageNumber, timeoutMs),
    goToLibrary: () => services.navigate({ page: 'library' }),
    viewer: createViewerApi(services),
    campaigns: createCampaignTestApi(services),
    rubrics: createRubricTestApi(services),
    review: createReviewTestApi(services),
    exchange: createExchangeTestApi(services),
    reports: createReportsTestApi(services),
  }
}

export function isTestMode(location: Location): boolean {
  return new URLSearchParams(location.search).get('e2e') === '1'
}

function createViewerApi(services: AppServices): CaseReviewTestApi['viewer'] {
  const v = (): ViewerHandle => {
    const h = services.viewer.current
    if (!h) throw new Error('no case file is open')
    return h
  }
  return {
    pageCount: () => v().pageCount(),
    currentPage: () => v().currentPage(),
    goToPage: (n) => v().goToPage(n),
    setZoom: (m) => v().setZoom(m),
    scale: () => v().scale(),
    selectPages: (pages) => v().selectPages(pages),
    selectedPages: () => v().selectedPages(),
    rotation: (n) => v().rotation(n),
    flags: (n) => v().flags(n),
    liveCanvasCount: () => v().liveCanvasCount(),
    documents: async () => (await documentsOf(services.db, v().caseId)).map((d) => ({ id: d.id, typeId: d.typeId, typeName: d.typeName, firstPage: d.firstPage + 1, lastPage: d.lastPage + 1 })),
    marks: async () => (await marksOf(services.db, v().caseId)).map((m) => ({ id: m.id, page: m.pageIndex + 1, rect: m.rect, note: m.note })),
  }
}
