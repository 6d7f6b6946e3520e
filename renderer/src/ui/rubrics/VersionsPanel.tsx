import { useMemo, useState } from 'react'
import type { Review } from '@scoring/index'
import { diffRubrics, reviewSchema, validateRubric } from '@scoring/index'
import type { CampaignMigration } from '../../rubrics/migrateCampaign'
import { migrateReviews, sampleReview } from '../../rubrics/migrateCampaign'
import type { RubricVersionRecord } from '../../store/records'
import { formatDateTime } from '../format'
import { DiffTable } from './DiffTable'
import { MigrationReport } from './MigrationReport'

/** Version list, diff between any two versions, and a migration of reviews from one version to another. */
export function VersionsPanel({ versions }: { versions: RubricVersionRecord[] }) {
  const last = versions.at(-1)?.version ?? 1
  const [from, setFrom] = useState(Math.max(1, last - 1))
  const [to, setTo] = useState(last)
  const a = versions.find((v) => v.version === from)
  const b = versions.find((v) => v.version === to)
  const diff = useMemo(() => (a && b ? diffRubrics(a.rubric, b.rubric) : null), [a, b])
  const [migration, setMigration] = useState<CampaignMigration | null>(null)
  const [migrationError, setMigrationError] = useState<string | null>(null)
  const [showCarried, setShowCarried] = useState(false)

  const canMigrate = a && b && a.version !== b.version && validateRubric(a.rubric).ok && validateRubric(b.rubric).ok

  function run(reviews: Review[]) {
    setMigrationError(null)
    if (!a || !b) return
    const older = validateRubric(a.rubric)
    const newer = validateRubric(b.rubric)
    if (!older.ok || !newer.ok) {
      setMigrationError('两个版本都须通过校验才能迁移评查记录')
      return
    }
    setMigration(migrateReviews(older.rubric, newer.rubric, reviews))
  }

  async function fromFiles(files: FileList | null) {
    if (!files?.length) return
    const reviews: Review[] = []
    for (const f of Array.from(files)) {
      try {
        const parsed = reviewSchema.safeParse(JSON.parse(await f.text()))
        if (!parsed.success) {
          setMigrationError(`「${f.name}」不是有效的评查记录：${parsed.error.issues[0]?.message ?? ''}`)
          return
        }
        reviews.push(parsed.data)
      } catch {
        setMigrationError(`「${f.name}」不是有效的 JSON`)
        return
      }
    }
    run(reviews)
  }

  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      第{v.version}版（{v.status === 'published' ? '已发布' : '草稿'}）
    </option>
  ))
  return (
    <div className="versions-panel" data-testid="versions-panel">
      <table className="mini-table">
        <thead>
          <tr>
            <th>版本</th>
            <th>状态</th>
            <th>时间</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.version} data-testid="version-row" data-version={v.version} data-status={v.status}>
              <td>第{v.version}版</td>
              <td>{v.status === 'published' ? <span className="chip published">已发布·锁定</span> : <span className="chip draft">草稿</span>}</td>
              <td>{formatDateTime(v.publishedAt ?? v.updatedAt)}</td>
              <td className="small">{v.note || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>版本比较</h3>
      {versions.length < 2 ? (
        <p className="muted">至少有两个版本才能比较。</p>
      ) : (
        <>
          <div className="button-row">
            <select data-testid="diff-from" value={from} onChange={(e) => setFrom(Number(e.target.value))} aria-label="原版本">
              {options}
            </select>
            <span>→</span>
            <select data-testid="diff-to" value={to} onChange={(e) => setTo(Number(e.target.value))} aria-label="新版本">
              {options}
            </select>
          </div>
          {diff && <DiffTable diff={diff} />}
        </>
      )}

      <h3>迁移评查记录</h3>
      <p className="muted small">
        把按第{from}版作出的评查记录迁移到第{to}版：未受修改影响的结论沿用，其余列为须重新评查，不会悄悄重新计分。（上方选择的两个版本）
      </p>
      {canMigrate ? (
        <div className="button-row">
          <button type="button" data-testid="migrate-sample" onClick={() => run([sampleReview(a.rubric)])}>
            用示例评查记录试迁移
          </button>
          <label className="button-like">
            选择评查记录（JSON）…
            <input hidden type="file" multiple accept=".json,application/json" data-testid="migrate-reviews-input" onChange={(e) => void fromFiles(e.target.files).finally(() => (e.target.value = ''))} />
          </label>
          <label className="small">
            <input type="checkbox" checked={showCarried} onChange={(e) => setShowCarried(e.target.checked)} /> 列出沿用的结论
          </label>
        </div>
      ) : (
        <p className="muted small">选择两个不同且均通过校验的版本后可迁移。</p>
      )}
      {migrationError && (
        <p className="error" data-testid="migrate-error">
          {migrationError}
        </p>
      )}
      {migration && <MigrationReport migration={migration} showCarried={showCarried} />}
    </div>
  )
}
