import { getFormProps } from '@conform-to/react'
import type { ClaimNotes } from '#app/domain/annotations.server.ts'
import { ClaimNoteSchema } from '#app/validation/annotation.ts'
import { NoteKindAndText, NoteThreadView, useNoteForm } from './annotation-thread.tsx'
import { FormActions, FormErrors, useDeskForm } from './forms.tsx'

/** The editors' discussion of a claim: open threads first, resolved ones folded away, and a form to start one. */
export function ClaimAnnotations({ notes }: { notes: ClaimNotes }) {
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {notes.open.length === 0 ? (
        <p className="muted">{notes.resolved.length > 0 ? 'Every note is resolved.' : 'No notes yet.'}</p>
      ) : (
        <div className="note-list">
          {notes.open.map((thread) => (
            <NoteThreadView key={thread.id} thread={thread} />
          ))}
        </div>
      )}
      {notes.resolved.length > 0 ? (
        <details className="notes-resolved">
          <summary>Resolved notes ({notes.resolved.length})</summary>
          <div className="note-list">
            {notes.resolved.map((thread) => (
              <NoteThreadView key={thread.id} thread={thread} />
            ))}
          </div>
        </details>
      ) : null}
      {notes.canAnnotate ? <AddNoteForm /> : null}
    </section>
  )
}

function AddNoteForm() {
  const { fetcher, lastResult, busy } = useNoteForm('annotation-add')
  const [form, fields] = useDeskForm({
    id: 'annotation-add',
    schema: ClaimNoteSchema,
    lastResult,
    defaultValue: { kind: 'note' },
  })
  return (
    <fetcher.Form method="post" className="stack-form add-note" {...getFormProps(form)}>
      <h3>Add a note</h3>
      <input type="hidden" name="intent" value="annotation-add" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <NoteKindAndText
        kind={fields.kind}
        body={fields.body}
        kindHint="A question to answer, evidence found, a decision taken, or just a note."
      />
      <FormActions submitLabel="Add note" busy={busy} />
    </fetcher.Form>
  )
}
