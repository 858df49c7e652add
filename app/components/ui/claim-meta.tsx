import type { ClaimStatus, Verdict } from '#app/domain/vocabulary.ts'
import { StatusBadge, VerdictBadge } from './badges.tsx'

/** The line under a claim in compact lists: status, verdict and who said it. */
export function ClaimMeta({
  status,
  verdict,
  speakerName,
}: {
  status: ClaimStatus
  verdict: Verdict | null
  speakerName?: string | null
}) {
  return (
    <div className="meta-line small">
      <StatusBadge status={status} />
      <VerdictBadge verdict={verdict} />
      {speakerName !== undefined ? (
        // One item with its separator, so a long name wraps as a whole, leaving no stray dot.
        <span className="muted">
          <span className="sep" aria-hidden="true">
            ·
          </span>{' '}
          {speakerName ?? 'Unattributed'}
        </span>
      ) : null}
    </div>
  )
}
