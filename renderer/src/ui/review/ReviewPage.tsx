import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { canEditDecisions, type Evidence, type Role } from '@scoring/index'
import { useServices } from '../../app/AppServices'
import { useLiveQuery } from '../../app/useLiveQuery'
import type { Route } from '../../app/route'
import { openPageSource } from '../../pages/openPageSource'
import type { PageInfo, PageSource } from '../../pages/PageSource'
import { getRubricVersion, type CatalogEntry } from '../../rubrics/rubricCatalog'
import { getCaseFile } from '../../store/caseFiles'
import type { CaseFileRecord, MarkRecord } from '../../store/records'
import { marksOf } from '../../store/viewerState'
import { actorLabel, currentMember, setCurrentMember } from '../../workflow/identity'
import { changeState, setDecision, setDispute, setHighlights, type Actor } from '../../workflow/reviews'
import { Viewer } from '../viewer/Viewer'
import type { EvidenceTools } from './DecisionEditor'
import { ScoreSheet } from './ScoreSheet'

type Loaded = { caseFile: CaseFileRecord; source: PageSource; firstInfo: PageInfo; rubric: CatalogEntry }

/** The scoring screen: the case file on the left, the score sheet on the right. */
export function ReviewPage({ route }: { route: Route }) {
  const { db, navigate, renders, viewer } = useServices()
  const reviewId = route.page === 'review' ? route.reviewId : ''
  const campaignId = route.page === 'review' ? route.campaignId : ''
  const review = useLiveQuery(() => db.reviews.get(reviewId), [db, reviewId])
  const campaign = useLiveQuery(() => db.campaigns.get(campaignId), [db, campaignId])
  const campaignCase = useLiveQuery(async () => (review ? db.campaignCases.get(review.campaignCaseId) : undefined), [db, review?.campaignCaseId])
  const member = useLiveQuery(async () => (campaign ? currentMember(db, campaign) : null), [db, campaign])
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [problem, setProblem] = useState('')
  const [focusMark, setFocusMark] = useState<{ id: string; pageIndex: number; nonce: number } | null>(null)
  const markListener = useRef<((e: Evidence) => void) | null>(null)

  const caseFileId = campaignCase?.caseFileId ?? null
  const rubricRef = review ? `${review.rubricId}@${review.rubricVersion}` : ''
  useEffect(() => {
    if (!review || !campaignCase) return
    let cancelled = false
    let source: PageSource | null = null
    renders.reset(caseFileId)
    void (async () => {
      const rubric = await getRubricVersion(db, { rubricId: review.rubricId, version: review.rubricVersion })
      if (!rubric) return setProblem('找不到本评查记录所用的评查标准版本。')
      if (!caseFileId) return setProblem('该案卷尚未关联扫描件，请在「案卷登记」中关联。')
      const caseFile = await getCaseFile(db, caseFileId)
      if (!caseFile) return setProblem('案卷扫描件已不在案卷库中。')
      const opened = await openPageSource(db, caseFile)
      if (!opened.ok) return setProblem(opened.message)
      source = opened.source
      const firstInfo = await source.getPageInfo(0).catch(() => ({ width: 595, height: 842, intrinsicRotation: 0 as const }))
      if (cancelled) return void source.destroy()
      setLoaded({ caseFile, source, firstInfo, rubric })
    })()
    return () => {
      cancelled = true
      renders.reset(null)
      void source?.destroy()
    }
    // Reload only when the file or the pinned rubric changes, not on every decision.
  }, [db, renders, caseFileId, rubricRef, Boolean(review), Boolean(campaignCase)])

  const marks = useLiveQuery(async () => (caseFileId ? marksOf(db, caseFileId) : []), [db, caseFileId]) ?? []
  const markIndex = useMemo(() => new Map(marks.map((m, i) => [m.id, { n: i + 1, mark: m }])), [marks])
  const problemRows = useLiveQuery(async () => (review ? db.problemTexts.where('[rubricId+itemId]').between([review.rubricId, ''], [review.rubricId, '\uffff']).toArray() : []), [db, review?.rubricId]) ?? []
  const suggestions = useMemo(() => {
    const m = new Map<string, string[]>()
    for (const p of [...problemRows].sort((a, b) => b.uses - a.uses)) m.set(p.itemId, [...(m.get(p.itemId) ?? []), p.text])
    return m
  }, [problemRows])

  const evidence: EvidenceTools = useMemo(
    () => ({
      currentPage: () => viewer.current?.currentPage() ?? 1,
      markLabel: (id) => (markIndex.has(id) ? `标记 ${markIndex.get(id)!.n}` : '标记（已删除）'),
      open: (e) => {
        const m = e.mark ? markIndex.get(e.mark)?.mark : undefined
        if (m) setFocusMark({ id: m.id, pageIndex: m.pageIndex, nonce: Date.now() })
        else viewer.current?.goToPage(e.page)
      },
      setMarkListener: (l) => {
        markListener.current = l
      },
    }),
    [viewer, markIndex],
  )
  const onMarkClick = useCallback((m: MarkRecord) => markListener.current?.({ page: m.pageIndex + 1, mark: m.id }), [])

  if (review === undefined || campaign === undefined) return <main className="pad muted">正在打开评查记录…</main>
  if (!review || !campaign) return <main className="pad error">评查记录不存在。</main>
  if (!member)
    return (
      <main className="pad">
        <p>请先选择你在本次评查活动中的身份：</p>
        <div className="identity-pick">
          {campaign.members.map((m) => (
            <button key={m.id} data-testid="identity-option" onClick={() => void setCurrentMember(db, campaign.id, m.id)}>
              {m.name}（{m.role === 'lead' ? '组长' : '评查员'}）
            </button>
          ))}
        </div>
      </main>
    )
  const role: Role = member.role === 'lead' ? 'lead' : 'reviewer'
  const actor: Actor = { label: actorLabel(member), role, memberId: member.id }
  const mine = role === 'lead' || member.id === review.reviewerId
  const canEdit = mine && canEditDecisions(review.state, role)
  const reviewer = campaign.members.find((m) => m.id === review.reviewerId)
  const agency = campaign.agencies.find((a) => a.id === campaignCase?.agencyId)
  const caseLabel = `${campaignCase?.caseNumber ?? ''} · ${agency?.name ?? ''} · 评查人员：${reviewer?.name ?? ''}`

  return (
    <main className="viewer review-page" data-testid="review-page">
      <header className="viewer-toolbar">
        <button data-testid="back-to-campaign" onClick={() => navigate({ page: 'campaign', campaignId: campaign.id })}>
          ← 返回「{campaign.name}」
        </button>
        <span className="viewer-title">{campaignCase?.caseNumber}（{campaignCase?.party}）</span>
        <label className="muted identity-switch">
          当前身份
          <select value={member.id} data-testid="identity-select" onChange={(e) => void setCurrentMember(db, campaign.id, e.target.value)}>
            {campaign.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}（{m.role === 'lead' ? '组长' : '评查员'}）
              </option>
            ))}
          </select>
        </label>
      </header>
      {problem && (
        <p className="error pad" role="alert">
          {problem}
        </p>
      )}
      {!mine && campaign.mode === 'double' && (
        <p className="pad muted" data-testid="blind-notice">
          双人独立评查：评查人员之间互不查看评查记录，请切换到本人身份或由组长查看。
        </p>
      )}
      {!mine && campaign.mode !== 'double' && <p className="pad muted">这是其他评查人员的评查记录，你只能查看。</p>}
      {loaded && (mine || campaign.mode !== 'double') && (
        <Viewer
          caseFile={loaded.caseFile}
          source={loaded.source}
          firstInfo={loaded.firstInfo}
          onMarkClick={onMarkClick}
          focusMark={focusMark}
          rightPanel={
            <ScoreSheet
              rubric={loaded.rubric.rubric}
              review={review}
              caseLabel={caseLabel}
              role={role}
              canEdit={canEdit}
              evidence={evidence}
              suggestionsFor={(itemId) => suggestions.get(itemId) ?? []}
              onDecision={(itemId, d) => setDecision(db, review.id, itemId, d, actor)}
              onHighlights={(text) => setHighlights(db, review.id, text, actor)}
              onAction={async (a) => void (await changeState(db, review.id, a, actor))}
              onDispute={(itemId, note, outcome) => setDispute(db, review.id, { itemId, note, ...(outcome ? { outcome, resolvedAt: new Date().toISOString() } : {}) }, actor)}
            />
          }
        />
      )}
    </main>
  )
}
