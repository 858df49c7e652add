import { z } from 'zod'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import {
  languageCode,
  optionalIsoDate,
  optionalText,
  pageCursor,
  recordId,
  requiredText,
  version,
  withoutControlCharacters,
} from './common.ts'
import { requireNewSourceTitle, sourceChoiceFields } from './source.ts'

export const claimLimits = { text: 1000, quote: 2000, rationale: 5000, tags: 500, tag: 40 }

/** Tags as typed: separated by commas, lower-cased, each once. Also read by the importer. */
export const tagList = z
  .string()
  .max(claimLimits.tags, `Tags can be at most ${claimLimits.tags} characters in all.`)
  .refine(...withoutControlCharacters('A tag'))
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

/**
 * "Save as duplicate of #12" on the new-claim form: the claim is created and linked in
 * one step, as `duplicate_of:12` or `related:12`.
 */
const linkOnCreate = z
  .string()
  .regex(/^(duplicate_of|related):\d{1,15}$/, 'Pick the claim to link from the suggestions.')
  .transform((value) => {
    const [type, id] = value.split(':') as ['duplicate_of' | 'related', string]
    return { type, toClaimId: Number(id) }
  })

export const ClaimCreateSchema = z
  .object({ ...claimFields, linkAs: linkOnCreate.optional() })
  .superRefine(requireNewSourceTitle)
export const ClaimEditSchema = z.object({ ...claimFields, version }).superRefine(requireNewSourceTitle)

export type ClaimInput = z.infer<typeof ClaimCreateSchema>

export const ClaimDeleteSchema = z.object({ intent: z.literal('delete'), version })

const sortValues = ['relevance', 'updated', 'created'] as const
const orderValues = ['desc', 'asc'] as const

/**
 * The claims list's URL query: the whole view, so a link or a saved view reopens it.
 * Anything unknown falls back instead of erroring: only hand-edited URLs have it.
 */
export const ClaimListQuerySchema = z.object({
  q: z.string().trim().max(300).optional().catch(undefined),
  status: z.enum(claimStatuses).optional().catch(undefined),
  verdict: z.enum(verdicts).optional().catch(undefined),
  // A speaker or source picked from the suggestions arrives as its id, a typed one as its name.
  speaker: recordId('Speaker').optional().catch(undefined),
  speakerName: z.string().trim().max(200).optional().catch(undefined),
  source: recordId('Source').optional().catch(undefined),
  sourceName: z.string().trim().max(2000).optional().catch(undefined),
  outlet: z.string().trim().max(200).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(40).optional().catch(undefined),
  assignee: z
    .union([z.enum(['me', 'none']), z.uuid()])
    .optional()
    .catch(undefined),
  // Without a search there is no relevance: the list falls back to the latest change.
  sort: z.enum(sortValues).optional().catch(undefined),
  order: z.enum(orderValues).default('desc').catch('desc'),
  after: pageCursor.optional().catch(undefined),
  before: pageCursor.optional().catch(undefined),
})
export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>

/** True when the query narrows the list (sorting and paging do not). */
export function isFilteredQuery(query: ClaimListQuery) {
  return Boolean(
    query.q ||
    query.status ||
    query.verdict ||
    query.speaker ||
    query.speakerName ||
    query.source ||
    query.sourceName ||
    query.outlet ||
    query.tag ||
    query.assignee,
  )
}

/**
 * The list query as a URL query string, without paging and defaults: how saved views
 * store a view and how the list links to itself. A picked speaker or source is kept by
 * id; its typed name only when it named no one, so the message comes back with the view.
 */
export function claimListSearch(query: ClaimListQuery) {
  const params = new URLSearchParams()
  // In the schema's order, so one view is one string however its URL was written.
  for (const key of Object.keys(ClaimListQuerySchema.shape) as Array<keyof ClaimListQuery>) {
    const value = query[key]
    if (value === undefined || key === 'after' || key === 'before') continue
    if (key === 'order' && value === 'desc') continue
    if ((key === 'speakerName' && query.speaker) || (key === 'sourceName' && query.source)) continue
    params.set(key, String(value))
  }
  return params.toString()
}

export const savedViewLimits = { name: 60, perPerson: 100 }

export const SavedViewSaveSchema = z.object({
  intent: z.literal('save-view'),
  name: requiredText('The view’s name', savedViewLimits.name),
  // What the list showed when the editor saved it; read again, never stored as posted.
  query: z.string().max(5000).default(''),
  replace: z.boolean().optional(),
})

export const SavedViewDeleteSchema = z.object({
  intent: z.literal('delete-view'),
  viewId: recordId('Saved view'),
})
