import { z } from 'zod'
import { speakerKinds } from '#app/domain/vocabulary.ts'
import { optionalText, recordId, requiredText, version, withoutControlCharacters } from './common.ts'

const speakerFields = {
  name: requiredText('Name', 200),
  kind: z.enum(speakerKinds, { error: 'Pick person or organisation.' }).default('person'),
  role: optionalText('Role', 200),
  organisation: optionalText('Organisation', 200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as DE, RU or KP.')
    .optional(),
  wikidataId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^Q[1-9][0-9]{0,11}$/, 'A Wikidata id looks like Q7747.')
    .optional(),
  // One alias per line: other spellings and transliterations of the name.
  aliases: z
    .string()
    .max(4000, 'Aliases can be at most 4000 characters in all.')
    .refine(...withoutControlCharacters('An alias'))
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? '')
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.every((a) => a.length <= 200), 'Each alias can be at most 200 characters.'),
}

export const SpeakerCreateSchema = z.object(speakerFields)
export const SpeakerEditSchema = z.object({ ...speakerFields, version })
export type SpeakerInput = z.infer<typeof SpeakerCreateSchema>

/** Step one of a merge: the speaker to merge into, typed or picked from the suggestions. */
export const SpeakerMergeTargetSchema = z.object({
  into: requiredText('The speaker to merge into', 200),
  intoId: recordId('Speaker').optional(),
})

/** Step two: the confirmed merge, with both versions the preview showed. */
export const SpeakerMergeSchema = z.object({
  intoSpeakerId: recordId('Speaker'),
  speakerVersion: version,
  intoVersion: version,
})
export type SpeakerMergeInput = z.infer<typeof SpeakerMergeSchema> & { speakerId: number }
