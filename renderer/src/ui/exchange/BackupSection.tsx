import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { exportBackup, lastBackupAt, restoreBackup, storeIsEmpty } from '../../exchange/backup'
import { formatWhen } from './describeValue'
import { FilePick } from './FilePick'
import { NoticeLine, useExchangeAction } from './useExchangeAction'

/** 备份与恢复: the whole local store to one file, and back on this or another laptop. */
export function BackupSection() {
  const { db, host, version } = useServices()
  const last = useLiveQuery(() => lastBackupAt(db), [db])
  const empty = useLiveQuery(() => storeIsEmpty(db), [db])
  const [replace, setReplace] = useState(false)
  const out = useExchangeAction()
  const inn = useExchangeAction()
  return (
    <section className="cr-card" data-testid="section-backup">
      <h2>备份与恢复</h2>
      <div className="cr-columns">
        <div className="cr-stack">
          <p className="hint small">把本机全部数据（案卷扫描件、评查活动、评查记录、审计日志、评查标准）备份为一个文件，存到 U 盘或其他电脑。</p>
          <p className="small" data-testid="last-backup" data-at={last ?? ''}>
            上次备份：{last ? formatWhen(last) : '从未备份'}
          </p>
          <div>
            <button
              className="primary"
              data-testid="export-backup"
              disabled={out.busy}
              onClick={() =>
                void out.run(async () => {
                  const b = await exportBackup(db, version)
                  const saved = await host.saveFile(b.fileName, b.blob)
                  if (!saved.ok) throw new Error(saved.message)
                  return saved.savedTo ? `${b.summary}已保存：${saved.savedTo}` : '已取消保存。'
                })
              }
            >
              {out.busy ? '正在备份…' : '备份本机数据…'}
            </button>
          </div>
          <NoticeLine notice={out.notice} testId="backup-message" />
        </div>
        <div className="cr-stack">
          <p className="hint small">从备份文件恢复。本机为空时直接恢复；本机已有数据时，须确认清空后才会恢复（清空与恢复一次完成，失败则本机数据保持原样）。</p>
          {empty === false && (
            <label className="cr-inline small">
              <input type="checkbox" data-testid="restore-replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
              清空本机数据后恢复（本机现有数据将被备份中的数据替换）
            </label>
          )}
          <div>
            <FilePick
              label={inn.busy ? '正在恢复…' : '从备份恢复…'}
              testId="restore-input"
              disabled={inn.busy}
              onFile={(file) =>
                void inn.run(async () => {
                  const r = await restoreBackup(db, file, { replace })
                  setReplace(false)
                  return r.summary
                })
              }
            />
          </div>
          <NoticeLine notice={inn.notice} testId="restore-message" />
        </div>
      </div>
    </section>
  )
}
