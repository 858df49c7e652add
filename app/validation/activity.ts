// The activity page's URL query. Filters are links people share, so a value that makes
// no sense is left out with a message next to its field, never a failed page.
import { z } from 'zod'
import { claimEventTypes } from '#app/domain/vocabulary.ts'
import { isoDate, pageCursor, parseDroppingFailures } from './common.ts'

const claimNumber = z
  .string()
  .trim()
  .regex(/^#?\d{1,15}$/, 'A claim number looks like 12 or #12.')
  .transform((value) => Number(value.replace('#', '')))
  .refine((n) => n > 0 && Number.isSafeInteger(n), 'A claim number looks like 12 or #12.')

export const ActivityQuerySchema = z.object({
  type: z.enum(claimEventTypes).optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  claim: claimNumber.optional(),
  from: isoDate('The from date').optional(),
  to: isoDate('The to date').optional(),
  // Where the page before ended: the time (ms) and id of its last event.
  before: pageCursor.optional().catch(undefined),
})
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>

/**
 * The query with every value that failed left out, and a message for each such field.
 * Unknown event types, people and cursors are simply dropped (`.catch`): only hand-edited
 * URLs have them.
 */
export function parseActivityQuery(params: Record<string, string>) {
  const { query, errors } = parseDroppingFailures(ActivityQuerySchema, params)
  if (query.from && query.to && query.to < query.from) {
    errors.to = ['The to date is before the from date.']
    query.to = undefined
  }
  return { query, errors }
}

/** True when the query narrows the list (paging does not). */
export function isFilteredActivity(query: ActivityQuery) {
  return Boolean(query.type || query.actor || query.claim || query.from || query.to)
}
