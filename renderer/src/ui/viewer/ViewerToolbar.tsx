import { useEffect, useState } from 'react'
import type { CaseFileRecord, PageFlags } from '../../store/records'
import type { ZoomMode } from '../../viewer/ViewerBridge'
import { zoomIn, zoomOut, zoomPercent } from '../../viewer/zoom'

export const flagLabels: Record<keyof PageFlags, string> = {
  blank: '空白页',
  duplicate: '重复页',
  unreadable: '无法辨认',
  missingAfter: '此后缺页',
}

export function ViewerToolbar(p: {
  caseFile: CaseFileRecord
  pageCount: number
  currentPage: number
  scale: number
  zoom: ZoomMode
  markMode: boolean
  flags: PageFlags
  targetCount: number
  onGoTo(page: number): void
  onZoom(mode: ZoomMode): void
  onRotate(delta: number): void
  onToggleMarkMode(): void
  onToggleFlag(flag: keyof PageFlags): void
}) {
  const [pageText, setPageText] = useState(String(p.currentPage))
  useEffect(() => setPageText(String(p.currentPage)), [p.currentPage])
  const scope = p.targetCount > 1 ? `所选 ${p.targetCount} 页` : '当前页'
  return (
    <div className="viewer-tools" role="toolbar" aria-label="阅卷工具">
      <form
        className="page-nav"
        onSubmit={(e) => {
          e.preventDefault()
          const n = Number(pageText)
          if (Number.isInteger(n) && n >= 1 && n <= p.pageCount) p.onGoTo(n)
          else setPageText(String(p.currentPage))
        }}
      >
        <button type="button" title="上一页（PgUp / K）" onClick={() => p.onGoTo(p.currentPage - 1)} disabled={p.currentPage <= 1}>
          ‹
        </button>
        第
        <input id="page-number-input" data-testid="page-number-input" className="page-input" value={pageText} onChange={(e) => setPageText(e.target.value)} aria-label="页码" inputMode="numeric" />
        <span data-testid="page-indicator" data-current={p.currentPage} data-count={p.pageCount}>
          / {p.pageCount} 页
        </span>
        <button type="button" title="下一页（PgDn / J）" onClick={() => p.onGoTo(p.currentPage + 1)} disabled={p.currentPage >= p.pageCount}>
          ›
        </button>
      </form>
      <div className="group">
        <button title="缩小（−）" data-testid="zoom-out" onClick={() => p.onZoom(zoomOut(p.scale))}>
          −
        </button>
        <span className="zoom-value" data-testid="zoom-value">
          {zoomPercent(p.scale)}
        </span>
        <button title="放大（+）" data-testid="zoom-in" onClick={() => p.onZoom(zoomIn(p.scale))}>
          +
        </button>
        <button aria-pressed={p.zoom === 'fit-width'} data-testid="fit-width" onClick={() => p.onZoom('fit-width')}>
          适合宽度
        </button>
        <button aria-pressed={p.zoom === 'fit-page'} data-testid="fit-page" onClick={() => p.onZoom('fit-page')}>
          适合页面
        </button>
      </div>
      <div className="group">
        <button title={`${scope}逆时针旋转（Shift+R）`} data-testid="rotate-ccw" onClick={() => p.onRotate(270)}>
          ⟲
        </button>
        <button title={`${scope}顺时针旋转（R）`} data-testid="rotate-cw" onClick={() => p.onRotate(90)}>
          ⟳
        </button>
      </div>
      <div className="group" aria-label="页面标记">
        {(Object.keys(flagLabels) as (keyof PageFlags)[]).map((f) => (
          <button key={f} aria-pressed={!!p.flags[f]} data-testid={`flag-${f}`} title={`把${scope}标为${flagLabels[f]}`} onClick={() => p.onToggleFlag(f)}>
            {flagLabels[f]}
          </button>
        ))}
      </div>
      <button className={p.markMode ? 'primary' : ''} aria-pressed={p.markMode} data-testid="mark-mode" title="在页面上拖出矩形作为证据标记（Esc 退出）" onClick={p.onToggleMarkMode}>
        {p.markMode ? '正在标记…' : '框选标记'}
      </button>
    </div>
  )
}
