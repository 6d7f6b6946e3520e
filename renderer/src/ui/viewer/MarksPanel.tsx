import { useServices } from '../../app/AppServices'
import type { MarkRecord } from '../../store/records'
import { deleteMark, updateMarkNote } from '../../store/viewerState'

export function MarksPanel({ marks, activeMarkId, onJump }: { marks: MarkRecord[]; activeMarkId: string | null; onJump(m: MarkRecord): void }) {
  const { db } = useServices()
  if (marks.length === 0) return <p className="panel-empty">还没有标记。点击工具栏「框选标记」，在页面上拖出矩形。</p>
  return (
    <ul className="mark-list" data-testid="mark-list">
      {marks.map((m, i) => (
        <li key={m.id} className={m.id === activeMarkId ? 'active' : ''} data-testid="mark-item" data-mark-id={m.id} data-page={m.pageIndex + 1}>
          <button className="link" data-testid="mark-jump" onClick={() => onJump(m)}>
            标记 {i + 1} · 第 {m.pageIndex + 1} 页
          </button>
          <input
            className="mark-note"
            placeholder="说明（可选）"
            defaultValue={m.note}
            data-testid="mark-note"
            aria-label={`标记 ${i + 1} 的说明`}
            onBlur={(e) => e.target.value !== m.note && void updateMarkNote(db, m.id, e.target.value)}
          />
          <button className="link danger" title="删除标记" data-testid="mark-delete" onClick={() => void deleteMark(db, m.id)}>
            删除
          </button>
        </li>
      ))}
    </ul>
  )
}
