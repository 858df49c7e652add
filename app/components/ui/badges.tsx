import { statusLabels, verdictLabels } from '#app/domain/labels.ts'
import type { ClaimStatus, Verdict } from '#app/domain/vocabulary.ts'

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge status-${status}`}>{statusLabels[status]}</span>
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="muted small">No verdict</span>
  return <span className={`badge verdict-${verdict}`}>{verdictLabels[verdict]}</span>
}
