// The forms of a note thread (reply, edit, resolve, reopen, remove) are the same on every
// page that shows threads; each page's action hands these handlers the claim or source
// whose notes it shows, so a note of another page can never be changed through it.
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import type { SessionUser } from '#app/auth/session.server.ts'
import {
  editNote,
  removeNote,
  replyToNote,
  setThreadResolved,
  type AnnotationTarget,
} from '#app/domain/annotations.server.ts'
import {
  AnnotationEditSchema,
  AnnotationReplySchema,
  AnnotationStateSchema,
  noteFormKey,
} from '#app/validation/annotation.ts'
import { sectionDone, sectionInvalid, sectionRefused } from './responses.server.ts'

type NoteIntentArgs = { formData: FormData; user: SessionUser; target: AnnotationTarget }

export const noteConflictMessage =
  'Someone else edited this note after you opened it, so your change was not saved. Their text is now shown above; save again to replace it with yours.'

/** A handler that parses one note form, runs one domain change and answers that form. */
function noteForm<Schema extends z.ZodType>(
  schema: Schema,
  change: (value: z.output<Schema>, args: NoteIntentArgs) => unknown,
) {
  return (args: NoteIntentArgs) => {
    const form = noteFormKey(String(args.formData.get('intent')), args.formData.get('annotationId'))
    const submission = parseWithZod(args.formData, { schema })
    if (submission.status !== 'success') return sectionInvalid(form, submission)
    try {
      change(submission.value, args)
    } catch (error) {
      return sectionRefused(form, submission, error, noteConflictMessage)
    }
    return sectionDone(form, submission)
  }
}

export const threadIntents: Record<string, (args: NoteIntentArgs) => unknown> = {
  'annotation-reply': noteForm(AnnotationReplySchema, (value, { target, user }) =>
    replyToNote(target, value.annotationId, value, user),
  ),
  'annotation-edit': noteForm(AnnotationEditSchema, (value, { target, user }) =>
    editNote(target, value.annotationId, value, user),
  ),
  'annotation-resolve': noteForm(AnnotationStateSchema, (value, { target, user }) =>
    setThreadResolved(target, value.annotationId, true, user),
  ),
  'annotation-reopen': noteForm(AnnotationStateSchema, (value, { target, user }) =>
    setThreadResolved(target, value.annotationId, false, user),
  ),
  'annotation-remove': noteForm(AnnotationStateSchema, (value, { target, user }) =>
    removeNote(target, value.annotationId, user),
  ),
}
