import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import { lastBackupAt } from '../../exchange/backup'

const REMIND_AFTER_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/** A laptop can fail with weeks of scoring on it: remind once data exists and the last backup is over a week old. */
export function BackupReminder() {
  const { db, navigate } = useServices()
  const state = useLiveQuery(async () => ({ last: await lastBackupAt(db), hasData: (await db.caseFiles.count()) > 0 || (await db.campaigns.count()) > 0 }), [db])
  if (!state?.hasData) return null
  const age = state.last ? Math.floor((Date.now() - Date.parse(state.last)) / DAY_MS) : null
  if (age !== null && age < REMIND_AFTER_DAYS) return null
  return (
    <p className="cr-warn" data-testid="backup-reminder" data-days={age ?? ''} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12 }}>
      <span>{age === null ? '本机数据还从未备份过。' : `距上次备份已有 ${age} 天。`}电脑故障或误删会丢失评查结果，请及时备份到 U 盘。</span>
      <button data-testid="backup-reminder-go" onClick={() => navigate({ page: 'exchange' })}>
        去备份
      </button>
    </p>
  )
}
