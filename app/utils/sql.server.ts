import { sql, type SQLWrapper } from 'drizzle-orm'

/** `column LIKE '%text%'` with the user's % and _ taken literally. */
export function likeContains(column: SQLWrapper, text: string) {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`)
  return sql`${column} like ${`%${escaped}%`} escape '\\'`
}

/** Optional form fields arrive as undefined; the database wants null to clear a column. */
export function nullable<T extends Record<string, unknown>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === undefined ? null : v])) as {
    [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K]
  }
}
