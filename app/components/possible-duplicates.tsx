import { Link, useFetcher } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { ClaimStatus, Verdict } from '#app/domain/vocabulary.ts'
import { shorten } from '#app/utils/format.ts'
import { SectionButton } from './forms.tsx'
import { useLoadWhenTypingPauses } from './picker.tsx'
import { ClaimMeta } from './ui/claim-meta.tsx'

export type DuplicateSuggestion = {
  id: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  speakerName: string | null
  sharedWords: string[]
  sharedNumbers: string[]
  sameSpeaker: boolean
}

/** Why a claim is suggested, in a few words: what it shares with this one. */
function reasonsOf(suggestion: DuplicateSuggestion) {
  return [
    suggestion.sameSpeaker ? 'same speaker' : null,
    suggestion.sharedNumbers.length > 0
      ? `same ${suggestion.sharedNumbers.length === 1 ? 'number' : 'numbers'} ${suggestion.sharedNumbers.join(', ')}`
      : null,
    suggestion.sharedWords.length > 0 ? `shares “${suggestion.sharedWords.slice(0, 6).join('”, “')}”` : null,
  ]
    .filter(Boolean)
    .join(' · ')
}

/** The list of suggestions; `actions` gives each one its buttons (none for viewers). */
export function DuplicateList({
  suggestions,
  actions,
  openInNewTab = false,
}: {
  suggestions: DuplicateSuggestion[]
  actions?: (suggestion: DuplicateSuggestion) => ReactNode
  openInNewTab?: boolean
}) {
  return (
    <ul className="duplicate-list">
      {suggestions.map((s) => (
        <li key={s.id}>
          <div>
            <Link to={`/claims/${s.id}`} {...(openInNewTab ? { target: '_blank', rel: 'noreferrer' } : {})}>
              #{s.id} {shorten(s.text, 200)}
            </Link>
            <ClaimMeta status={s.status} verdict={s.verdict} speakerName={s.speakerName} />
            <p className="small muted reasons">{reasonsOf(s)}</p>
          </div>
          {actions ? <div className="duplicate-actions">{actions(s)}</div> : null}
        </li>
      ))}
    </ul>
  )
}

/** Where the look-alikes will be while they are looked for (or if looking failed). */
export function DuplicatesPending({ failed = false }: { failed?: boolean }) {
  return (
    <section className="card" aria-labelledby="duplicates-heading" aria-busy={!failed}>
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <p className="small muted">
        {failed
          ? 'Look-alike claims could not be found just now; reload the page to try again.'
          : 'Looking for claims that read alike…'}
      </p>
    </section>
  )
}

/** On a claim's page: the claims most like it, each a click away from being linked. */
export function ClaimDuplicates({ suggestions, canEdit }: { suggestions: DuplicateSuggestion[]; canEdit: boolean }) {
  if (suggestions.length === 0) return null
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <p className="small muted">Claims on the desk that read alike. Link one if it states the same fact.</p>
      <DuplicateList
        suggestions={suggestions}
        actions={
          canEdit
            ? (s) => (
                <>
                  <SectionButton
                    formKey={`duplicate-${s.id}`}
                    intent="add-link"
                    fields={{ type: 'duplicate_of', otherClaim: `#${s.id}` }}
                    label="Mark as duplicate of this"
                    ariaLabel={`Mark this claim as a duplicate of #${s.id}`}
                  />
                  <SectionButton
                    formKey={`related-${s.id}`}
                    intent="add-link"
                    fields={{ type: 'related', otherClaim: `#${s.id}` }}
                    label="Related"
                    ariaLabel={`Mark this claim as related to #${s.id}`}
                  />
                </>
              )
            : undefined
        }
      />
    </section>
  )
}

/** The new-claim form and its duplicates panel share one lookup, by this fetcher key. */
const similarClaimsKey = 'similar-claims'

/** Looks for claims like the one being typed, once typing pauses (a few words are needed). */
export function useSimilarClaimsLookup() {
  const fetcher = useFetcher<{ suggestions: DuplicateSuggestion[] }>({ key: similarClaimsKey })
  const loadWhenTypingPauses = useLoadWhenTypingPauses(fetcher, 400)
  return (text: string, speaker: string) =>
    loadWhenTypingPauses(
      text.trim().length < 12 ? null : `/resources/similar-claims?${new URLSearchParams({ text, speaker })}`,
    )
}

/**
 * Beside the new-claim form: claims that may state the same fact. Each can be chosen as
 * the one the new claim duplicates or relates to; the form is saved and linked at once.
 * The buttons sit outside the form (its `form` attribute joins them), after it in the
 * page, so Enter in a field still means "Create claim".
 */
export function NewClaimDuplicates({ formId, initial }: { formId: string; initial?: DuplicateSuggestion[] }) {
  const fetcher = useFetcher<{ suggestions: DuplicateSuggestion[] }>({ key: similarClaimsKey })
  const suggestions = fetcher.data?.suggestions ?? initial ?? []
  return (
    <section className="card duplicates-panel" aria-labelledby="new-duplicates-heading" aria-live="polite">
      <h2 id="new-duplicates-heading">Possible duplicates</h2>
      {suggestions.length === 0 ? (
        <p className="small muted">
          As you type the claim, claims already on the desk that read alike appear here, with their status and verdict.
        </p>
      ) : (
        <>
          <p className="small muted">Already on the desk? Save the new claim linked to the one it repeats.</p>
          <DuplicateList
            suggestions={suggestions}
            openInNewTab
            actions={(s) => (
              <>
                <button type="submit" form={formId} name="linkAs" value={`duplicate_of:${s.id}`}>
                  Save as duplicate of #{s.id}
                </button>
                <button type="submit" form={formId} name="linkAs" value={`related:${s.id}`} className="link-button">
                  Save as related to #{s.id}
                </button>
              </>
            )}
          />
        </>
      )}
    </section>
  )
}
