import { useEffect, useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import type { PageStateRecord } from '../../store/records'
import { addDocument, deleteDocument, documentsOf } from '../../store/viewerState'
import { docTypeLists, findDocType } from '../../viewer/docTypes'
import { flagLabels } from './ViewerToolbar'

/** 卷内目录: the reviewer cuts the file into documents; each node jumps to its first page and lists its pages. */
export function DocumentIndexPanel(p: { caseId: string; pageCount: number; current: number; selection: Set<number>; stateByPage: Map<number, PageStateRecord>; onGoTo(page: number): void }) {
  const { db } = useServices()
  const docs = useLiveQuery(() => documentsOf(db, p.caseId), [db, p.caseId]) ?? []
  const [typeId, setTypeId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [error, setError] = useState('')
  const [open, setOpen] = useState<Set<string>>(new Set())

  // Default the range to the selected thumbnails, else the current page.
  useEffect(() => {
    const pages = p.selection.size ? [...p.selection] : [p.current]
    setFrom(String(Math.min(...pages) + 1))
    setTo(String(Math.max(...pages) + 1))
  }, [p.selection, p.current])

  const submit = async () => {
    const a = Number(from)
    const b = Number(to)
    const type = findDocType(typeId)
    if (!type) return setError('请选择文书类型。')
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b > p.pageCount || a > b) return setError(`页码范围应在 1–${p.pageCount} 之间，且起始页不大于结束页。`)
    setError('')
    await addDocument(db, { caseId: p.caseId, firstPage: a - 1, lastPage: b - 1, typeId: type.id, typeName: type.name, note: '' })
  }

  const covered = new Set<number>()
  for (const d of docs) for (let i = d.firstPage; i <= d.lastPage; i++) covered.add(i)

  return (
    <div className="doc-index" data-testid="doc-index">
      <form
        className="doc-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <select value={typeId} onChange={(e) => setTypeId(e.target.value)} data-testid="doc-type-select" aria-label="文书类型">
          <option value="">选择文书类型…</option>
          {docTypeLists.map((list) => (
            <optgroup key={list.caseType} label={list.name}>
              {list.types.map((t) => (
                <option key={t.id} value={`${list.caseType}:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <div className="doc-range">
          第 <input value={from} onChange={(e) => setFrom(e.target.value)} data-testid="doc-from" aria-label="起始页" /> 至
          <input value={to} onChange={(e) => setTo(e.target.value)} data-testid="doc-to" aria-label="结束页" /> 页
          <button type="submit" className="primary" data-testid="doc-add">
            添加
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {docs.length === 0 ? (
        <p className="panel-empty">尚未编目。选中缩略图或翻到某页，选择文书类型后点「添加」。</p>
      ) : (
        <ul className="doc-tree" role="tree" data-testid="doc-tree">
          {docs.map((d) => {
            const expanded = open.has(d.id)
            const pages = Array.from({ length: d.lastPage - d.firstPage + 1 }, (_, k) => d.firstPage + k)
            return (
              <li key={d.id} role="treeitem" aria-expanded={expanded} data-testid="doc-node" data-type={d.typeId} data-first={d.firstPage + 1} data-last={d.lastPage + 1}>
                <div className="doc-row">
                  <button className="link twisty" aria-label={expanded ? '收起' : '展开'} onClick={() => setOpen((s) => toggle(s, d.id))}>
                    {expanded ? '▾' : '▸'}
                  </button>
                  <button className="link doc-name" data-testid="doc-jump" onClick={() => p.onGoTo(d.firstPage + 1)}>
                    {d.typeName}
                  </button>
                  <span className="muted">
                    {d.firstPage === d.lastPage ? `第 ${d.firstPage + 1} 页` : `第 ${d.firstPage + 1}–${d.lastPage + 1} 页`}
                  </span>
                  <button className="link danger" title="删除此条目" data-testid="doc-delete" onClick={() => void deleteDocument(db, d.id)}>
                    ×
                  </button>
                </div>
                {expanded && (
                  <ul role="group">
                    {pages.map((i) => {
                      const flags = p.stateByPage.get(i)?.flags ?? {}
                      const names = (Object.keys(flags) as (keyof typeof flagLabels)[]).filter((f) => flags[f]).map((f) => flagLabels[f])
                      return (
                        <li key={i} role="treeitem">
                          <button className="link" onClick={() => p.onGoTo(i + 1)}>
                            第 {i + 1} 页
                          </button>
                          {names.length > 0 && <span className="flag-chip">{names.join('·')}</span>}
                        </li>
                      )
                    })}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <p className="muted doc-coverage" data-testid="doc-coverage">
        已编目 {covered.size} / {p.pageCount} 页
      </p>
    </div>
  )
}

function toggle(s: Set<string>, id: string): Set<string> {
  const n = new Set(s)
  if (n.has(id)) n.delete(id)
  else n.add(id)
  return n
}
