// A thread of notes (the first note and its replies) with the forms to answer, edit,
// resolve, reopen and remove, as the claim page and the source page both show it. Every
// form posts to the page's own action by intent: through a fetcher with JavaScript, as
// a plain form without.
import { getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import type { NoteThread } from '#app/domain/annotations.server.ts'
import { annotationKindLabels } from '#app/domain/labels.ts'
import { annotationKinds, type AnnotationKind } from '#app/domain/vocabulary.ts'
import { formatDateTime } from '#app/utils/format.ts'
import { AnnotationEditSchema, AnnotationReplySchema, noteFormKey } from '#app/validation/annotation.ts'
import {
  FoldedForm,
  FormActions,
  SectionButton,
  SelectField,
  TextareaField,
  useDeskForm,
  useSectionFetcher,
} from './forms.tsx'

type ThreadView = Omit<NoteThread, 'anchor'>
type NoteView = ThreadView['replies'][number]

const kindOptions = annotationKinds.map((k) => ({ value: k, label: annotationKindLabels[k] }))

/** The kind and the text of a note that starts a thread, as every such form asks for them. */
export function NoteKindAndText({
  kind,
  body,
  kindHint,
  autoFocus,
}: {
  // Conform types each form's fields by its schema; only these two matter here.
  kind: FieldMetadata<unknown, Record<string, unknown>, string[]>
  body: FieldMetadata<unknown, Record<string, unknown>, string[]>
  kindHint?: string
  autoFocus?: boolean
}) {
  return (
    <>
      <SelectField
        label="Kind"
        hint={kindHint}
        selectProps={getSelectProps(kind)}
        options={kindOptions}
        errors={kind.errors}
      />
      <TextareaField
        label="Note"
        textareaProps={{ ...getTextareaProps(body), rows: 3, autoFocus }}
        errors={body.errors}
      />
    </>
  )
}

/** The fetcher of one note form (see `noteFormKey`) and the server's last answer to it. */
export function useNoteForm(intent: string, annotationId?: number) {
  return useSectionFetcher(noteFormKey(intent, annotationId))
}

function KindBadge({ kind }: { kind: AnnotationKind }) {
  return <span className={`badge kind-${kind}`}>{annotationKindLabels[kind]}</span>
}

function NoteByline({ note }: { note: NoteView }) {
  return (
    <>
      <strong>{note.authorName}</strong>{' '}
      <time className="muted nowrap" dateTime={new Date(note.createdAt).toISOString()}>
        {formatDateTime(note.createdAt)}
      </time>
      {note.edited ? <span className="muted"> · edited</span> : null}
    </>
  )
}

/** A button that changes a note's state (resolve, reopen, remove) and shows why it could not. */
function NoteButton({
  annotationId,
  intent,
  label,
  className,
}: {
  annotationId: number
  intent: 'annotation-resolve' | 'annotation-reopen' | 'annotation-remove'
  label: string
  className?: string
}) {
  return (
    <SectionButton
      formKey={noteFormKey(intent, annotationId)}
      intent={intent}
      fields={{ annotationId }}
      label={label}
      className={className}
      formClassName="note-button"
    />
  )
}

function EditNoteForm({ note, kind }: { note: NoteView; kind?: AnnotationKind }) {
  const { fetcher, lastResult, busy } = useNoteForm('annotation-edit', note.id)
  const [form, fields] = useDeskForm({
    id: `note-edit-${note.id}`,
    schema: AnnotationEditSchema,
    lastResult,
    defaultValue: { body: note.body, kind },
  })
  return (
    <FoldedForm
      summary="Edit"
      className="note-form"
      fetcher={fetcher}
      form={form}
      lastResult={lastResult}
      // The version on the page: after a refused save, the one just saved by someone else.
      hidden={{ intent: 'annotation-edit', annotationId: note.id, version: note.version }}
      errors={fields.version.errors}
    >
      {kind ? (
        <SelectField
          label="Kind"
          selectProps={getSelectProps(fields.kind)}
          options={kindOptions}
          errors={fields.kind.errors}
        />
      ) : null}
      <TextareaField
        label="Text"
        textareaProps={{ ...getTextareaProps(fields.body), rows: 4 }}
        errors={fields.body.errors}
      />
      <FormActions submitLabel="Save note" busy={busy} />
    </FoldedForm>
  )
}

function ReplyForm({ threadId }: { threadId: number }) {
  const { fetcher, lastResult, busy } = useNoteForm('annotation-reply', threadId)
  const [form, fields] = useDeskForm({
    id: `note-reply-${threadId}`,
    schema: AnnotationReplySchema,
    lastResult,
  })
  return (
    <FoldedForm
      summary="Reply"
      className="note-form"
      fetcher={fetcher}
      form={form}
      lastResult={lastResult}
      hidden={{ intent: 'annotation-reply', annotationId: threadId }}
    >
      <TextareaField
        label="Your reply"
        textareaProps={{ ...getTextareaProps(fields.body), rows: 3 }}
        errors={fields.body.errors}
      />
      <FormActions submitLabel="Post reply" busy={busy} />
    </FoldedForm>
  )
}

/**
 * One thread: its first note with kind, author, time and state, what the reader may do
 * to it, its replies, and a reply form. `children` go between the heading and the text
 * (the passage a source note is about).
 */
export function NoteThreadView({
  thread,
  label,
  children,
}: {
  thread: ThreadView
  label?: ReactNode
  children?: ReactNode
}) {
  const resolved = thread.resolvedAt !== null
  const headId = `note-${thread.id}-head`
  return (
    <article className={`note-thread${resolved ? ' resolved' : ''}`} id={`note-${thread.id}`} aria-labelledby={headId}>
      <div className="note-head small" id={headId}>
        {label}
        <KindBadge kind={thread.kind} />
        {resolved ? <span className="badge status-verified">Resolved</span> : null} <NoteByline note={thread} />
      </div>
      {children}
      <p className="note-body">{thread.body}</p>
      {resolved && thread.resolvedAt ? (
        <p className="small muted">
          Resolved by {thread.resolvedByName ?? 'someone'} on {formatDateTime(thread.resolvedAt)}.
        </p>
      ) : null}
      {thread.canRespond || thread.canEdit ? (
        <div className="note-actions">
          {thread.canRespond ? (
            <NoteButton
              annotationId={thread.id}
              intent={resolved ? 'annotation-reopen' : 'annotation-resolve'}
              label={resolved ? 'Reopen' : 'Resolve'}
            />
          ) : null}
          {thread.canEdit ? (
            <NoteButton annotationId={thread.id} intent="annotation-remove" label="Remove" className="danger" />
          ) : null}
          {thread.canEdit ? <EditNoteForm note={thread} kind={thread.kind} /> : null}
        </div>
      ) : null}
      {thread.replies.length > 0 ? (
        <ol className="note-replies" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} id={`note-${reply.id}`}>
              <div className="small">
                <NoteByline note={reply} />
              </div>
              <p className="note-body">{reply.body}</p>
              {reply.canEdit ? (
                <div className="note-actions">
                  <NoteButton annotationId={reply.id} intent="annotation-remove" label="Remove" className="danger" />
                  <EditNoteForm note={reply} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {thread.canRespond ? <ReplyForm threadId={thread.id} /> : null}
    </article>
  )
}
