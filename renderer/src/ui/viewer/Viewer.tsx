import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import type { PageInfo, PageSource, Rotation } from '../../pages/PageSource'
import { displaySize, totalRotation, type Rect } from '../../pages/pageGeometry'
import type { CaseFileRecord, MarkRecord, PageFlags, PageStateRecord } from '../../store/records'
import { addMark, marksOf, pageStatesOf, rotatePages, setPageFlag } from '../../store/viewerState'
import { currentSlot, layoutSlots, PAGE_MARGIN, visibleRange } from '../../viewer/layout'
import { RenderScheduler } from '../../viewer/renderScheduler'
import type { ViewerHandle, ZoomMode } from '../../viewer/ViewerBridge'
import { resolveScale, zoomIn, zoomOut } from '../../viewer/zoom'
import { DocumentIndexPanel } from './DocumentIndexPanel'
import { GoToPageDialog } from './GoToPageDialog'
import { MarksPanel } from './MarksPanel'
import { PageView } from './PageView'
import { ThumbnailStrip } from './ThumbnailStrip'
import { ViewerToolbar } from './ViewerToolbar'

/** Pages kept alive beyond the visible ones: one behind, two ahead in reading order, so the next flip finds its page drawn. */
const BEHIND = 1
const AHEAD = 2

export interface ViewerProps {
  caseFile: CaseFileRecord
  source: PageSource
  firstInfo: PageInfo
  /** Shown to the right of the pages (the score sheet on the scoring screen). */
  rightPanel?: ReactNode
  /** Told about every click on a region mark, e.g. to cite it as evidence. */
  onMarkClick?(mark: MarkRecord): void
  /** A mark to highlight and scroll to, chosen outside the viewer (clicking cited evidence). */
  focusMark?: { id: string; pageIndex: number; nonce: number } | null
}

/** The case-file viewer: continuous scroll, only pages near the viewport alive, one render at a time. */
export function Viewer({ caseFile, source, firstInfo, rightPanel, onMarkClick: onMarkClickOutside, focusMark }: ViewerProps) {
  const { db, renders, viewer: bridge } = useServices()
  const caseId = caseFile.id
  const pageCount = source.pageCount
  // One render at a time: with two 300 dpi decodes at once on a two-core laptop, the page being waited for arrives later.
  const scheduler = useMemo(() => new RenderScheduler(1), [])

  // Sizes of pages not yet seen are assumed equal to page 1 until they come into view (as pdf.js does).
  const [infos, setInfos] = useState<PageInfo[]>(() => Array.from({ length: pageCount }, () => firstInfo))
  const confirmed = useRef(new Uint8Array(pageCount))
  const pageStates = useLiveQuery(() => pageStatesOf(db, caseId), [db, caseId])
  const marks = useLiveQuery(() => marksOf(db, caseId), [db, caseId]) ?? []
  const stateByPage = useMemo(() => new Map((pageStates ?? []).map((s) => [s.pageIndex, s] as [number, PageStateRecord])), [pageStates])
  const marksByPage = useMemo(() => {
    const m = new Map<number, MarkRecord[]>()
    for (const mark of marks) m.set(mark.pageIndex, [...(m.get(mark.pageIndex) ?? []), mark])
    return m
  }, [marks])

  const rotationOf = useCallback((i: number): Rotation => totalRotation(infos[i]!, stateByPage.get(i)?.rotation ?? 0), [infos, stateByPage])

  const scroller = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ top: 0, width: 800, height: 600 })
  const [zoom, setZoom] = useState<ZoomMode>('fit-width')
  const [selection, setSelection] = useState<Set<number>>(new Set())
  const [markMode, setMarkMode] = useState(false)
  const [activeMarkId, setActiveMarkId] = useState<string | null>(null)
  const [tab, setTab] = useState<'thumbs' | 'index' | 'marks'>('thumbs')
  const [goToOpen, setGoToOpen] = useState(false)

  const unitSizes = useMemo(() => infos.map((info, i) => displaySize(info, rotationOf(i), 1)), [infos, rotationOf])
  const widest = useMemo(() => unitSizes.reduce((m, s, i) => (confirmed.current[i] === 1 || i === 0 ? Math.max(m, s.width) : m), 0), [unitSizes])
  const anchor = useRef({ page: 0, fraction: 0 })
  const scale = resolveScale(zoom, viewport, widest, unitSizes[anchor.current.page] ?? unitSizes[0]!, PAGE_MARGIN)
  const layout = useMemo(() => layoutSlots(unitSizes.map((s) => ({ width: s.width * scale, height: s.height * scale }))), [unitSizes, scale])

  const { first, last } = visibleRange(layout, viewport.top, viewport.height)
  const current = currentSlot(layout, viewport.top, viewport.height)
  const mountFrom = Math.max(0, first - BEHIND)
  const mountTo = Math.min(pageCount - 1, last + AHEAD)

  // Keep the reviewer's place when zoom, rotation or a newly measured page size moves the layout.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const { page, fraction } = anchor.current
    const target = layout.tops[page]! - PAGE_MARGIN + fraction * (layout.heights[page]! + 12)
    if (Math.abs(el.scrollTop - target) > 1) el.scrollTop = target
    setViewport((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop }))
  }, [layout])

  const onScroll = useCallback(() => {
    const el = scroller.current!
    const top = el.scrollTop
    const page = currentSlot(layout, top, el.clientHeight)
    anchor.current = { page, fraction: (top + PAGE_MARGIN - layout.tops[page]!) / (layout.heights[page]! + 12) }
    setViewport((v) => ({ ...v, top }))
  }, [layout])

  useEffect(() => {
    const el = scroller.current!
    const measure = () => setViewport((v) => ({ ...v, width: el.clientWidth, height: el.clientHeight }))
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Learn the real size of pages as they come near the viewport or the thumbnail strip's view.
  const infosRef = useRef(infos)
  infosRef.current = infos
  const ensureInfos = useCallback(
    (from: number, to: number) => {
      const wanted: number[] = []
      for (let i = Math.max(0, from); i <= Math.min(pageCount - 1, to); i++) if (!confirmed.current[i]) wanted.push(i)
      if (wanted.length === 0) return
      for (const i of wanted) confirmed.current[i] = 2 // requested
      void Promise.all(wanted.map((i) => source.getPageInfo(i).then((info) => [i, info] as const, () => null))).then((results) => {
        const updates = results.filter((r): r is readonly [number, PageInfo] => r !== null)
        for (const [i] of updates) confirmed.current[i] = 1
        const changed = updates.filter(([i, info]) => {
          const old = infosRef.current[i]!
          return old.width !== info.width || old.height !== info.height || old.intrinsicRotation !== info.intrinsicRotation
        })
        if (changed.length)
          setInfos((prev) => {
            const next = prev.slice()
            for (const [i, info] of changed) next[i] = info
            return next
          })
      })
    },
    [source, pageCount],
  )
  useEffect(() => ensureInfos(mountFrom, mountTo), [ensureInfos, mountFrom, mountTo])

  const goToPage = useCallback(
    (pageNumber: number) => {
      const el = scroller.current
      if (!el) return
      const i = Math.min(Math.max(Math.round(pageNumber) - 1, 0), pageCount - 1)
      anchor.current = { page: i, fraction: 0 }
      el.scrollTop = layout.tops[i]! - PAGE_MARGIN
      setViewport((v) => ({ ...v, top: el.scrollTop }))
    },
    [layout, pageCount],
  )

  const targets = useCallback(() => (selection.size > 1 ? [...selection].sort((a, b) => a - b) : [current]), [selection, current])
  const rotate = useCallback((delta: number) => void rotatePages(db, caseId, targets(), delta), [db, caseId, targets])
  const toggleFlag = useCallback(
    (flag: keyof PageFlags) => {
      const pages = targets()
      const on = !pages.every((i) => stateByPage.get(i)?.flags[flag])
      void setPageFlag(db, caseId, pages, flag, on)
    },
    [db, caseId, targets, stateByPage],
  )

  const onRendered = useCallback((i: number) => renders.markRendered(caseId, i + 1), [renders, caseId])
  const onEvicted = useCallback((i: number) => renders.markEvicted(caseId, i + 1), [renders, caseId])
  const onMarkDrawn = useCallback(
    (pageIndex: number, rect: Rect) =>
      void addMark(db, { caseId, pageIndex, rect, note: '' }).then((m) => {
        setActiveMarkId(m.id)
        setTab('marks')
      }),
    [db, caseId],
  )
  const onMarkClick = useCallback(
    (m: MarkRecord) => {
      setActiveMarkId(m.id)
      if (onMarkClickOutside) onMarkClickOutside(m)
      else setTab('marks')
    },
    [onMarkClickOutside],
  )
  const jumpToMark = useCallback(
    (m: MarkRecord) => {
      setActiveMarkId(m.id)
      goToPage(m.pageIndex + 1)
    },
    [goToPage],
  )

  useEffect(() => {
    if (!focusMark) return
    setActiveMarkId(focusMark.id)
    goToPage(focusMark.pageIndex + 1)
    // Only a new request (nonce) moves the view; later layout changes must not.
  }, [focusMark?.nonce])

  // Keyboard: the shortcuts reviewers know from PDF readers, plus R for rotation.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return
      if (goToOpen) return
      const key = e.key
      if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'g') {
        e.preventDefault()
        setGoToOpen(true)
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const handled = (() => {
        switch (key) {
          case 'PageDown':
          case 'j':
          case 'J':
            goToPage(current + 2)
            return true
          case 'PageUp':
          case 'k':
          case 'K':
            goToPage(current)
            return true
          case 'Home':
            goToPage(1)
            return true
          case 'End':
            goToPage(pageCount)
            return true
          case '+':
          case '=':
            setZoom(zoomIn(scale))
            return true
          case '-':
          case '_':
            setZoom(zoomOut(scale))
            return true
          case 'r':
            rotate(90)
            return true
          case 'R':
            rotate(e.shiftKey ? 270 : 90)
            return true
          case 'Escape':
            setMarkMode(false)
            return true
          default:
            return false
        }
      })()
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [current, pageCount, goToPage, rotate, scale, goToOpen])

  // The handle outside code uses; refs keep it pointing at the latest state without re-registering.
  const latest = useRef({ current, scale, selection, stateByPage, goToPage, infos })
  latest.current = { current, scale, selection, stateByPage, goToPage, infos }
  useEffect(() => {
    const handle: ViewerHandle = {
      caseId,
      pageCount: () => pageCount,
      currentPage: () => latest.current.current + 1,
      goToPage: (n) => latest.current.goToPage(n),
      setZoom: (mode) => setZoom(mode),
      scale: () => latest.current.scale,
      selectedPages: () => [...latest.current.selection].sort((a, b) => a - b).map((i) => i + 1),
      selectPages: (pages) => setSelection(new Set(pages.map((n) => n - 1))),
      rotation: (n) => latest.current.stateByPage.get(n - 1)?.rotation ?? 0,
      flags: (n) => ({ ...(latest.current.stateByPage.get(n - 1)?.flags ?? {}) }),
      liveCanvasCount: () => document.querySelectorAll('canvas').length,
      scrollTop: () => scroller.current?.scrollTop ?? 0,
    }
    bridge.current = handle
    return () => {
      if (bridge.current === handle) bridge.current = null
    }
  }, [bridge, caseId, pageCount])

  const slots = []
  for (let i = mountFrom; i <= mountTo; i++) {
    const visible = i >= first && i <= last
    slots.push(
      <PageView
        key={i}
        pageIndex={i}
        info={infos[i]!}
        rotation={rotationOf(i)}
        scale={scale}
        top={layout.tops[i]!}
        width={layout.widths[i]!}
        height={layout.heights[i]!}
        source={source}
        scheduler={scheduler}
        priority={visible ? Math.abs(i - current) : i > last ? 10 + (i - last) : 20 + (first - i)}
        marks={marksByPage.get(i) ?? []}
        activeMarkId={activeMarkId}
        markMode={markMode}
        onRendered={onRendered}
        onEvicted={onEvicted}
        onMarkDrawn={onMarkDrawn}
        onMarkClick={onMarkClick}
      />,
    )
  }

  return (
    <div className="viewer-body">
      <ViewerToolbar
        caseFile={caseFile}
        pageCount={pageCount}
        currentPage={current + 1}
        scale={scale}
        zoom={zoom}
        markMode={markMode}
        flags={stateByPage.get(current)?.flags ?? {}}
        targetCount={targets().length}
        onGoTo={goToPage}
        onZoom={setZoom}
        onRotate={rotate}
        onToggleMarkMode={() => setMarkMode((m) => !m)}
        onToggleFlag={toggleFlag}
      />
      <div className="viewer-main">
        <aside className="viewer-sidebar">
          <nav className="tabs" role="tablist">
            <button role="tab" aria-selected={tab === 'thumbs'} data-testid="tab-thumbs" onClick={() => setTab('thumbs')}>
              缩略图
            </button>
            <button role="tab" aria-selected={tab === 'index'} data-testid="tab-index" onClick={() => setTab('index')}>
              卷内目录
            </button>
            <button role="tab" aria-selected={tab === 'marks'} data-testid="tab-marks" onClick={() => setTab('marks')}>
              标记 {marks.length > 0 && <span className="count">{marks.length}</span>}
            </button>
          </nav>
          {tab === 'thumbs' && (
            <ThumbnailStrip
              source={source}
              scheduler={scheduler}
              infos={infos}
              rotationOf={rotationOf}
              stateByPage={stateByPage}
              current={current}
              selection={selection}
              onSelect={setSelection}
              onGoTo={goToPage}
              onVisibleRange={ensureInfos}
            />
          )}
          {tab === 'index' && <DocumentIndexPanel caseId={caseId} pageCount={pageCount} current={current} selection={selection} stateByPage={stateByPage} onGoTo={goToPage} />}
          {tab === 'marks' && <MarksPanel marks={marks} activeMarkId={activeMarkId} onJump={jumpToMark} />}
        </aside>
        <div className={`page-scroller${markMode ? ' mark-mode' : ''}`} ref={scroller} onScroll={onScroll} data-testid="page-scroller" tabIndex={0}>
          <div className="page-content" style={{ height: layout.totalHeight, minWidth: layout.maxWidth + 2 * PAGE_MARGIN }}>
            {slots}
          </div>
        </div>
        {rightPanel && <aside className="viewer-right">{rightPanel}</aside>}
      </div>
      {goToOpen && (
        <GoToPageDialog
          pageCount={pageCount}
          onClose={(n) => {
            setGoToOpen(false)
            if (n !== null) goToPage(n)
          }}
        />
      )}
    </div>
  )
}
