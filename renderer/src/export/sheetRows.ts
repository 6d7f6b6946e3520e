import type { FileResult, ReportModel } from '@scoring/report/index'
import { cnDate, pagesText } from '@scoring/report/index'
import { formatCents, toCents } from '@scoring/index'

// The content of a score sheet, shared by the DOCX and the XLSX writer so both always say the same thing.

export const caseTypeText: Record<string, string> = { penalty: '行政处罚（普通程序）', licensing: '行政许可', enforcement: '行政强制执行' }

export const pts = (v: number | null): string => (v === null ? '—' : formatCents(toCents(v)))

export interface SheetHeader {
  label: string
  value: string
  /** Takes the whole row. */
  wide?: boolean
}

export function sheetHeader(model: ReportModel, f: FileResult): SheetHeader[] {
  const reviewers = f.reviewers.map((m) => `${m.name}（${m.agencyId ? (model.data.agencies.find((a) => a.id === m.agencyId)?.name ?? m.agencyId) : (m.affiliation ?? '')}）`).join('、')
  const lead = model.data.campaign.panel.find((m) => m.role === 'lead')
  return [
    { label: '评查活动', value: model.data.campaign.name, wide: true },
    { label: '被评查单位', value: f.agency.name },
    { label: '案号', value: f.case.caseNumber },
    { label: '案件名称', value: f.case.title ?? `${f.case.party}${f.case.cause}案`, wide: true },
    { label: '案件类型', value: caseTypeText[f.case.caseType] ?? f.case.caseType },
    { label: '当事人', value: f.case.party },
    { label: '案由', value: f.case.cause, wide: true },
    { label: '承办人', value: f.case.handlers.join('、') },
    { label: '立案／结案', value: `${f.case.filedOn ? cnDate(f.case.filedOn) : '—'}／${f.case.closedOn ? cnDate(f.case.closedOn) : '—'}` },
    { label: '评查标准', value: `${f.rubric.name}（第${f.rubric.version}版）`, wide: true },
    { label: '评查人员', value: reviewers, wide: true },
    { label: '评查组组长', value: lead?.name ?? '' },
    { label: '定稿日期', value: f.entry.finalisedAt ? cnDate(f.entry.finalisedAt.slice(0, 10)) : '—' },
  ]
}

export interface SheetItemRow {
  kind: 'section' | 'item' | 'bonusHeader' | 'bonus'
  id: string
  name: string
  max: string
  deducted: string
  awarded: string
  note: string
}

function evidence(pages: readonly { page: number }[]): string {
  const p = [...new Set(pages.map((e) => e.page))].sort((a, b) => a - b)
  return p.length ? `（${pagesText(p)}）` : ''
}

export function sheetItems(f: FileResult): SheetItemRow[] {
  const out: SheetItemRow[] = []
  const items = new Map(f.result.items.map((i) => [i.itemId, i]))
  for (const s of f.rubric.sections) {
    const ss = f.result.sections.find((x) => x.sectionId === s.id)
    out.push({ kind: 'section', id: s.id, name: s.name, max: pts(ss?.max ?? null), deducted: pts(ss?.deducted ?? 0), awarded: pts(ss?.awarded ?? null), note: ss && ss.maxApplicable !== ss.max ? `适用分值${pts(ss.maxApplicable)}分` : '' })
    for (const it of s.items) {
      const r = items.get(it.id)
      if (!r) continue
      let note: string
      if (r.status === 'na') note = `不适用：${r.naReason ?? ''}`
      else if (r.status === 'veto' && r.veto) note = `否决：${r.veto.text}。${r.veto.reason}${evidence(r.veto.evidence)}`
      else if (r.status === 'unscored') note = '未评'
      else note = r.deductions.map((d) => `${d.ruleText}${d.count > 1 ? `×${d.count}` : ''}${d.elements ? `（缺：${d.elements.join('、')}）` : ''}，扣${pts(d.applied)}分：${d.reason}${evidence(d.evidence)}`).join('\n')
      out.push({ kind: 'item', id: it.id, name: it.name, max: pts(r.max), deducted: r.status === 'na' ? '—' : pts(r.deducted), awarded: r.status === 'na' ? '不适用' : pts(r.awarded), note })
    }
  }
  const bonus = f.result.items.filter((i) => i.layer === 'bonus' && i.bonus > 0)
  if (f.rubric.bonus && bonus.length) {
    out.push({ kind: 'bonusHeader', id: '', name: f.rubric.bonus.title ?? '加分项', max: `≤${pts(f.rubric.bonus.cap)}`, deducted: '', awarded: pts(f.result.bonus), note: '' })
    for (const b of bonus) {
      const d = f.entry.review.decisions.find((x) => x.itemId === b.itemId)
      out.push({ kind: 'bonus', id: b.itemId, name: b.name, max: pts(b.max), deducted: '', awarded: `+${pts(b.bonus)}`, note: d && d.kind === 'bonus' ? `${d.reason}${evidence(d.evidence ?? [])}` : '' })
    }
  }
  return out
}

export const naPolicyNote: Record<string, string> = {
  rescale: '不适用项不计分，得分按适用项折算为满分制',
  fullPoints: '不适用项按满分计',
  exclude: '不适用项从满分中剔除',
}

/** The lines under the item table: basic layer, totals explained, veto, good practice, comment. */
export function sheetNotes(f: FileResult): { basic: string; totals: string; veto: string; goodPractice: string; comment: string } {
  const r = f.result
  const basicItems = f.rubric.basic?.items ?? []
  const hits = r.veto.items.filter((v) => basicItems.some((b) => b.id === v.itemId))
  const basic = basicItems.length === 0 ? '' : hits.length === 0 ? `${f.rubric.basic?.title ?? '基本标准'}共${basicItems.length}项，均符合。` : hits.map((v) => `${v.vetoId} ${v.text}：${v.reason}${evidence(v.evidence)}`).join('\n')
  const na = f.result.items.filter((i) => i.status === 'na')
  const naPoints = na.reduce((s, i) => s + toCents(i.max ?? 0), 0)
  const totals = [
    `满分${pts(r.declaredTotal)}分`,
    na.length ? `不适用${na.length}项共${formatCents(naPoints)}分（${naPolicyNote[f.rubric.policies.na]}）` : '',
    `扣分合计${formatCents(f.deductedCents)}分`,
    r.bonus > 0 ? `加分${pts(r.bonus)}分` : '',
    `总分${r.totalText}分，等次：${r.grade.name}`,
  ].filter(Boolean).join('；') + '。'
  const veto = r.veto.hit ? `否决项命中：${r.veto.items.map((v) => `${v.text}（${v.reason}）`).join('；')}。${r.veto.effect === 'zero' ? '总分计0分，' : r.veto.effect === 'stop' ? '不合格卷，停止评分，' : ''}等次为${r.grade.name}。` : ''
  return { basic, totals, veto, goodPractice: (f.entry.goodPractice ?? []).join('；'), comment: f.entry.comment ?? '' }
}
