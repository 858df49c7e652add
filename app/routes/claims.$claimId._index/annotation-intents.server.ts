import { parseWithZod } from '@conform-to/zod/v4'
import { addClaimNote } from '#app/domain/annotations.server.ts'
import { noteConflictMessage, threadIntents } from '#app/utils/note-intents.server.ts'
import { sectionDone, sectionInvalid, sectionRefused } from '#app/utils/responses.server.ts'
import { ClaimNoteSchema } from '#app/validation/annotation.ts'
import type { ClaimIntentHandler } from './intents.server.ts'

export const annotationIntents: Record<string, ClaimIntentHandler> = {
  'annotation-add': ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: ClaimNoteSchema })
    if (submission.status !== 'success') return sectionInvalid('annotation-add', submission)
    try {
      addClaimNote(claimId, submission.value, user)
    } catch (error) {
      return sectionRefused('annotation-add', submission, error, noteConflictMessage)
    }
    return sectionDone('annotation-add', submission)
  },
  // Replies, edits, resolving and removing: the same forms as on a source page, for this claim's notes.
  ...Object.fromEntries(
    Object.entries(threadIntents).map(([intent, handle]): [string, ClaimIntentHandler] => [
      intent,
      ({ formData, user, claimId }) => handle({ formData, user, target: { claimId } }),
    ]),
  ),
}
