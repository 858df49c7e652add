import { z } from 'zod'
import { evidenceRoles } from '#app/domain/vocabulary.ts'
import { optionalText, recordId } from './common.ts'
import { requireNewSourceTitle, sourceChoiceFields } from './source.ts'

export const EvidenceAttachSchema = z
  .object({
    intent: z.literal('attach-evidence'),
    role: z.enum(evidenceRoles, { error: 'Pick what the source does for the claim.' }),
    note: optionalText('The note', 2000),
    ...sourceChoiceFields,
  })
  .superRefine(requireNewSourceTitle)
export type EvidenceInput = z.infer<typeof EvidenceAttachSchema>

export const EvidenceRemoveSchema = z.object({
  intent: z.literal('remove-evidence'),
  evidenceId: recordId('Evidence'),
})
