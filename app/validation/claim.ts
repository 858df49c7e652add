import { z } from 'zod'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import { languageCode, optionalIsoDate, optionalText, recordId, requiredText, version } from './common.ts'
import { requireNewSourceTitle, sourceChoiceFields } from './source.ts'

export const claimLimits = { text: 1000, quote: 2000, rationale: 5000, tags: 500, tag: 40 }

const tagList = z
  .string()
  .max(claimLimits.tags, `Tags can be at most ${claimLimits.tags} characters in all.`)
  .optional()
  .transform((value) => [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .refine((tags) => tags.every((t) => t.length <= claimLimits.tag), {
    message: `Each tag can be at most ${claimLimits.tag} characters.`,
  })
  .refine((tags) => tags.length <= 20, { message: 'A claim can have at most 20 tags.' })

/** Claim fields plus the inline speaker and source pickers; shared by create and edit. */
const claimFields = {
  text: requiredText('The claim', claimLimits.text, 3),
  quote: optionalText('The quote', claimLimits.quote),
  language: languageCode.default('de'),
  claimedOn: optionalIsoDate('The date made'),
  tags: tagList,
  speakerName: optionalText('Speaker', 200),
  speakerId: recordId('Speaker').optional(),
  newSpeaker: z.boolean().optional(),
  newSpeakerRole: optionalText('Role', 200),
  ...sourceChoiceFields,
  verdict: z.enum(verdicts, { error: 'Pick one of the listed verdicts.' }).optional(),
  rationale: optionalText('The rationale', claimLimits.rationale),
}

export const ClaimCreateSchema = z.object(claimFields).superRefine(requireNewSourceTitle)
export const ClaimEditSchema = z.object({ ...claimFields, version }).superRefine(requireNewSourceTitle)

export type ClaimInput = z.infer<typeof ClaimCreateSchema>

export const ClaimDeleteSchema = z.object({ intent: z.literal('delete'), version })

const sortValues = ['relevance', 'updated', 'created'] as const
const orderValues = ['desc', 'asc'] as const

/** The claims list's URL query; anything unknown falls back instead of erroring. */
export const ClaimListQuerySchema = z.object({
  q: z.string().trim().max(300).optional().catch(undefined),
  status: z.enum(claimStatuses).optional().catch(undefined),
  verdict: z.enum(verdicts).optional().catch(undefined),
  speaker: recordId('Speaker').optional().catch(undefined),
  source: recordId('Source').optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
  assignee: z
    .union([z.enum(['me', 'none']), z.uuid()])
    .optional()
    .catch(undefined),
  // Without a search there is no relevance: the list falls back to the latest change.
  sort: z.enum(sortValues).optional().catch(undefined),
  order: z.enum(orderValues).default('desc').catch('desc'),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
})
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>

/** True when the query narrows the list (sorting and paging do not). */
export function isFilteredQuery(query: ClaimListQuery) {
  return Boolean(
    query.q || query.status || query.verdict || query.speaker || query.source || query.tag || query.assignee,
  )
}
