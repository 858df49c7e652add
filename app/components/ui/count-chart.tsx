import { Link } from '@remix-run/react'
import type { ClaimStatus, Verdict } from '#app/domain/vocabulary.ts'

/** One bar; `tone` is a status or verdict badge class, so the chart speaks the badges' colours. */
export type CountBar = {
  key: string
  label: string
  value: number
  href?: string
  tone: `status-${ClaimStatus}` | `verdict-${Verdict}`
}

/**
 * Horizontal bars for a handful of counts, rendered on the server. It is a list, so a
 * screen reader hears each label with its number; the bars only repeat the numbers for
 * the eye and are hidden from assistive technology. A zero keeps a hairline bar, so
 * "none" reads differently from "missing".
 */
export function CountChart({ label, bars }: { label: string; bars: CountBar[] }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value))
  return (
    <ul className="count-chart" aria-label={label}>
      {bars.map((bar) => {
        const content = (
          <>
            <span className="count-chart-label">
              {bar.label}
              <span className="sr-only">: </span>
            </span>
            <span className="count-chart-track" aria-hidden="true">
              <span
                className={`count-chart-bar ${bar.tone}`}
                style={{ width: max === 0 ? 0 : `${(bar.value / max) * 100}%` }}
              />
            </span>
            <span className="count-chart-value">{bar.value}</span>
          </>
        )
        return (
          <li key={bar.key} className={bar.value === 0 ? 'is-zero' : undefined}>
            {bar.href ? <Link to={bar.href}>{content}</Link> : content}
          </li>
        )
      })}
    </ul>
  )
}
