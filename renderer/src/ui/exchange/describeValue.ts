import { reviewStateNames, type Decision, type ReviewState } from '@scoring/index'
import { formatDateTime } from '../format'

const kindNames: Record<Decision['kind'], string> = { conforming: '符合', deducted: '扣分', na: '不适用', veto: '否决', bonus: '加分' }

/** One side of a conflict in words a lead can compare: what was decided and why. */
export function describeConflictValue(kind: string, value: unknown): string {
  if (value === null || value === undefined) return kind === 'decision' ? '（未评查）' : '（已删除）'
  const v = value as Record<string, unknown>
  switch (kind) {
    case 'decision': {
      const d = value as Decision
      const why =
        d.kind === 'deducted' ? d.deductions.map((x) => x.reason).join('；') : d.kind === 'conforming' ? (d.note ?? '') : d.kind === 'bonus' ? `${d.amount} 分：${d.reason}` : d.reason
      return why ? `${kindNames[d.kind]}：${why}` : kindNames[d.kind]
    }
    case 'workflow':
      return `${reviewStateNames[v.state as ReviewState] ?? String(v.state)}${v.highlights ? `；亮点：${String(v.highlights)}` : ''}`
    case 'mark':
      return `第 ${Number(v.pageIndex) + 1} 页标记${v.note ? `：${String(v.note)}` : ''}`
    case 'document':
      return `第 ${Number(v.firstPage) + 1}–${Number(v.lastPage) + 1} 页 ${String(v.typeName)}${v.note ? `（${String(v.note)}）` : ''}`
    case 'pageState': {
      const flags = Object.keys((v.flags as object) ?? {}).join('、')
      return `旋转 ${String(v.rotation)}°${flags ? `；${flags}` : ''}`
    }
    default:
      return JSON.stringify(value)
  }
}

export const formatWhen = (iso: string | undefined) => (iso ? formatDateTime(iso) : '')
