// Charts as plain inline SVG: no chart library, numbers straight from the report model.

export const CHART_COLOURS = ['#2e75b6', '#70ad47', '#ed7d31', '#a5a5a5', '#5b9bd5', '#ffc000']

export interface Bar {
  label: string
  value: number
  /** Text shown at the end of the bar (the model's own formatted number). */
  valueText: string
  colour?: string
  title?: string
}

/** Horizontal bars, one per row, labels on the left: fits long agency and item names. */
export function HBarChart(p: { bars: Bar[]; max: number; testId: string; labelWidth?: number; valueWidth?: number; width?: number; unit?: string; marker?: { value: number; label: string } }) {
  const labelW = p.labelWidth ?? 180
  const width = p.width ?? 640
  const row = 26
  const top = 8
  const plot = width - labelW - (p.valueWidth ?? 70)
  const height = top * 2 + p.bars.length * row + (p.marker ? 18 : 0)
  const x = (v: number) => labelW + (p.max > 0 ? (Math.max(0, v) / p.max) * plot : 0)
  return (
    <svg className="rp-chart" data-testid={p.testId} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img">
      <line x1={labelW} x2={labelW} y1={top} y2={top + p.bars.length * row} stroke="#666" />
      {p.bars.map((b, i) => {
        const y = top + i * row
        return (
          <g key={i} data-testid={`${p.testId}-bar`} data-value={b.value}>
            <title>{b.title ?? `${b.label}：${b.valueText}`}</title>
            <text x={labelW - 6} y={y + row / 2 + 4} textAnchor="end" fontSize="12">
              {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
            </text>
            <rect x={labelW} y={y + 4} width={Math.max(1, x(b.value) - labelW)} height={row - 8} fill={b.colour ?? CHART_COLOURS[0]} />
            <text x={x(b.value) + 4} y={y + row / 2 + 4} fontSize="12" fill="#333">
              {b.valueText}
              {p.unit ?? ''}
            </text>
          </g>
        )
      })}
      {p.marker && (
        <g>
          <line x1={x(p.marker.value)} x2={x(p.marker.value)} y1={top} y2={top + p.bars.length * row} stroke="#c00" strokeDasharray="4 3" />
          <text x={x(p.marker.value)} y={height - 4} textAnchor="middle" fontSize="11" fill="#c00">
            {p.marker.label}
          </text>
        </g>
      )}
    </svg>
  )
}

/** Vertical columns, for a handful of categories (grades). */
export function ColumnChart(p: { bars: Bar[]; testId: string; width?: number; height?: number }) {
  const width = p.width ?? 420
  const height = p.height ?? 220
  const bottom = 36
  const top = 22
  const plotH = height - bottom - top
  const max = Math.max(1, ...p.bars.map((b) => b.value))
  const slot = (width - 40) / Math.max(1, p.bars.length)
  return (
    <svg className="rp-chart" data-testid={p.testId} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img">
      <line x1={30} x2={width - 10} y1={height - bottom} y2={height - bottom} stroke="#666" />
      {p.bars.map((b, i) => {
        const h = (b.value / max) * plotH
        const cx = 30 + slot * i + slot / 2
        const w = Math.min(56, slot * 0.6)
        return (
          <g key={i} data-testid={`${p.testId}-bar`} data-value={b.value}>
            <title>{b.title ?? `${b.label}：${b.valueText}`}</title>
            <rect x={cx - w / 2} y={height - bottom - h} width={w} height={Math.max(h, 0.5)} fill={b.colour ?? CHART_COLOURS[i % CHART_COLOURS.length]} />
            <text x={cx} y={height - bottom - h - 6} textAnchor="middle" fontSize="12">
              {b.valueText}
            </text>
            <text x={cx} y={height - bottom + 16} textAnchor="middle" fontSize="12">
              {b.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Bars either side of zero: reviewer leniency against the panel mean. */
export function DivergingChart(p: { bars: Bar[]; testId: string; width?: number; leftLabel: string; rightLabel: string }) {
  const width = p.width ?? 640
  const labelW = 140
  const row = 26
  const top = 22
  const plot = width - labelW - 20
  const mid = labelW + plot / 2
  const max = Math.max(0.01, ...p.bars.map((b) => Math.abs(b.value)))
  const height = top + p.bars.length * row + 8
  return (
    <svg className="rp-chart" data-testid={p.testId} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img">
      <text x={mid - 6} y={14} textAnchor="end" fontSize="11" fill="#666">
        ← {p.leftLabel}
      </text>
      <text x={mid + 6} y={14} fontSize="11" fill="#666">
        {p.rightLabel} →
      </text>
      <line x1={mid} x2={mid} y1={top - 4} y2={height - 4} stroke="#666" />
      {p.bars.map((b, i) => {
        const y = top + i * row
        const w = (Math.abs(b.value) / max) * (plot / 2 - 50)
        const left = b.value < 0
        return (
          <g key={i} data-testid={`${p.testId}-bar`} data-value={b.value}>
            <title>{b.title ?? `${b.label}：${b.valueText}`}</title>
            <text x={labelW - 6} y={y + row / 2 + 4} textAnchor="end" fontSize="12">
              {b.label}
            </text>
            <rect x={left ? mid - w : mid} y={y + 4} width={Math.max(1, w)} height={row - 8} fill={left ? CHART_COLOURS[1] : CHART_COLOURS[2]} />
            <text x={left ? mid - w - 4 : mid + w + 4} y={y + row / 2 + 4} textAnchor={left ? 'end' : 'start'} fontSize="12">
              {b.valueText}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
