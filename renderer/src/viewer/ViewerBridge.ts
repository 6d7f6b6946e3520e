import type { PageFlags } from '../store/records'

export type ZoomMode = 'fit-width' | 'fit-page' | number

/** What the open viewer offers to code outside React (keyboard shortcuts, the automation API). */
export interface ViewerHandle {
  caseId: string
  pageCount(): number
  /** 1-based. */
  currentPage(): number
  goToPage(pageNumber: number): void
  setZoom(mode: ZoomMode): void
  scale(): number
  selectedPages(): number[]
  selectPages(pageNumbers: number[]): void
  rotation(pageNumber: number): number
  flags(pageNumber: number): PageFlags
  liveCanvasCount(): number
  scrollTop(): number
}

/** Holds the handle of the viewer that is open now, if any. */
export class ViewerBridge {
  current: ViewerHandle | null = null
}
