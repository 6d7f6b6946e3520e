import type { ReportModel } from '@scoring/report/index'
import type { CampaignData } from '../campaigns/useCampaignData'
import { ColumnChart, DivergingChart, HBarChart } from './svgCharts'
import { useReportModel } from './useReportModel'

/** 统计: grade distribution, agency ranking, deduction frequency per item, reviewer leniency. Every number is the model's. */
export function StatsTab({ data }: { data: CampaignData }) {
  const { loaded } = useReportModel(data)
  if (!loaded) return <p className="muted">正在汇总评查结果…</p>
  if (!loaded.ok)
    return (
      <p className="error" role="alert" data-testid="stats-error">
        {loaded.message}
      </p>
    )
  return <Stats model={loaded.model} />
}

function Stats({ model }: { model: ReportModel }) {
  const t = model.totals
  const grades = model.grades.filter((g) => g.files > 0 || !g.id.startsWith('其他:'))
  const items = model.items.filter((i) => i.files > 0).sort((a, b) => b.files - a.files || b.occurrences - a.occurrences).slice(0, 15)
  const total = model.unitRubric.total
  return (
    <div className="cr-stack" data-testid="stats-tab">
      <section className="cr-card">
        <h2>总体情况</h2>
        <dl className="rp-totals" data-testid="stats-totals" data-files={t.files} data-mean={t.meanText}>
          <div><dt>定稿案卷</dt><dd>{t.files} 件</dd></div>
          <div><dt>被评查单位</dt><dd>{t.agencies} 个</dd></div>
          <div><dt>平均分</dt><dd>{t.meanText}</dd></div>
          <div><dt>最高 / 最低</dt><dd>{t.maxText} / {t.minText}</dd></div>
          <div><dt>否决卷</dt><dd>{t.vetoFiles} 件</dd></div>
          <div><dt>问题数</dt><dd>{t.problems} 个（{t.filesWithProblems} 件案卷）</dd></div>
        </dl>
      </section>
      <div className="cr-columns">
        <section className="cr-card">
          <h2>等次分布</h2>
          <ColumnChart testId="stats-grades" bars={grades.map((g) => ({ label: g.name, value: g.files, valueText: `${g.files}件 ${g.percentText}%` }))} />
        </section>
        <section className="cr-card">
          <h2>单位排名（平均分）</h2>
          <HBarChart
            testId="stats-agencies"
            max={total}
            bars={model.agencies.map((a) => ({ label: `${a.rank}. ${a.agency.name}`, value: a.summary.mean, valueText: a.summary.meanText, title: `第${a.rank}名 ${a.agency.name}：平均${a.summary.meanText}分，${a.summary.files}件` }))}
            marker={{ value: t.mean, label: `全部平均 ${t.meanText}` }}
          />
          {model.agenciesWithoutFiles.length > 0 && <p className="muted small">尚无定稿案卷的单位：{model.agenciesWithoutFiles.map((a) => a.name).join('、')}</p>}
        </section>
      </div>
      <section className="cr-card">
        <h2>扣分频次（按评查项目，前 {items.length} 项）</h2>
        {items.length === 0 ? (
          <p className="muted">定稿案卷中没有扣分项目。</p>
        ) : (
          <HBarChart
            testId="stats-items"
            labelWidth={260}
            valueWidth={200}
            width={760}
            max={Math.max(...items.map((i) => i.files))}
            bars={items.map((i) => ({ label: `${i.itemId} ${i.itemName}`, value: i.files, valueText: `${i.files}件（${i.ratePercentText}%），扣${i.pointsText}分`, title: `${i.itemId} ${i.itemName}：${i.files}件案卷扣分，共${i.occurrences}处` }))}
          />
        )}
      </section>
      <section className="cr-card">
        <h2>评查人员宽严度</h2>
        <p className="muted small">每件案卷平均扣分与全组平均（{model.reviewers.panelMeanText} 分）之差；否决项不计。</p>
        <DivergingChart
          testId="stats-reviewers"
          leftLabel="偏宽"
          rightLabel="偏严"
          bars={model.reviewers.rows.filter((r) => r.files > 0).map((r) => ({ label: r.member.name, value: r.diff, valueText: `${r.diffText}（均扣${r.meanDeductedText}）`, title: `${r.member.name}：${r.files}件，平均扣${r.meanDeductedText}分` }))}
        />
      </section>
    </div>
  )
}
