import type { DecisionMigration, MigrationOutcome } from '@scoring/index'
import type { CampaignMigration } from '../../rubrics/migrateCampaign'

const outcomeNames: Record<MigrationOutcome, string> = { carried: '沿用', reReview: '须重新评查', undecided: '待评查' }

function decisionText(e: DecisionMigration): string {
  const d = e.decision
  if (!d) return '—'
  switch (d.kind) {
    case 'conforming':
      return '符合'
    case 'deducted':
      return `扣分（${d.deductions.map((x) => x.ruleId).join('、')}）`
    case 'na':
      return '不适用'
    case 'veto':
      return '否决'
    case 'bonus':
      return `加${d.amount}分`
  }
}

/**
 * What moving a campaign's reviews to a new rubric version does to each decision. Mount it from the campaign page
 * with the result of migrateReviews(); nothing here saves or rescores.
 */
export function MigrationReport({ migration, showCarried = false }: { migration: CampaignMigration; showCarried?: boolean }) {
  const t = migration.totals
  return (
    <section className="migration-report" data-testid="migration-report">
      <p className="mr-summary" data-testid="migration-totals" data-carried={t.carried} data-re-review={t.reReview} data-undecided={t.undecided}>
        第{migration.from.version}版 → 第{migration.to.version}版，共 {t.reviews} 份评查记录：
        <span className="chip outcome-carried">沿用 {t.carried} 项</span>
        <span className="chip outcome-reReview">须重新评查 {t.reReview} 项</span>
        <span className="chip outcome-undecided">新增待评 {t.undecided} 项</span>
        {t.fullyCarried > 0 && <span className="muted">（{t.fullyCarried} 份可全部沿用）</span>}
        {t.failed > 0 && <span className="error">（{t.failed} 份无法迁移）</span>}
      </p>
      <p className="muted small">沿用的结论原样保留；其余结论不会被自动改写或重新计分，须由评查人员重新作出。</p>
      {migration.items.map((item) => (
        <div className="mr-review" key={item.reviewId} data-testid="migration-review" data-review-id={item.reviewId}>
          <h4>{item.label}</h4>
          {item.error && <p className="error">{item.error}</p>}
          {item.result && (
            <>
              {item.result.notices.map((n, i) => (
                <p className="mr-notice" key={i} data-testid="migration-notice">
                  {n}
                </p>
              ))}
              <table className="mini-table">
                <thead>
                  <tr>
                    <th>项目</th>
                    <th>原结论</th>
                    <th>迁移结果</th>
                    <th>原因</th>
                  </tr>
                </thead>
                <tbody>
                  {item.result.entries
                    .filter((e) => showCarried || e.outcome !== 'carried')
                    .map((e) => (
                      <tr key={e.itemId} data-testid="migration-entry" data-item-id={e.itemId} data-outcome={e.outcome}>
                        <td>
                          <span className="tree-id">{e.itemId}</span> {e.itemName}
                        </td>
                        <td>{decisionText(e)}</td>
                        <td>
                          <span className={`chip outcome-${e.outcome}`}>{outcomeNames[e.outcome]}</span>
                        </td>
                        <td>{e.reasons.map((r) => r.message).join('；') || '—'}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {!showCarried && item.result.counts.carried > 0 && <p className="muted small">另有 {item.result.counts.carried} 项结论沿用（未列出）。</p>}
            </>
          )}
        </div>
      ))}
    </section>
  )
}
