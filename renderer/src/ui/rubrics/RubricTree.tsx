import { useState, type DragEvent } from 'react'
import { formatCents, toCents } from '@scoring/index'
import type { NodeKey } from '../../rubrics/editorModel'
import { addItem, addSection, moveItem, moveSection, nodeId, nodePath, removeItem, removeSection } from '../../rubrics/editorModel'
import { useEditor } from './EditorContext'

type Drag = { kind: 'section'; si: number } | { kind: 'item'; si: number; ii: number }

const pts = (v: unknown): string => (typeof v === 'number' && Number.isFinite(v) ? `${formatCents(toCents(v))}分` : '')

/**
 * Sections and items in score-sheet order. Drag a row onto another to move it before that row (items may move
 * across sections); the ↑ ↓ buttons do the same from the keyboard.
 */
export function RubricTree({ selected, onSelect }: { selected: NodeKey; onSelect: (k: NodeKey) => void }) {
  const { rubric, replace, readOnly, countUnder } = useEditor()
  const [drag, setDrag] = useState<Drag | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const sel = nodeId(selected)

  const badge = (path: string) => {
    const n = countUnder(path)
    return n > 0 ? <span className="err-badge" title={`${n} 处问题`}>{n}</span> : null
  }

  const start = (d: Drag) => (e: DragEvent) => {
    if (readOnly) return
    e.dataTransfer.effectAllowed = 'move'
    e.dataTransfer.setData('text/plain', JSON.stringify(d))
    setDrag(d)
  }
  const allow = (key: string) => (e: DragEvent) => {
    if (!drag) return
    e.preventDefault()
    setOver(key)
  }
  const end = () => {
    setDrag(null)
    setOver(null)
  }
  const dropOnSection = (si: number) => (e: DragEvent) => {
    e.preventDefault()
    if (drag?.kind === 'section' && drag.si !== si) {
      replace(moveSection(rubric, drag.si, si))
      onSelect({ kind: 'section', si })
    } else if (drag?.kind === 'item') {
      // Dropped on a section header: the item goes to the end of that section.
      const to = { si, ii: rubric.sections[si]!.items.length - (drag.si === si ? 1 : 0) }
      replace(moveItem(rubric, drag, to))
      onSelect({ kind: 'item', ...to })
    }
    end()
  }
  const dropOnItem = (si: number, ii: number) => (e: DragEvent) => {
    e.preventDefault()
    if (drag?.kind === 'item' && !(drag.si === si && drag.ii === ii)) {
      replace(moveItem(rubric, drag, { si, ii }))
      onSelect({ kind: 'item', si, ii })
    }
    end()
  }

  const moveS = (si: number, to: number) => {
    replace(moveSection(rubric, si, to))
    onSelect({ kind: 'section', si: to })
  }
  const moveI = (si: number, ii: number, to: number) => {
    replace(moveItem(rubric, { si, ii }, { si, ii: to }))
    onSelect({ kind: 'item', si, ii: to })
  }

  const fixed: { key: NodeKey; label: string; extra?: string }[] = [
    { key: { kind: 'info' }, label: '基本信息、计分与等次' },
    { key: { kind: 'basic' }, label: rubric.basic?.title ?? '基本标准（否决项）', extra: rubric.basic ? `${rubric.basic.items.length}项` : '无' },
  ]
  return (
    <nav className="rubric-tree" data-testid="rubric-tree" aria-label="评查标准结构">
      <ul>
        {fixed.map(({ key, label, extra }) => (
          <li key={nodeId(key)}>
            <button className={`tree-node top${sel === nodeId(key) ? ' selected' : ''}`} data-testid="tree-node" data-node={nodeId(key)} onClick={() => onSelect(key)}>
              <span className="tree-label">{label}</span>
              {extra && <span className="tree-points">{extra}</span>}
              {key.kind === 'info'
                ? (() => {
                    const n = countUnder('$') - rubric.sections.reduce((a, _, si) => a + countUnder(`$.sections[${si}]`), 0) - countUnder('$.basic') - countUnder('$.bonus') - countUnder('$.units')
                    return n > 0 ? <span className="err-badge">{n}</span> : null
                  })()
                : badge(nodePath(key))}
            </button>
          </li>
        ))}
        {rubric.sections.map((s, si) => (
          <li key={`s-${si}-${s.id}`} className="tree-section">
            <div
              className={`tree-row${over === `s${si}` ? ' drop-target' : ''}`}
              draggable={!readOnly}
              onDragStart={start({ kind: 'section', si })}
              onDragOver={allow(`s${si}`)}
              onDragLeave={() => setOver(null)}
              onDrop={dropOnSection(si)}
              onDragEnd={end}
            >
              <button className={`tree-node section${sel === `section-${si}` ? ' selected' : ''}`} data-testid="tree-node" data-node={`section-${si}`} onClick={() => onSelect({ kind: 'section', si })}>
                {!readOnly && <span className="grip" aria-hidden>⠿</span>}
                <span className="tree-label">
                  {s.id} {s.name}
                </span>
                <span className="tree-points">{pts(s.points)}</span>
                {badge(`$.sections[${si}]`)}
              </button>
              {!readOnly && sel === `section-${si}` && (
                <span className="tree-tools">
                  <button className="icon" aria-label="上移部分" data-testid="tree-move-up" disabled={si === 0} onClick={() => moveS(si, si - 1)}>↑</button>
                  <button className="icon" aria-label="下移部分" data-testid="tree-move-down" disabled={si === rubric.sections.length - 1} onClick={() => moveS(si, si + 1)}>↓</button>
                  <button className="icon" aria-label="添加项目" title="添加项目" onClick={() => { replace(addItem(rubric, si)); onSelect({ kind: 'item', si, ii: s.items.length }) }}>＋</button>
                  <button className="icon danger" aria-label="删除部分" disabled={rubric.sections.length === 1} onClick={() => { if (confirm(`删除部分「${s.name}」及其全部项目？`)) { replace(removeSection(rubric, si)); onSelect({ kind: 'info' }) } }}>✕</button>
                </span>
              )}
            </div>
            <ul>
              {s.items.map((it, ii) => {
                const id = `item-${si}-${ii}`
                return (
                  <li key={`i-${ii}-${it.id}`}>
                    <div
                      className={`tree-row${over === id ? ' drop-target' : ''}`}
                      draggable={!readOnly}
                      onDragStart={(e) => {
                        e.stopPropagation()
                        start({ kind: 'item', si, ii })(e)
                      }}
                      onDragOver={(e) => {
                        if (drag?.kind === 'item') allow(id)(e)
                      }}
                      onDragLeave={() => setOver(null)}
                      onDrop={(e) => {
                        e.stopPropagation()
                        dropOnItem(si, ii)(e)
                      }}
                      onDragEnd={end}
                    >
                      <button className={`tree-node item${sel === id ? ' selected' : ''}`} data-testid="tree-node" data-node={id} data-item-id={it.id} onClick={() => onSelect({ kind: 'item', si, ii })}>
                        {!readOnly && <span className="grip" aria-hidden>⠿</span>}
                        <span className="tree-label">
                          <span className="tree-id">{it.id}</span> {it.name}
                        </span>
                        <span className="tree-points">{pts(it.points)}</span>
                        {badge(`$.sections[${si}].items[${ii}]`)}
                      </button>
                      {!readOnly && sel === id && (
                        <span className="tree-tools">
                          <button className="icon" aria-label="上移项目" data-testid="tree-move-up" disabled={ii === 0} onClick={() => moveI(si, ii, ii - 1)}>↑</button>
                          <button className="icon" aria-label="下移项目" data-testid="tree-move-down" disabled={ii === s.items.length - 1} onClick={() => moveI(si, ii, ii + 1)}>↓</button>
                          <button className="icon danger" aria-label="删除项目" disabled={s.items.length === 1} onClick={() => { if (confirm(`删除项目「${it.name}」？`)) { replace(removeItem(rubric, si, ii)); onSelect({ kind: 'section', si }) } }}>✕</button>
                        </span>
                      )}
                    </div>
                  </li>
                )
              })}
            </ul>
          </li>
        ))}
        {!readOnly && (
          <li>
            <button className="tree-add" onClick={() => { replace(addSection(rubric)); onSelect({ kind: 'section', si: rubric.sections.length }) }}>
              ＋ 添加部分
            </button>
          </li>
        )}
        {[
          { key: { kind: 'bonus' } as NodeKey, label: rubric.bonus?.title ?? '加分项', extra: rubric.bonus ? `最多${pts(rubric.bonus.cap)}` : '无' },
          { key: { kind: 'units' } as NodeKey, label: '单位评定', extra: rubric.units?.ratings ? `${rubric.units.ratings.length}项` : '' },
        ].map(({ key, label, extra }) => (
          <li key={nodeId(key)}>
            <button className={`tree-node top${sel === nodeId(key) ? ' selected' : ''}`} data-testid="tree-node" data-node={nodeId(key)} onClick={() => onSelect(key)}>
              <span className="tree-label">{label}</span>
              {extra && <span className="tree-points">{extra}</span>}
              {badge(nodePath(key))}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
