import { z } from 'zod'
import { claimStatuses, verdicts } from '#app/domain/vocabulary.ts'
import { isoDate, recordId } from './common.ts'

export const exportFormats = ['csv', 'xlsx', 'jsonld', 'json'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** An instant given as a date (midnight UTC) or a full ISO 8601 time, as scripts send it. */
const instant = (label: string) =>
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
      `${label} must be a date like 2024-11-01 or a time like 2024-11-01T08:00:00Z.`,
    )
    .transform((value, ctx) => {
      const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value)
      if (Number.isNaN(time)) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a real date.` })
        return z.NEVER
      }
      return new Date(time)
    })

const blankAsMissing = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsMissing, schema.optional())

/**
 * What to export, from the export page's form, the download URLs or the command line.
 * Unlike the claims list, a filter that makes no sense is an error, never dropped:
 * dropping it would quietly export more claims than were asked for.
 */
const exportFilterFields = {
  // The sheet is the verified claims unless asked otherwise; `any` is every live claim.
  status: z.preprocess(
    blankAsMissing,
    z.enum([...claimStatuses, 'any'], { error: 'Pick one of the listed statuses, or any.' }).default('verified'),
  ),
  verdict: optional(z.enum(verdicts, { error: 'Pick one of the listed verdicts.' })),
  speaker: optional(recordId('Speaker')),
  speakerName: optional(z.string().trim().max(200, 'A speaker’s name is at most 200 characters.')),
  source: optional(recordId('Source')),
  sourceName: optional(z.string().trim().max(2000, 'A source reference is at most 2000 characters.')),
  outlet: optional(z.string().trim().max(200, 'An outlet is at most 200 characters.')),
  tag: optional(z.string().trim().toLowerCase().max(40, 'A tag is at most 40 characters.')),
  from: optional(isoDate('“Claimed from”')),
  to: optional(isoDate('“Claimed until”')),
  updatedSince: optional(instant('“Changed since”')),
}

function requireDateOrder(q: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (q.from && q.to && q.from > q.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '“Claimed until” must not be before “Claimed from”.' })
  }
}

export const ExportQuerySchema = z.object(exportFilterFields).superRefine(requireDateOrder)
export type ExportQuery = z.infer<typeof ExportQuerySchema>

/** The export page adds the format to preview and download. */
export const ExportPageSchema = z
  .object({
    ...exportFilterFields,
    format: z.preprocess(
      blankAsMissing,
      z.enum(exportFormats, { error: 'Pick CSV, XLSX, ClaimReview JSON-LD or JSON.' }).default('csv'),
    ),
  })
  .superRefine(requireDateOrder)

/** The export query as URL parameters, without defaults: what the download links carry. */
export function exportSearch(query: ExportQuery) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (key === 'status' && value === 'verified')) continue
    if ((key === 'speakerName' && query.speaker) || (key === 'sourceName' && query.source)) continue
    params.set(key, value instanceof Date ? value.toISOString() : String(value))
  }
  return params.toString()
}

/**
 * The export of what a claims list shows, as the export page's query; null when the
 * list is narrowed by something an export cannot say (a search, an assignee).
 */
export function exportSearchForList(list: {
  q?: string
  assignee?: string
  status?: string
  verdict?: string
  speaker?: number
  source?: number
  outlet?: string
  tag?: string
}) {
  if (list.q || list.assignee) return null
  const params = new URLSearchParams({ status: list.status ?? 'any' })
  for (const key of ['verdict', 'speaker', 'source', 'outlet', 'tag'] as const) {
    if (list[key] !== undefined) params.set(key, String(list[key]))
  }
  return params.toString()
}
