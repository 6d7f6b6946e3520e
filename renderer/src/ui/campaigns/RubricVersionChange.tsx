import { useState } from 'react'
import { useServices } from '../../app/AppServices'
import type { CatalogEntry } from '../../rubrics/rubricCatalog'
import { applyRubricMigration, planRubricMigration, type CampaignRubricMigrationPlan } from '../../workflow/migrateCampaignRubric'
import { MigrationReport } from '../rubrics/MigrationReport'
import { actorOf, errorText, isLead, LEAD_ONLY } from './campaignActor'
import type { CampaignData } from './useCampaignData'

/**
 * Moves one case type of the campaign to a newer published version of the same rubric: the lead
 * first reads what happens to every decision, then confirms. Nothing is rescored silently.
 */
export function RubricVersionChange({ data, caseType, catalog }: { data: CampaignData; caseType: string; catalog: CatalogEntry[] }) {
  const { db } = useServices()
  const { campaign, me } = data
  const pinned = campaign.rubrics.find((r) => r.caseType === caseType)!
  const newer = catalog.filter((e) => e.rubricId === pinned.rubricId && e.version > pinned.version).sort((a, b) => b.version - a.version)
  const [target, setTarget] = useState<number | null>(null)
  const [plan, setPlan] = useState<CampaignRubricMigrationPlan | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null)
  const lead = isLead(me)
  const preview = async () => {
    setMessage(null)
    setBusy(true)
    try {
      setPlan(await planRubricMigration(db, campaign.id, caseType, { rubricId: pinned.rubricId, version: target ?? newer[0]!.version }))
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const apply = async () => {
    if (!plan) return
    setBusy(true)
    try {
      const r = await applyRubricMigration(db, campaign.id, plan, actorOf(me).label)
      setMessage({ kind: 'info', text: `已改用第 ${plan.migration.to.version} 版：${r.unchanged} 份评查记录全部沿用，${r.reopened} 份退回评查中以重新评查相关项目。` })
      setPlan(null)
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  const note = message && (
    <p className={message.kind === 'error' ? 'error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="rubric-change-message">
      {message.text}
    </p>
  )
  // After a move to the newest version there is nothing left to offer but the outcome.
  if (newer.length === 0) return note || null
  return (
    <div className="rubric-change" data-testid={`rubric-change-${caseType}`}>
      <span className="muted">有新版本：</span>
      <select value={target ?? newer[0]!.version} onChange={(e) => setTarget(Number(e.target.value))} data-testid="rubric-change-version" aria-label="新版本">
        {newer.map((e) => (
          <option key={e.version} value={e.version}>
            第 {e.version} 版
          </option>
        ))}
      </select>
      <button disabled={!lead || busy} title={lead ? undefined : LEAD_ONLY} onClick={() => void preview()} data-testid="rubric-change-preview">
        预览迁移
      </button>
      {plan && (
        <div className="rubric-change-plan">
          <MigrationReport migration={plan.migration} />
          <div className="cr-inline">
            <button className="primary" disabled={busy} onClick={() => void apply()} data-testid="rubric-change-apply">
              确认改用第 {plan.migration.to.version} 版
            </button>
            <button onClick={() => setPlan(null)}>取消</button>
          </div>
        </div>
      )}
      {note}
    </div>
  )
}
