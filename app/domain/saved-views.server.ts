// Saved views: an editor's named searches and filters on the claims list. A view is
// personal (each person keeps their own), so viewers may keep views too; sharing one
// is sharing its URL.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { savedViews } from '#db/schema.ts'
import { FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { savedViewLimits } from '#app/validation/claim.ts'

export function listSavedViews(ownerId: string) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.ownerId, ownerId), isNull(savedViews.deletedAt)))
    .orderBy(asc(sql`${savedViews.name} collate nocase`))
    .all()
}

/**
 * Saves the list query under a name. A name the person already uses is refused unless
 * they asked to replace that view, so a view is never overwritten by accident.
 */
export function saveView(ownerId: string, view: { name: string; query: string; replace?: boolean }) {
  return db.transaction((tx) => {
    const live = and(eq(savedViews.ownerId, ownerId), isNull(savedViews.deletedAt))
    const same = tx
      .select({ id: savedViews.id, name: savedViews.name })
      .from(savedViews)
      .where(and(live, sql`${savedViews.name} = ${view.name} collate nocase`))
      .get()
    if (same && !view.replace) {
      throw new FieldError({
        name: [
          `You already have a view called “${same.name}”. Tick “Replace it” to save these filters under that name.`,
        ],
      })
    }
    if (same) {
      tx.update(savedViews)
        .set({ name: view.name, query: view.query, updatedAt: new Date() })
        .where(eq(savedViews.id, same.id))
        .run()
      return same.id
    }
    const kept = tx.select({ n: count() }).from(savedViews).where(live).get()?.n ?? 0
    if (kept >= savedViewLimits.perPerson) {
      throw new FieldError({
        name: [`You can keep ${savedViewLimits.perPerson} saved views. Delete one you no longer use first.`],
      })
    }
    return tx
      .insert(savedViews)
      .values({ ownerId, name: view.name, query: view.query })
      .returning({ id: savedViews.id })
      .get().id
  })
}

/**
 * Deletes one of the person's own views; it stays in the table, out of every list.
 * Deleting it twice (a second click, a second tab) is fine; someone else's is not found.
 */
export function deleteSavedView(ownerId: string, viewId: number) {
  const result = db
    .update(savedViews)
    .set({ deletedAt: sql`coalesce(${savedViews.deletedAt}, ${Date.now()})` })
    .where(and(eq(savedViews.id, viewId), eq(savedViews.ownerId, ownerId)))
    .run()
  if (result.changes !== 1) throw new NotFoundError('Saved view')
}
