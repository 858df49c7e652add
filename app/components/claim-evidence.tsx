import { getSelectProps, getTextareaProps } from '@conform-to/react'
import { Link } from '@remix-run/react'
import { evidenceRoleLabels } from '#app/domain/labels.ts'
import { evidenceRoles, type EvidenceRole } from '#app/domain/vocabulary.ts'
import { EvidenceAttachSchema } from '#app/validation/evidence.ts'
import {
  FoldedForm,
  FormActions,
  SectionButton,
  SelectField,
  TextareaField,
  useDeskForm,
  useSectionFetcher,
} from './forms.tsx'
import { SourceChoiceFieldset } from './source-choice.tsx'
import { ExternalLink } from './ui/external-link.tsx'

type EvidenceView = {
  id: number
  role: EvidenceRole
  note: string | null
  addedByName: string | null
  sourceId: number
  title: string
  outlet: string | null
  url: string | null
  publishedOn: string | null
}

/** The sources the claim's check rests on, and for editors the forms to change them. */
export function ClaimEvidence({
  evidence,
  claimSourceId,
  canEdit,
}: {
  evidence: EvidenceView[]
  claimSourceId: number | null
  canEdit: boolean
}) {
  return (
    <section className="card" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      {evidence.length === 0 ? (
        <p className="muted">No sources attached yet.</p>
      ) : (
        <ul className="plain">
          {evidence.map((e) => (
            <li key={e.id}>
              <div>
                <span className={`badge role-${e.role}`}>{evidenceRoleLabels[e.role]}</span>{' '}
                <Link to={`/sources/${e.sourceId}`}>{e.title}</Link>
                {e.outlet ? <span className="muted"> · {e.outlet}</span> : null}
                {e.publishedOn ? <span className="muted"> · {e.publishedOn}</span> : null}
                {canEdit && !(e.role === 'origin' && e.sourceId === claimSourceId) ? (
                  <SectionButton
                    formKey={`remove-evidence-${e.id}`}
                    intent="remove-evidence"
                    fields={{ evidenceId: e.id }}
                    label="Remove"
                    ariaLabel={`Remove evidence “${e.title}”`}
                    className="link-button"
                  />
                ) : null}
              </div>
              {e.url ? (
                <div className="small">
                  <ExternalLink href={e.url} />
                </div>
              ) : null}
              {e.note ? <p className="small">{e.note}</p> : null}
              {e.addedByName ? <p className="small muted">Added by {e.addedByName}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? <AttachEvidenceForm /> : null}
    </section>
  )
}

function AttachEvidenceForm() {
  const { fetcher, lastResult, busy } = useSectionFetcher('attach-evidence')
  const [form, fields] = useDeskForm({
    id: 'attach-evidence',
    schema: EvidenceAttachSchema,
    lastResult,
    defaultValue: { role: 'supports' },
  })
  const initial = (form.initialValue ?? {}) as Record<string, string | undefined>
  return (
    <FoldedForm
      summary="Attach evidence"
      fetcher={fetcher}
      form={form}
      lastResult={lastResult}
      hidden={{ intent: 'attach-evidence' }}
    >
      <SelectField
        label="What the source does"
        selectProps={getSelectProps(fields.role)}
        options={evidenceRoles.map((role) => ({ value: role, label: evidenceRoleLabels[role] }))}
        errors={fields.role.errors}
      />
      <SourceChoiceFieldset legend="Source" fields={fields} initial={initial} />
      <TextareaField
        label="Note (optional)"
        hint="What in the source matters for the check: a figure, a passage, a page."
        textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
        errors={fields.note.errors}
      />
      <FormActions submitLabel="Attach evidence" busy={busy} />
    </FoldedForm>
  )
}
