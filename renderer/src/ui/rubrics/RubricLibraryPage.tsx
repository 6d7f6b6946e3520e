import { useMemo, useState } from 'react'
import type { Rubric } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { builtinRubrics } from '../../rubrics/builtinRubrics'
import { readRubricFile } from '../../rubrics/rubricFiles'
import { duplicateRubric, importRubric, listTemplates, listVersions, setArchived } from '../../rubrics/rubricStore'
import type { RubricTemplateRecord, RubricVersionRecord } from '../../store/records'
import { formatDateTime } from '../format'
import { caseTypeName } from './labels'

interface Row {
  id: string
  name: string
  caseType: string
  standard: string
  builtIn: boolean
  archived: boolean
  versionText: string
  updatedAt?: string
  rubric?: Rubric
}

function matches(row: Row, q: string): boolean {
  if (!q) return true
  const hay = `${row.name} ${row.caseType} ${caseTypeName(row.caseType)} ${row.standard}`.toLowerCase()
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w))
}

function versionText(versions: RubricVersionRecord[]): string {
  const published = versions.filter((v) => v.status === 'published')
  const draft = versions.find((v) => v.status === 'draft')
  const parts: string[] = []
  if (published.length) parts.push(`已发布第${published.at(-1)!.version}版`)
  if (draft) parts.push(`第${draft.version}版草稿`)
  return parts.join('，') || '—'
}

export function RubricLibraryPage() {
  const { db, navigate } = useServices()
  const [query, setQuery] = useState('')
  const [showArchived, setShowArchived] = useState(false)
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null)
  const own = useLiveQuery(async () => {
    const templates = await listTemplates(db, { includeArchived: true })
    return Promise.all(templates.map(async (t: RubricTemplateRecord) => ({ t, versions: await listVersions(db, t.id) })))
  }, [db])
  const rows = useMemo<Row[]>(() => {
    const mine: Row[] = (own ?? []).map(({ t, versions }) => ({
      id: t.id,
      name: t.name,
      caseType: t.caseType,
      standard: t.standard,
      builtIn: false,
      archived: t.archived === 1,
      versionText: versionText(versions),
      updatedAt: t.updatedAt,
    }))
    const builtins: Row[] = builtinRubrics.map((r) => ({ id: r.id, name: r.name, caseType: r.caseType, standard: r.standard ?? '', builtIn: true, archived: false, versionText: `第${r.version}版`, rubric: r }))
    return [...mine, ...builtins]
  }, [own])
  const visible = rows.filter((r) => matches(r, query.trim()) && (showArchived || !r.archived))

  async function duplicate(r: Rubric) {
    const t = await duplicateRubric(db, r)
    navigate({ page: 'rubric', templateId: t.id })
  }

  async function importFile(file: File | undefined) {
    if (!file) return
    const res = await readRubricFile(file)
    if (!res.ok) {
      setNotice({ kind: 'error', lines: [`「${file.name}」不能导入：`, ...res.messages.slice(0, 20), ...(res.messages.length > 20 ? [`……共 ${res.messages.length} 处`] : [])] })
      return
    }
    const { template, asCopy } = await importRubric(db, res.rubric)
    setNotice({ kind: 'info', lines: [`已从「${file.name}」导入「${template.name}」${asCopy ? '（库中已有同一标识，已作为新模板导入）' : ''}。`] })
  }

  return (
    <main className="rubric-library" data-testid="rubric-library">
      <div className="rl-head">
        <h1>评查标准</h1>
        <input className="rl-search" data-testid="rubric-search" type="search" placeholder="按名称、案件类型、依据标准搜索" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="rl-check">
          <input type="checkbox" data-testid="rubric-show-archived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> 显示已归档
        </label>
        <span className="rl-spacer" />
        <label className="button-like">
          导入 JSON…
          <input hidden type="file" accept=".json,application/json" data-testid="rubric-import-json-input" onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
        </label>
        <label className="button-like">
          导入 XLSX…
          <input hidden type="file" accept=".xlsx" data-testid="rubric-import-xlsx-input" onChange={(e) => void importFile(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
        </label>
      </div>
      {notice && (
        <div className={`rl-notice ${notice.kind}`} data-testid={notice.kind === 'error' ? 'rubric-import-error' : 'rubric-import-info'}>
          {notice.lines.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
          <button className="link" onClick={() => setNotice(null)}>
            关闭
          </button>
        </div>
      )}
      <table className="library-table rl-table" data-testid="rubric-table" data-count={visible.length}>
        <thead>
          <tr>
            <th>名称</th>
            <th>案件类型</th>
            <th>依据标准</th>
            <th>版本</th>
            <th>更新</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => (
            <tr key={r.id} data-testid="rubric-row" data-rubric-id={r.id} data-builtin={r.builtIn} data-name={r.name} className={r.archived ? 'archived' : undefined}>
              <td className="name">
                {r.name}
                {r.builtIn && <span className="chip">内置·只读</span>}
                {r.archived && <span className="chip muted-chip">已归档</span>}
              </td>
              <td className="nowrap">{caseTypeName(r.caseType)}</td>
              <td className="rl-standard" title={r.standard}>
                {r.standard || '—'}
              </td>
              <td className="nowrap">{r.versionText}</td>
              <td className="nowrap">{r.updatedAt ? formatDateTime(r.updatedAt) : '—'}</td>
              <td>
                <div className="rl-actions">
                <button data-testid="rubric-open" onClick={() => navigate({ page: 'rubric', templateId: r.id })}>
                  {r.builtIn ? '查看' : '编辑'}
                </button>
                {r.builtIn && r.rubric && (
                  <button data-testid="rubric-duplicate" onClick={() => void duplicate(r.rubric!)}>
                    复制为我的模板
                  </button>
                )}
                {!r.builtIn && (
                  <button data-testid="rubric-archive" onClick={() => void setArchived(db, r.id, !r.archived)}>
                    {r.archived ? '恢复' : '归档'}
                  </button>
                )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 && <p className="empty">没有符合条件的评查标准。</p>}
    </main>
  )
}
