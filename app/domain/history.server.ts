// Every change to a claim is an event written in the same transaction as the change,
// with who, when, and the changed fields before and after: nothing is lost silently.
import { desc, eq } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claimEvents, claims, users } from '#db/schema.ts'
import type { DbOrTx } from '#db/types.ts'
import type { ClaimEventType } from './vocabulary.ts'

type Fields = Record<string, unknown>

export function recordClaimEvent(
  tx: DbOrTx,
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

export function listClaimEvents(claimId: number) {
  return db
    .select({
      id: claimEvents.id,
      type: claimEvents.type,
      at: claimEvents.at,
      before: claimEvents.before,
      after: claimEvents.after,
      actorName: users.name,
    })
    .from(claimEvents)
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .where(eq(claimEvents.claimId, claimId))
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .all()
}

export function listRecentEvents(limit: number) {
  return db
    .select({
      id: claimEvents.id,
      claimId: claimEvents.claimId,
      claimText: claims.text,
      type: claimEvents.type,
      at: claimEvents.at,
      actorName: users.name,
    })
    .from(claimEvents)
    .innerJoin(claims, eq(claims.id, claimEvents.claimId))
    .leftJoin(users, eq(users.id, claimEvents.actorId))
    .orderBy(desc(claimEvents.at), desc(claimEvents.id))
    .limit(limit)
    .all()
}
