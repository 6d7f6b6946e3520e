import type { Evidence } from '@scoring/index'

/** Cited pages and marks; clicking one shows it in the viewer. */
export function EvidenceChips({ evidence, markLabel, onOpen, onRemove }: { evidence: Evidence[]; markLabel(id: string): string; onOpen(e: Evidence): void; onRemove?(index: number): void }) {
  if (evidence.length === 0) return null
  return (
    <span className="evidence-chips">
      {evidence.map((e, i) => (
        <span key={`${e.page}-${e.mark ?? ''}-${i}`} className="evidence-chip" data-testid="evidence-chip" data-page={e.page} data-mark={e.mark ?? ''}>
          <button className="link" data-testid="evidence-open" title="在左侧查看" onClick={() => onOpen(e)}>
            第 {e.page} 页{e.mark ? ` · ${markLabel(e.mark)}` : ''}
          </button>
          {onRemove && (
            <button className="link danger" aria-label="移除证据" onClick={() => onRemove(i)}>
              ×
            </button>
          )}
        </span>
      ))}
    </span>
  )
}
