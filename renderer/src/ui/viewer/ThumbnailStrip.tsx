import { memo, useEffect, useRef, useState } from 'react'
import type { PageInfo, PageSource, Rotation } from '../../pages/PageSource'
import { displaySize } from '../../pages/pageGeometry'
import type { PageStateRecord } from '../../store/records'
import type { RenderScheduler } from '../../viewer/renderScheduler'
import { flagLabels } from './ViewerToolbar'

const ITEM_HEIGHT = 178
const BOX = { width: 120, height: 140 }
const OVERSCAN = 2

interface Props {
  source: PageSource
  scheduler: RenderScheduler
  infos: PageInfo[]
  rotationOf(i: number): Rotation
  stateByPage: Map<number, PageStateRecord>
  current: number
  selection: Set<number>
  onSelect(s: Set<number>): void
  onGoTo(page: number): void
  onVisibleRange(from: number, to: number): void
}

/** A virtualised strip: only thumbnails near its own viewport exist, so a 1,000-page file costs a dozen canvases. */
export function ThumbnailStrip(p: Props) {
  const strip = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 600 })
  const anchorForShift = useRef<number | null>(null)
  const count = p.infos.length

  useEffect(() => {
    const el = strip.current!
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Follow the main view: bring the current page's thumbnail into sight when it leaves the strip.
  useEffect(() => {
    const el = strip.current!
    const top = p.current * ITEM_HEIGHT
    if (top < el.scrollTop || top + ITEM_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top - el.clientHeight / 2 + ITEM_HEIGHT / 2
  }, [p.current])

  const first = Math.max(0, Math.floor(view.top / ITEM_HEIGHT) - OVERSCAN)
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / ITEM_HEIGHT) + OVERSCAN)
  const centre = Math.floor((view.top + view.height / 2) / ITEM_HEIGHT)
  const { onVisibleRange } = p
  useEffect(() => onVisibleRange(first, last), [onVisibleRange, first, last])

  const click = (i: number, e: React.MouseEvent) => {
    if (e.shiftKey && anchorForShift.current !== null) {
      const [a, b] = [Math.min(anchorForShift.current, i), Math.max(anchorForShift.current, i)]
      const next = new Set(e.ctrlKey || e.metaKey ? p.selection : [])
      for (let k = a; k <= b; k++) next.add(k)
      p.onSelect(next)
      return
    }
    anchorForShift.current = i
    if (e.ctrlKey || e.metaKey) {
      const next = new Set(p.selection)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      p.onSelect(next)
      return
    }
    p.onSelect(new Set([i]))
    p.onGoTo(i + 1)
  }

  const items = []
  for (let i = first; i <= last; i++) {
    items.push(
      <Thumbnail
        key={i}
        pageIndex={i}
        top={i * ITEM_HEIGHT}
        info={p.infos[i]!}
        rotation={p.rotationOf(i)}
        source={p.source}
        scheduler={p.scheduler}
        priority={100 + Math.abs(i - centre)}
        current={i === p.current}
        selected={p.selection.has(i)}
        flags={p.stateByPage.get(i)?.flags ?? {}}
        onClick={click}
      />,
    )
  }
  return (
    <div className="thumb-strip" ref={strip} onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} data-testid="thumb-strip" aria-label="缩略图">
      <div style={{ height: count * ITEM_HEIGHT, position: 'relative' }}>{items}</div>
    </div>
  )
}

const Thumbnail = memo(function Thumbnail(t: {
  pageIndex: number
  top: number
  info: PageInfo
  rotation: Rotation
  source: PageSource
  scheduler: RenderScheduler
  priority: number
  current: boolean
  selected: boolean
  flags: PageStateRecord['flags']
  onClick(i: number, e: React.MouseEvent): void
}) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [failed, setFailed] = useState(false)
  const unit = displaySize(t.info, t.rotation, 1)
  const scale = Math.min(BOX.width / unit.width, BOX.height / unit.height)
  const { pageIndex, source, scheduler, rotation } = t
  useEffect(() => {
    const el = canvas.current!
    const key = `thumb:${pageIndex}`
    let alive = true
    scheduler
      .request({ key, priority: t.priority, run: (signal) => source.render(pageIndex, el, { scale, rotation, pixelRatio: 1, signal }) })
      .catch((e: unknown) => alive && (e as { name?: string })?.name !== 'AbortError' && setFailed(true))
    return () => {
      alive = false
      scheduler.cancel(key)
    }
    // Priority is updated separately so scrolling the strip does not restart renders.
  }, [pageIndex, source, scheduler, scale, rotation])
  useEffect(() => scheduler.setPriority(`thumb:${pageIndex}`, t.priority), [scheduler, pageIndex, t.priority])
  useEffect(
    () => () => {
      const el = canvas.current
      if (el) el.width = el.height = 0
    },
    [],
  )
  const flagNames = (Object.keys(t.flags) as (keyof typeof flagLabels)[]).filter((f) => t.flags[f]).map((f) => flagLabels[f])
  return (
    <button
      className={`thumb${t.current ? ' current' : ''}${t.selected ? ' selected' : ''}`}
      style={{ top: t.top }}
      data-testid="thumb"
      data-page={pageIndex + 1}
      aria-pressed={t.selected}
      aria-label={`第 ${pageIndex + 1} 页`}
      onClick={(e) => t.onClick(pageIndex, e)}
    >
      <span className="thumb-box">
        <canvas ref={canvas} style={{ width: unit.width * scale, height: unit.height * scale }} />
        {failed && <span className="thumb-failed">无法显示</span>}
      </span>
      <span className="thumb-label">
        {pageIndex + 1}
        {flagNames.length > 0 && <span className="thumb-flags" data-testid="thumb-flags">{flagNames.join('·')}</span>}
      </span>
    </button>
  )
})
