import { z } from 'zod'
import { annotationKinds } from '#app/domain/vocabulary.ts'
import { claimLimits } from './claim.ts'
import { recordId, requiredText, version, withoutControlCharacters } from './common.ts'

const annotationLimits = { body: 5000, passage: 5000 }

const kind = z.enum(annotationKinds, { error: 'Pick note, question, evidence or decision.' })
const body = requiredText('The note', annotationLimits.body)
const annotationId = recordId('Note')
const offset = z.coerce
  .number({ error: 'The selection was not understood; select the passage again.' })
  .int('The selection was not understood; select the passage again.')
  .min(0, 'The selection was not understood; select the passage again.')
  .max(Number.MAX_SAFE_INTEGER)

/** A note on a claim: starts a thread. */
export const ClaimNoteSchema = z.object({
  intent: z.literal('annotation-add'),
  kind,
  body,
})

/**
 * A note on a passage of a source's excerpt. With JavaScript the page sends the selected
 * passage with its offsets and the server checks them against its own copy of the
 * excerpt; without, the editor pastes the passage and the server finds it.
 */
export const PassageNoteSchema = z
  .object({
    intent: z.literal('annotation-passage'),
    kind,
    body,
    passage: z
      .string({ error: 'Paste the passage from the excerpt that the note is about.' })
      .trim()
      .min(1, 'Paste the passage from the excerpt that the note is about.')
      .max(annotationLimits.passage, `A passage can be at most ${annotationLimits.passage} characters.`)
      .refine(...withoutControlCharacters('The passage')),
    startOffset: offset.optional(),
    endOffset: offset.optional(),
  })
  .superRefine((value, ctx) => {
    const given = [value.startOffset, value.endOffset].filter((o) => o !== undefined).length
    if (given === 1 || (given === 2 && value.endOffset! <= value.startOffset!)) {
      ctx.addIssue({
        code: 'custom',
        path: ['passage'],
        message: 'The selection was not understood; select the passage again.',
      })
    }
  })
export type PassageNoteInput = z.infer<typeof PassageNoteSchema>

export const AnnotationReplySchema = z.object({
  intent: z.literal('annotation-reply'),
  annotationId,
  body,
})

/** Editing a thread's first note may change its kind; a reply has no kind to change. */
export const AnnotationEditSchema = z.object({
  intent: z.literal('annotation-edit'),
  annotationId,
  kind: kind.optional(),
  body,
  version,
})

export const AnnotationStateSchema = z.object({
  intent: z.enum(['annotation-resolve', 'annotation-reopen', 'annotation-remove']),
  annotationId,
})

/**
 * "Create claim from passage": the new-claim page's query. A stale or tampered link
 * (an unknown source, an over-long quote) just starts a blank form.
 */
export const ClaimFromPassageQuerySchema = z.object({
  source: recordId('Source').optional().catch(undefined),
  quote: z.string().trim().min(1).max(claimLimits.quote).optional().catch(undefined),
})

/**
 * Which form a reply answers, on pages with many note forms: the intent and, for a
 * form about one note, that note's id. The page's action and its components both use it.
 */
export function noteFormKey(intent: string, annotationId?: FormDataEntryValue | number | null) {
  return annotationId === undefined || annotationId === null ? intent : `${intent}-${String(annotationId)}`
}
