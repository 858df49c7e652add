// Field schemas shared by the forms. Each message says what to do, in the desk's words.
import { z } from 'zod'
import { normalizeSourceUrl } from '#app/domain/urls.ts'

/**
 * C0 control characters other than tab and line breaks: invisible, never typed on purpose,
 * and harmful once stored. SQLite's length() stops at a NUL, so a claim starting with one
 * failed the table's check (a 500), and \u0002/\u0003 are the search's highlight marks.
 */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

export const withoutControlCharacters = (label: string) =>
  [
    (value: string) => !controlCharacter.test(value),
    `${label} contains an invisible control character (such as NUL). Delete it, or type the text again, and save.`,
  ] as const

export const requiredText = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(min, min > 1 ? `${label} needs at least ${min} characters.` : `${label} is required.`)
    .max(max, `${label} can be at most ${max} characters.`)
    .refine(...withoutControlCharacters(label))

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine(...withoutControlCharacters(label))
    .optional()

function isRealDate(value: string) {
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y!, m! - 1, d!))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
}

export const isoDate = (label: string) =>
  z
    .string()
    .trim()
    // Each check stops the next: "x" is not a date, and saying so once is enough.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2023-07-27.`, abort: true })
    .refine(isRealDate, { error: `${label} is not a real calendar date.`, abort: true })
    .refine((v) => v >= '1800-01-01' && v <= '2100-12-31', `${label} must be between 1800 and 2100.`)

export const optionalIsoDate = (label: string) => isoDate(label).optional()

export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/, 'Use a language code such as de, en or uk.')

/** An http(s) URL, kept exactly as given: an archive link must not be rewritten. */
export const webUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} can be at most 2000 characters.`)
    .refine(
      (value) => normalizeSourceUrl(value) !== null,
      `${label} must be a web address starting with http:// or https://.`,
    )

/** An http(s) URL, handed on normalised so one article is one source. */
export const sourceUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `${label} can be at most 2000 characters.`)
    .transform((value, ctx) => {
      const normalized = normalizeSourceUrl(value)
      if (!normalized) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a web address starting with http:// or https://.` })
        return z.NEVER
      }
      return normalized
    })

export const recordId = (label: string) =>
  z.coerce
    .number({ error: `${label} is not a valid id.` })
    .int(`${label} is not a valid id.`)
    .positive(`${label} is not a valid id.`)
    .max(Number.MAX_SAFE_INTEGER, `${label} is not a valid id.`)

export const version = z.coerce
  .number({ error: 'The form is missing the version it was opened at; reload the page.' })
  .int()
  .positive()
  .max(Number.MAX_SAFE_INTEGER)

/**
 * Where a keyset page ends: the sort value and id of its last row. Lists page by
 * "rows after this one" rather than by offset, so a page never repeats or skips a row
 * when others are added meanwhile, and page 2,000 costs what page 1 does.
 */
export type PageCursor = { key: number; id: number }

/** A cursor as the URL carries it: `key_id`, the key any finite number (a time, a rank). */
export function formatPageCursor(cursor: PageCursor) {
  return `${cursor.key}_${cursor.id}`
}

export const pageCursor = z
  .string()
  .max(60)
  .regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?_\d{1,15}$/)
  .transform((value): PageCursor => {
    const [key, id] = value.split('_').map(Number)
    return { key: key!, id: id! }
  })
  .refine((cursor) => Number.isFinite(cursor.key) && Number.isSafeInteger(cursor.id))

/** The query of a searchable list page; nonsense falls back instead of erroring. */
export const SearchListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).default(1).catch(1),
})

/**
 * A filter query from the URL with every value that failed left out, and the first message
 * for each such field: filters are links people share, so a bad value costs its filter,
 * never the page. Every field of `schema` must be optional.
 */
export function parseDroppingFailures<T extends z.ZodObject>(schema: T, params: Record<string, string>) {
  const errors: Record<string, string[]> = {}
  const parsed = schema.safeParse(params)
  if (parsed.success) return { query: parsed.data, errors }
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (messages?.[0]) errors[field] = [messages[0]]
  }
  // Every field is optional, so what is left once the failures are gone parses.
  const query = schema.parse(Object.fromEntries(Object.entries(params).filter(([key]) => !(key in errors))))
  return { query: query as z.infer<T>, errors }
}
