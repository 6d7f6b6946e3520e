import { memo, useEffect, useRef, useState } from 'react'
import type { PageInfo, PageSource, Rotation } from '../../pages/PageSource'
import { PageRenderError } from '../../pages/PageSource'
import { pageRectToView, viewRectToPage, type Rect } from '../../pages/pageGeometry'
import type { MarkRecord } from '../../store/records'
import type { RenderScheduler } from '../../viewer/renderScheduler'

export interface PageViewProps {
  pageIndex: number
  info: PageInfo
  rotation: Rotation
  scale: number
  top: number
  width: number
  height: number
  source: PageSource
  scheduler: RenderScheduler
  priority: number
  marks: MarkRecord[]
  activeMarkId: string | null
  markMode: boolean
  onRendered(pageIndex: number): void
  onEvicted(pageIndex: number): void
  onMarkDrawn(pageIndex: number, rect: Rect): void
  onMarkClick(mark: MarkRecord): void
}

type DrawState = { status: 'idle' } | { status: 'rendered' } | { status: 'failed'; message: string }

/** One page slot: its canvas is alive only while the slot is mounted near the viewport. */
export const PageView = memo(function PageView(p: PageViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [state, setState] = useState<DrawState>({ status: 'idle' })
  const { pageIndex, source, scheduler, scale, rotation, priority, onRendered, onEvicted } = p

  useEffect(() => {
    const el = canvas.current
    if (!el) return
    const key = `page:${pageIndex}`
    let alive = true
    scheduler
      .request({
        key,
        priority,
        run: (signal) => source.render(pageIndex, el, { scale, rotation, pixelRatio: window.devicePixelRatio || 1, signal }),
      })
      .then(() => {
        if (!alive) return
        setState({ status: 'rendered' })
        onRendered(pageIndex)
      })
      .catch((e: unknown) => {
        if (!alive || (e as { name?: string })?.name === 'AbortError') return
        const reason = e instanceof PageRenderError ? e.reason : 'damaged'
        setState({ status: 'failed', message: reason === 'timeout' ? '此页内容过于复杂或已损坏，无法在 10 秒内显示' : '此页已损坏，无法显示' })
        onRendered(pageIndex)
      })
    return () => {
      alive = false
      scheduler.cancel(key)
    }
    // Priority changes alone should not restart a render; see the effect below.
  }, [pageIndex, source, scheduler, scale, rotation])

  useEffect(() => scheduler.setPriority(`page:${pageIndex}`, priority), [scheduler, pageIndex, priority])

  useEffect(
    () => () => {
      // Free the backing store now rather than when GC gets to it: that is what keeps memory flat on long files.
      const el = canvas.current
      if (el) el.width = el.height = 0
      onEvicted(pageIndex)
    },
    [pageIndex, onEvicted],
  )

  return (
    <div className="page-slot" style={{ top: p.top, width: p.width, height: p.height }} data-testid="page-slot" data-page={pageIndex + 1}>
      <canvas ref={canvas} className="page-canvas" data-testid="page-canvas" data-page={pageIndex + 1} data-rendered={state.status !== 'idle' ? 'true' : undefined} style={{ width: p.width, height: p.height }} />
      {state.status === 'failed' && (
        <div className="page-failed" data-testid="page-error" role="alert">
          第 {pageIndex + 1} 页：{state.message}
        </div>
      )}
      <MarkLayer {...p} />
      <span className="page-number-badge">{pageIndex + 1}</span>
    </div>
  )
})

function MarkLayer(p: PageViewProps) {
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null)
  const layer = useRef<HTMLDivElement>(null)
  const local = (e: React.PointerEvent) => {
    const r = layer.current!.getBoundingClientRect()
    return { x: Math.min(Math.max(e.clientX - r.left, 0), r.width), y: Math.min(Math.max(e.clientY - r.top, 0), r.height) }
  }
  return (
    <div
      ref={layer}
      className={`mark-layer${p.markMode ? ' drawing' : ''}`}
      data-testid="mark-layer"
      data-page={p.pageIndex + 1}
      onPointerDown={(e) => {
        if (!p.markMode || e.button !== 0) return
        e.currentTarget.setPointerCapture(e.pointerId)
        const { x, y } = local(e)
        setDrag({ x0: x, y0: y, x1: x, y1: y })
      }}
      onPointerMove={(e) => {
        if (!drag) return
        const { x, y } = local(e)
        setDrag({ ...drag, x1: x, y1: y })
      }}
      onPointerUp={() => {
        if (!drag) return
        const rect = { x: Math.min(drag.x0, drag.x1), y: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) }
        setDrag(null)
        // A click without a drag is not a mark.
        if (rect.width < 4 || rect.height < 4) return
        p.onMarkDrawn(p.pageIndex, viewRectToPage(p.info, p.rotation, p.scale, rect))
      }}
    >
      {p.marks.map((m) => {
        const r = pageRectToView(p.info, p.rotation, p.scale, m.rect)
        return (
          <button
            key={m.id}
            className={`mark${m.id === p.activeMarkId ? ' active' : ''}`}
            style={{ left: r.x, top: r.y, width: r.width, height: r.height }}
            title={m.note || '标记'}
            data-testid="mark"
            data-mark-id={m.id}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => p.onMarkClick(m)}
          />
        )
      })}
      {drag && <div className="mark drafting" style={{ left: Math.min(drag.x0, drag.x1), top: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) }} />}
    </div>
  )
}
