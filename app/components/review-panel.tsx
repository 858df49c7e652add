import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from '@conform-to/react'
import { reviewMoveLabels } from '#app/domain/labels.ts'
import type { ClaimStatus, ReviewMove, Verdict } from '#app/domain/vocabulary.ts'
import { formatDate, formatDateTime } from '#app/utils/format.ts'
import { AssignSchema, ReviewSchema } from '#app/validation/review.ts'
import { CheckboxField, FormErrors, SelectField, TextareaField, useDeskForm, useSectionFetcher } from './forms.tsx'
import { StatusBadge, VerdictBadge } from './ui/badges.tsx'

type ClaimCheck = {
  id: number
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string | null
  version: number
  language: string
  assigneeId: string | null
  assigneeName: string | null
  submittedByName: string | null
  approvedByName: string | null
  approvedAt: string | Date | null
  createdAt: string | Date
  createdByName: string | null
  updatedAt: string | Date
  updatedByName: string | null
}

type ReviewOptions = {
  moves: Array<{ move: ReviewMove; refusal: string | null }>
  missing: string[]
  mayOverride: boolean
}

/** Where the check stands, and for editors the next steps of the review and the assignment. */
export function ReviewPanel({
  claim,
  review,
  editors,
}: {
  claim: ClaimCheck
  review: ReviewOptions | null
  editors: Array<{ id: string; name: string }>
}) {
  return (
    <section className="card" aria-labelledby="check-heading">
      <h2 id="check-heading">Check</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={claim.status} />
        </dd>
        <dt>Verdict</dt>
        <dd>
          <VerdictBadge verdict={claim.verdict} />
        </dd>
        <dt>Assignee</dt>
        <dd>{claim.assigneeName ?? <span className="muted">Nobody</span>}</dd>
        {claim.submittedByName ? (
          <>
            <dt>Checked by</dt>
            <dd>{claim.submittedByName}</dd>
          </>
        ) : null}
        {claim.approvedByName ? (
          <>
            <dt>Approved by</dt>
            <dd>
              {claim.approvedByName}
              {claim.approvedAt ? <span className="muted small"> · {formatDate(claim.approvedAt)}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>Language</dt>
        <dd>{claim.language}</dd>
        <dt>Created</dt>
        <dd className="small">
          <span className="nowrap">{formatDateTime(claim.createdAt)}</span>{' '}
          {claim.createdByName ? `by ${claim.createdByName}` : ''}
        </dd>
        <dt>Updated</dt>
        <dd className="small">
          <span className="nowrap">{formatDateTime(claim.updatedAt)}</span>{' '}
          {claim.updatedByName ? `by ${claim.updatedByName}` : ''}
        </dd>
      </dl>
      {claim.rationale ? (
        <>
          <h3 className="subhead">Rationale</h3>
          <p>{claim.rationale}</p>
        </>
      ) : null}
      {review ? <ReviewForm claim={claim} review={review} /> : null}
      {review ? <AssignForm claim={claim} editors={editors} /> : null}
    </section>
  )
}

function ReviewForm({ claim, review }: { claim: ClaimCheck; review: ReviewOptions }) {
  const { fetcher, lastResult, busy } = useSectionFetcher('review')
  const [form, fields] = useDeskForm({ id: 'review', schema: ReviewSchema, lastResult })
  const blocked = review.moves.filter((m) => m.refusal)
  return (
    <fetcher.Form method="post" className="stack-form review-form" {...getFormProps(form)}>
      <h3 className="subhead">Review</h3>
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="version" value={claim.version} />
      {claim.status === 'researching' && review.missing.length > 0 ? (
        <div className="checklist">
          <p className="small">Before it can go to review, the check needs:</p>
          <ul className="small">
            {review.missing.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormErrors id={form.errorId} errors={[...(form.errors ?? []), ...(fields.move.errors ?? [])]} />
      <TextareaField
        label="Reason or note"
        hint="Needed to send back or reject; it goes into the history."
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 2 }}
        errors={fields.reason.errors}
      />
      {review.mayOverride ? (
        <CheckboxField
          label="I approve my own check as an admin override (recorded with the reason above)"
          inputProps={getInputProps(fields.override, { type: 'checkbox' })}
          errors={fields.override.errors}
        />
      ) : null}
      <div className="actions">
        {review.moves.map(({ move }) => (
          <button
            key={move}
            type="submit"
            name="move"
            value={move}
            disabled={busy}
            className={move === 'reject' ? 'danger' : move === 'send_back' ? undefined : 'primary'}
          >
            {reviewMoveLabels[move]}
          </button>
        ))}
      </div>
      {blocked.length > 0 ? (
        <ul className="small muted refusals">
          {blocked.map((m) => (
            <li key={m.move}>
              <strong>{reviewMoveLabels[m.move]}:</strong> {m.refusal}
            </li>
          ))}
        </ul>
      ) : null}
    </fetcher.Form>
  )
}

function AssignForm({ claim, editors }: { claim: ClaimCheck; editors: Array<{ id: string; name: string }> }) {
  const { fetcher, lastResult, busy } = useSectionFetcher('assign')
  const [form, fields] = useDeskForm({
    id: 'assign',
    schema: AssignSchema,
    lastResult,
    defaultValue: { assigneeId: claim.assigneeId ?? '' },
  })
  return (
    <fetcher.Form method="post" className="stack-form assign-form" {...getFormProps(form)}>
      <h3 className="subhead">Assignment</h3>
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="expectedAssigneeId" value={claim.assigneeId ?? ''} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="inline-fields">
        <SelectField
          label="Assign to"
          selectProps={{ ...getSelectProps(fields.assigneeId), key: `${fields.assigneeId.key}-${claim.assigneeId}` }}
          options={[{ value: '', label: 'Nobody' }, ...editors.map((e) => ({ value: e.id, label: e.name }))]}
          errors={fields.assigneeId.errors}
        />
        <button type="submit" disabled={busy}>
          Assign
        </button>
      </div>
    </fetcher.Form>
  )
}
