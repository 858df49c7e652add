import { getSelectProps, getTextareaProps } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { linkLabels } from '#app/domain/labels.ts'
import { linkTypes, type ClaimStatus, type LinkType, type Verdict } from '#app/domain/vocabulary.ts'
import { shorten } from '#app/utils/format.ts'
import { LinkAddSchema } from '#app/validation/link.ts'
import { ClaimGraph, type ClaimGraphData } from './claim-graph.tsx'
import {
  FoldedForm,
  FormActions,
  SectionButton,
  SelectField,
  TextareaField,
  useDeskForm,
  useSectionFetcher,
} from './forms.tsx'
import { Picker } from './picker.tsx'
import { ClaimMeta } from './ui/claim-meta.tsx'

type LinkView = {
  id: number
  type: LinkType
  direction: 'outgoing' | 'incoming'
  note: string | null
  otherId: number
  otherText: string
  otherStatus: ClaimStatus
  otherVerdict: Verdict | null
  otherTrashed: boolean
}

type CanonicalView = {
  id: number
  text: string
  status: ClaimStatus
  verdict: Verdict | null
  trashed: boolean
  via: number[]
}

/** At the top of a duplicate's page: the claim to check instead, at the end of the chain. */
export function CanonicalBanner({ canonical }: { canonical: CanonicalView | null }) {
  if (!canonical) return null
  return (
    <div className="alert info canonical-banner">
      <p>
        <strong>Duplicate.</strong> Check the canonical claim instead:{' '}
        <Link to={`/claims/${canonical.id}`}>
          #{canonical.id} {shorten(canonical.text, 200)}
        </Link>
      </p>
      <ClaimMeta status={canonical.status} verdict={canonical.verdict} />
      {canonical.via.length > 0 ? (
        <p className="small">
          This claim is marked as a duplicate of{' '}
          {canonical.via.map((id, i) => (
            <span key={id}>
              {i > 0 ? ', which duplicates ' : null}
              <Link to={`/claims/${id}`}>#{id}</Link>
            </span>
          ))}
          , which duplicates #{canonical.id}.
        </p>
      ) : null}
      {canonical.trashed ? (
        <p className="small">The canonical claim is in the trash; restore it or remove the duplicate link.</p>
      ) : null}
    </div>
  )
}

/**
 * The claims linked to this one, each read from this claim's end ("is contradicted by"),
 * the graph of its neighbourhood above them, and for editors the forms to change them.
 */
export function ClaimLinks({
  claimId,
  links,
  graph,
  canEdit,
}: {
  claimId: number
  links: LinkView[]
  graph: ClaimGraphData
  canEdit: boolean
}) {
  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">Linked claims</h2>
      <ClaimGraph claimId={claimId} graph={graph} />
      {links.length === 0 ? (
        <p className="muted">Not linked to other claims.</p>
      ) : (
        <ul className="plain link-list">
          {links.map((l) => (
            <li key={l.id}>
              <div>
                <span className="link-relation">This claim {linkLabels[l.type][l.direction]}</span>{' '}
                <Link to={`/claims/${l.otherId}`}>
                  #{l.otherId} {shorten(l.otherText, 160)}
                </Link>
                {l.otherTrashed ? <span className="badge in-trash">In the trash</span> : null}
                {canEdit ? (
                  <SectionButton
                    formKey={`remove-link-${l.id}`}
                    intent="remove-link"
                    fields={{ linkId: l.id }}
                    label="Remove"
                    ariaLabel={`Remove link: this claim ${linkLabels[l.type][l.direction]} #${l.otherId}`}
                    className="link-button"
                  />
                ) : null}
              </div>
              <ClaimMeta status={l.otherStatus} verdict={l.otherVerdict} />
              {l.note ? <p className="small link-note">{l.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AddLinkForm /> : null}
    </section>
  )
}

function AddLinkForm() {
  const { fetcher, lastResult, busy } = useSectionFetcher('add-link')
  const [form, fields] = useDeskForm({ id: 'add-link', schema: LinkAddSchema, lastResult })
  const initial = (form.initialValue ?? {}) as Record<string, string | undefined>
  return (
    <FoldedForm
      summary="Link another claim"
      fetcher={fetcher}
      form={form}
      lastResult={lastResult}
      hidden={{ intent: 'add-link' }}
    >
      <SelectField
        label="This claim …"
        selectProps={getSelectProps(fields.type)}
        options={[
          { value: '', label: '— pick how they relate —' },
          ...linkTypes.map((type) => ({ value: type, label: linkLabels[type].outgoing })),
        ]}
        errors={fields.type.errors}
      />
      <Picker
        key={fields.otherClaim.key}
        label="Other claim"
        hint="Its number, like #12, or words from its text; pick from the suggestions."
        name="otherClaim"
        defaultValue={initial.otherClaim ?? ''}
        errors={fields.otherClaim.errors}
        resource="/resources/claims"
      />
      <TextareaField
        label="Note (optional)"
        hint="Why they are linked: the same figure, a later statement, a contradiction in the numbers."
        textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
        errors={fields.note.errors}
      />
      <FormActions submitLabel="Add link" busy={busy} />
    </FoldedForm>
  )
}
