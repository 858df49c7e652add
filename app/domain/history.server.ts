// Every change to a claim is an event written in the same transaction as the change,
// with who, when, and the changed fields before and after: nothing is lost silently.
import { and, asc, desc, eq, gte, lt, lte, ne, or } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimEvents, claims, users } from '#db/schema.ts'
import type { Tx } from '#db/types.ts'
import type { ActivityQuery } from '#app/validation/activity.ts'
import type { PageCursor } from '#app/validation/common.ts'
import type { ClaimEventType } from './vocabulary.ts'

type Fields = Record<string, unknown>

export function recordClaimEvent(
  // A transaction, never the bare connection: the event belongs to the change it records.
  tx: Tx,
  event: {
    claimId: number
    actorId: string | null
    type: ClaimEventType
    before?: Fields | null
    after?: Fields | null
    at?: Date
  },
) {
  tx.insert(claimEvents)
    .values({
      claimId: event.claimId,
      actorId: event.actorId,
      type: event.type,
      before: event.before ?? null,
      after: event.after ?? null,
      at: event.at ?? new Date(),
    })
    .run()
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields whose values differ, as `{ before, after }` holding only those fields. */
export function changedFields<T extends Fields>(before: T, after: Partial<T>) {
  const changed = { before: {} as Fields, after: {} as Fields }
  for (const key of Object.keys(after)) {
    if (!same(before[key], after[key])) {
      changed.before[key] = before[key] ?? null
      changed.after[key] = after[key] ?? null
    }
  }
  return Object.keys(changed.after).length > 0 ? changed : null
}

/** An event as the timeline and the activity page show it; join users on the actor. */
const eventColumns = {
  id: claimEvents.id,
  type: claimEvents.type,
  at: claimEvents.at,
  before: claimEvents.before,
  after: claimEvents.after,
  actorName: users.name,
}

export function listClaimEvents(claimId: number) {
  return db
    .select(eventColumns)
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .all()
}

/** The desk's latest events: the activity page's first page, shorter. */
export function listRecentEvents(limit: number) {
  return eventsPageQuery({}, limit).all()
}

export const eventsPageSize = 50

const dayInMs = 86_400_000

/**
 * The query behind the activity page, newest first, keyset-paged on (at, id) so a page
 * never repeats or skips an event when several share one timestamp. Each filter rides
 * an index: the claim filter `claim_events_claim_idx (claim_id, at)`, what happened
 * `claim_events_type_idx (type, at)`, who `claim_events_actor_idx (actor_id, at)`, dates
 * and paging `claim_events_at_idx (at)` (SQLite keeps the rowid, our id, in every index,
 * so (at, id) is already in order and a rare type or a quiet editor is found without
 * walking the whole history).
 */
export function eventsPageQuery(query: Omit<ActivityQuery, 'before'> & { before?: PageCursor }, limit: number) {
  const { before } = query
  const fromAt = query.from ? new Date(Date.parse(`${query.from}T00:00:00Z`)) : undefined
  // "To" is inclusive: the whole day, up to midnight UTC after it.
  const untilAt = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + dayInMs) : undefined
  return db
    .select({
      ...eventColumns,
      claimId: claimEvents.claimId,
      claimText: claims.text,
      claimDeletedAt: claims.deletedAt,
    })
    .from(claimEvents)
    .innerJoin(claims, eq(claims.id, claimEvents.claimId))
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(
      and(
        query.type ? eq(claimEvents.type, query.type) : undefined,
        query.actor ? eq(claimEvents.actorId, query.actor) : undefined,
        query.claim ? eq(claimEvents.claimId, query.claim) : undefined,
        fromAt ? gte(claimEvents.at, fromAt) : undefined,
        untilAt ? lt(claimEvents.at, untilAt) : undefined,
        before
          ? and(
              lte(claimEvents.at, new Date(before.key)),
              or(lt(claimEvents.at, new Date(before.key)), lt(claimEvents.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .limit(limit)
}

/** One page of the desk's events and, when there are more, where the next page starts. */
export function listEvents(query: ActivityQuery) {
  const rows = eventsPageQuery(query, eventsPageSize + 1).all()
  const events = rows.slice(0, eventsPageSize)
  const last = events.at(-1)
  const older: PageCursor | null = rows.length > eventsPageSize && last ? { key: last.at.getTime(), id: last.id } : null
  return { events, older }
}

/**
 * Whom the activity page can filter by: everyone who may change claims, disabled
 * accounts included (their events stay), and whoever is selected already.
 */
export function eventActorOptions(selectedId?: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(or(ne(users.role, 'viewer'), selectedId ? eq(users.id, selectedId) : undefined))
    .orderBy(asc(users.name))
    .all()
}
