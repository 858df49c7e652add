// The note forms every annotated page shares (reply, edit, resolve, reopen, remove),
// turned into domain calls and answered so the asking form, and only it, shows the result.
import type { Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import {
  editNote,
  removeNote,
  replyToNote,
  setThreadResolved,
  type Annotator,
  type AnnotationTarget,
  type NoteConflict,
} from '#app/domain/annotations.server.ts'
import { AnnotationEditSchema, AnnotationReplySchema, AnnotationStateSchema } from '#app/validation/annotation.ts'
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from './errors.server.ts'
import { notFound } from './responses.server.ts'

/** What a note form gets back; `intent` and `annotationId` say which form asked. */
export type NoteActionData = {
  intent: string
  annotationId: number | null
  result: SubmissionResult<string[]>
  /** After a conflicting edit: the version now saved, so saving again is a deliberate overwrite. */
  currentVersion?: number
}

/**
 * Runs `change` with the parsed form and answers: schema and rule errors next to the
 * fields (400), a stale edit as a form message (409), a note removed meanwhile as a form
 * message (404); a request for what this user may not do is refused outright (403).
 */
export function answerNoteForm<Value>(
  submission: Submission<unknown, string[], Value>,
  { intent, annotationId, resetOnSuccess }: { intent: string; annotationId: number | null; resetOnSuccess: boolean },
  change: (value: Value) => unknown,
) {
  const answer = (result: SubmissionResult<string[]>, status = 200, currentVersion?: number) =>
    data<NoteActionData>({ intent, annotationId, result, currentVersion }, { status })
  if (submission.status !== 'success') return answer(submission.reply(), 400)
  try {
    change(submission.value)
  } catch (error) {
    if (error instanceof ConflictError) {
      return answer(
        submission.reply({
          formErrors: [
            'Someone else edited this note after you opened it, so your change was not saved. Their text is shown above; save again to replace it with yours.',
          ],
        }),
        409,
        (error.current as NoteConflict).version,
      )
    }
    if (error instanceof FieldError) return answer(submission.reply({ fieldErrors: error.fieldErrors }), 400)
    if (error instanceof NotFoundError && error.what === 'Note') {
      return answer(submission.reply({ formErrors: ['This note has been removed in the meantime.'] }), 404)
    }
    if (error instanceof NotFoundError) notFound(`${error.what} no longer exists.`)
    if (error instanceof ForbiddenError) throw data({ message: error.message }, { status: 403 })
    throw error
  }
  return answer(resetOnSuccess ? submission.reply({ resetForm: true }) : submission.reply())
}

const threadIntents = [
  'annotation-reply',
  'annotation-edit',
  'annotation-resolve',
  'annotation-reopen',
  'annotation-remove',
]

export function isThreadIntent(intent: FormDataEntryValue | null) {
  return typeof intent === 'string' && threadIntents.includes(intent)
}

/** Reply, edit, resolve, reopen or remove a note of `target`, as the form's intent says. */
export function handleThreadIntent(formData: FormData, target: AnnotationTarget, user: Annotator) {
  const intent = String(formData.get('intent'))
  const rawId = Number(formData.get('annotationId'))
  const form = { intent, annotationId: Number.isSafeInteger(rawId) && rawId > 0 ? rawId : null }
  if (intent === 'annotation-reply') {
    const submission = parseWithZod(formData, { schema: AnnotationReplySchema })
    return answerNoteForm(submission, { ...form, resetOnSuccess: true }, (value) =>
      replyToNote(target, value.annotationId, value, user),
    )
  }
  if (intent === 'annotation-edit') {
    const submission = parseWithZod(formData, { schema: AnnotationEditSchema })
    return answerNoteForm(submission, { ...form, resetOnSuccess: false }, (value) =>
      editNote(target, value.annotationId, value, user),
    )
  }
  const submission = parseWithZod(formData, { schema: AnnotationStateSchema })
  return answerNoteForm(submission, { ...form, resetOnSuccess: true }, (value) =>
    value.intent === 'annotation-remove'
      ? removeNote(target, value.annotationId, user)
      : setThreadResolved(target, value.annotationId, value.intent === 'annotation-resolve', user),
  )
}
