// The audit log (decision 019): sign-ins, failed and refused sign-ins, sign-outs and every
// change to someone's account, with who did it and from which address. Each event also
// goes to the request log, so a log collector sees it even if nobody opens the page.
import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '#db/client.ts'
import { auditEvents, users, type AuditAction } from '#db/schema.ts'
import { logger } from '#app/utils/logger.server.ts'
import { currentRequest } from '#app/utils/request-context.server.ts'

export type AuditEntry = {
  action: AuditAction
  /** Who acted: the person signing in, or the admin changing an account. */
  actorId?: string | null
  /** Whose account it concerns. */
  subjectId?: string | null
  /** The e-mail address given at the login form, known account or not. */
  email?: string | null
  detail?: Record<string, unknown>
}

export function recordAuditEvent(entry: AuditEntry) {
  const request = currentRequest()
  const event = {
    at: new Date(),
    action: entry.action,
    actorId: entry.actorId ?? null,
    subjectId: entry.subjectId ?? null,
    email: entry.email ?? null,
    ip: request?.ip ?? null,
    detail: entry.detail ?? null,
  }
  db.insert(auditEvents).values(event).run()
  logger.info(
    {
      audit: event.action,
      actorId: event.actorId,
      subjectId: event.subjectId,
      email: event.email,
      ip: event.ip,
      detail: event.detail,
      requestId: request?.requestId,
    },
    `audit ${event.action}`,
  )
}

/**
 * Whether `action` was recorded since `since` for this e-mail or, without one, this
 * address: lets a repeated refusal be recorded once per window instead of per request.
 */
export function auditedSince(action: AuditAction, since: Date, who: { email: string } | { ip: string | null }) {
  const row = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        gte(auditEvents.at, since),
        'email' in who
          ? eq(auditEvents.email, who.email)
          : who.ip
            ? eq(auditEvents.ip, who.ip)
            : isNull(auditEvents.ip),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get()
  return row !== undefined
}

const auditPageSize = 50

const actors = alias(users, 'actor')
const subjects = alias(users, 'subject')

/** One page of the audit log, newest first; ids only grow, so paging is by id. */
export function listAuditEvents(query: { action?: AuditAction; before?: number }) {
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      email: auditEvents.email,
      ip: auditEvents.ip,
      detail: auditEvents.detail,
      actor: { id: actors.id, name: actors.name, email: actors.email },
      subject: { id: subjects.id, name: subjects.name, email: subjects.email },
    })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .leftJoin(subjects, eq(subjects.id, auditEvents.subjectId))
    .where(
      and(
        query.action ? eq(auditEvents.action, query.action) : undefined,
        query.before ? lt(auditEvents.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(auditPageSize + 1)
    .all()
  const events = rows.slice(0, auditPageSize)
  const older = rows.length > auditPageSize ? (events.at(-1)?.id ?? null) : null
  return { events, older }
}
