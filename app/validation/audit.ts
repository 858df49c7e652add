// The audit page's URL query: which kind of event, and where the page before ended.
import { z } from 'zod'
import { auditActions } from '#app/domain/vocabulary.ts'
import { parseDroppingFailures } from './common.ts'

export const AuditQuerySchema = z.object({
  action: z.enum(auditActions, { error: 'That is not an event the audit log records.' }).optional(),
  before: z.coerce
    .number({ error: 'The page position is not a number; start from the newest events.' })
    .int('The page position is not a number; start from the newest events.')
    .positive('The page position is not a number; start from the newest events.')
    .max(Number.MAX_SAFE_INTEGER, 'The page position is not a number; start from the newest events.')
    .optional(),
})

export function parseAuditQuery(params: Record<string, string>) {
  return parseDroppingFailures(AuditQuerySchema, params)
}
