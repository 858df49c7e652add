import { and, asc, count, desc, eq, exists, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { db } from '#db/client.ts'
import { claims, evidence, sources } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { ConflictError, FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { pageOf } from '#app/utils/lists.ts'
import { likeContains, nullable } from '#app/utils/sql.server.ts'
import { claimLimits } from '#app/validation/claim.ts'
import type { SourceInput } from '#app/validation/source.ts'
import { reanchorSourceAnnotations } from './annotations.server.ts'
import { recordReference } from './labels.ts'
import { findSpeakersByName, type FilterChoice } from './speakers.server.ts'
import { normalizeSourceUrl } from './urls.ts'

export function findSourceByUrl(tx: DbOrTx, url: string) {
  const normalized = normalizeSourceUrl(url)
  if (!normalized) return undefined
  return tx.select().from(sources).where(eq(sources.url, normalized)).get()
}

function assertUrlFree(tx: DbOrTx, url: string | undefined, exceptId?: number) {
  if (!url) return
  const existing = findSourceByUrl(tx, url)
  if (existing && existing.id !== exceptId) {
    throw new FieldError({
      url: [`This URL is already source #${existing.id} “${existing.title}”.`],
    })
  }
}

export function createSourceInTx(tx: Tx, input: SourceInput, actorId: string) {
  assertUrlFree(tx, input.url)
  return tx
    .insert(sources)
    .values({ ...nullable(input), createdById: actorId, updatedById: actorId })
    .returning({ id: sources.id })
    .get().id
}

export function createSource(input: SourceInput, actorId: string) {
  return db.transaction((tx) => createSourceInTx(tx, input, actorId))
}

export function updateSource(id: number, input: SourceInput & { version: number }, actorId: string) {
  return db.transaction((tx) => {
    const current = getSourceRow(tx, id)
    if (current.version !== input.version) throw new ConflictError(current)
    assertUrlFree(tx, input.url, id)
    const { version, ...fields } = input
    tx.update(sources)
      .set({ ...nullable(fields), version: version + 1, updatedById: actorId, updatedAt: new Date() })
      .where(and(eq(sources.id, id), eq(sources.version, version)))
      .run()
    const excerpt = fields.excerpt ?? null
    if (excerpt !== current.excerpt) reanchorSourceAnnotations(tx, id, excerpt)
  })
}

function getSourceRow(tx: DbOrTx, id: number) {
  const row = tx
    .select()
    .from(sources)
    .where(and(eq(sources.id, id), isNull(sources.deletedAt)))
    .get()
  if (!row) throw new NotFoundError('Source')
  return row
}

export function getSource(id: number) {
  return getSourceRow(db, id)
}

export function listSources({ q, page, pageSize = 50 }: { q?: string; page: number; pageSize?: number }) {
  const where = and(
    isNull(sources.deletedAt),
    q ? or(likeContains(sources.title, q), likeContains(sources.outlet, q), likeContains(sources.url, q)) : undefined,
  )
  const claimCount = db
    .select({ sourceId: evidence.sourceId, n: sql<number>`count(distinct ${evidence.claimId})`.as('n') })
    .from(evidence)
    .innerJoin(claims, eq(claims.id, evidence.claimId))
    .where(and(isNull(evidence.deletedAt), isNull(claims.deletedAt)))
    .groupBy(evidence.sourceId)
    .as('claim_count')
  const rows = db
    .select({
      id: sources.id,
      title: sources.title,
      outlet: sources.outlet,
      url: sources.url,
      kind: sources.kind,
      publishedOn: sources.publishedOn,
      language: sources.language,
      claimCount: sql<number>`coalesce(${claimCount.n}, 0)`,
    })
    .from(sources)
    .leftJoin(claimCount, eq(claimCount.sourceId, sources.id))
    .where(where)
    .orderBy(desc(sources.publishedOn), asc(sources.title))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
  const total = db.select({ n: count() }).from(sources).where(where).get()?.n ?? 0
  return pageOf(rows, total, page, pageSize)
}

/** Title, outlet or URL suggestions for the source picker. */
export function suggestSources(q: string, limit = 10) {
  const text = q.trim()
  if (!text) return []
  return db
    .select({ id: sources.id, title: sources.title, outlet: sources.outlet, publishedOn: sources.publishedOn })
    .from(sources)
    .where(and(isNull(sources.deletedAt), or(likeContains(sources.title, text), likeContains(sources.url, text))))
    .orderBy(desc(sources.publishedOn))
    .limit(limit)
    .all()
}

export type SourceChoice = {
  sourceRef?: string
  sourceId?: number
  newSource?: boolean
  newSourceTitle?: string
  newSourceUrl?: string
  newSourceOutlet?: string
  newSourcePublishedOn?: string
}

/**
 * Turns the claim form's source fields into a source id. The reference field takes a
 * title or a URL of a known source; a new source is made only when asked for, and a
 * new source whose URL is already known reuses that source instead of failing.
 */
export function resolveSourceChoice(tx: Tx, choice: SourceChoice, actorId: string): number | null {
  if (choice.newSource && choice.newSourceTitle) {
    const known = choice.newSourceUrl ? findSourceByUrl(tx, choice.newSourceUrl) : undefined
    if (known?.deletedAt) {
      throw new FieldError({
        newSourceUrl: [`This URL belongs to source #${known.id} “${known.title}”, which was deleted.`],
      })
    }
    if (known) return known.id
    return createSourceInTx(
      tx,
      {
        title: choice.newSourceTitle,
        url: choice.newSourceUrl,
        outlet: choice.newSourceOutlet,
        publishedOn: choice.newSourcePublishedOn,
        kind: 'article',
      },
      actorId,
    )
  }
  const ref = choice.sourceRef?.trim()
  if (!ref) return null
  const found = findSourceByReference(tx, ref, choice.sourceId)
  if ('id' in found) return found.id
  if (found.problem === 'no-such-number') throw new FieldError({ sourceRef: [`There is no source #${found.number}.`] })
  throw new FieldError({
    sourceRef: [
      {
        'unknown-url': 'No source has this URL yet. Tick “New source” and give it a title to add it.',
        'several-titles': `Several sources are titled “${ref}”: pick one from the suggestions, or add its number, like “${ref} (#12)”.`,
        'unknown-title': `No source titled “${ref}”. Pick one from the suggestions, paste its URL, or tick “New source”.`,
      }[found.problem],
    ],
  })
}

/**
 * The source a typed reference names: "Title (#12)" as the picker shows it (and as an
 * editor without JavaScript can tell two same-titled sources apart), the picked id while
 * the text still names it, a URL, or an exact title. Deleted sources are not named.
 */
export function findSourceByReference(
  tx: DbOrTx,
  ref: string,
  pickedId?: number,
):
  | { id: number; title: string }
  | { problem: 'no-such-number'; number: number }
  | { problem: 'unknown-url' | 'several-titles' | 'unknown-title' } {
  const numbered = /\(#(\d{1,15})\)$/.exec(ref)
  const candidateId = numbered ? Number(numbered[1]) : pickedId
  if (candidateId) {
    const picked = tx
      .select({ id: sources.id, title: sources.title, url: sources.url })
      .from(sources)
      .where(and(eq(sources.id, candidateId), isNull(sources.deletedAt)))
      .get()
    if (picked && (numbered || picked.title === ref || picked.url === normalizeSourceUrl(ref))) return picked
    if (numbered) return { problem: 'no-such-number', number: candidateId }
  }
  const url = normalizeSourceUrl(ref)
  if (url) {
    const byUrl = tx
      .select({ id: sources.id, title: sources.title })
      .from(sources)
      .where(and(eq(sources.url, url), isNull(sources.deletedAt)))
      .get()
    return byUrl ?? { problem: 'unknown-url' }
  }
  const byTitle = tx
    .select({ id: sources.id, title: sources.title })
    .from(sources)
    .where(and(isNull(sources.deletedAt), sql`${sources.title} = ${ref} collate nocase`))
    .limit(2)
    .all()
  if (byTitle.length === 1) return byTitle[0]!
  return { problem: byTitle.length > 1 ? 'several-titles' : 'unknown-title' }
}

/**
 * The source a list filter means: as findSourceByReference, or the one source whose
 * title or URL contains the typed words.
 */
export function sourceForFilter(typed: string | undefined, pickedId: number | undefined): FilterChoice {
  const labelled = (source: { id: number; title: string }) => ({
    id: source.id,
    label: recordReference(source.title, source.id)!,
  })
  if (!typed) {
    if (!pickedId) return {}
    const source = db
      .select({ id: sources.id, title: sources.title })
      .from(sources)
      .where(eq(sources.id, pickedId))
      .get()
    return source ? labelled(source) : { error: `There is no source #${pickedId}.` }
  }
  const found = findSourceByReference(db, typed, pickedId)
  if ('id' in found) return labelled(found)
  if (found.problem === 'no-such-number') return { error: `There is no source #${found.number}.` }
  const candidates = found.problem === 'several-titles' ? [] : suggestSources(typed, 2)
  if (candidates.length === 1) return labelled(candidates[0]!)
  return {
    error:
      found.problem === 'several-titles' || candidates.length > 1
        ? `Several sources match “${typed}”. Pick one from the suggestions.`
        : `No source matches “${typed}”. Pick one from the suggestions.`,
  }
}

/**
 * The outlets the desk's sources come from, for the claims list's outlet filter, and the
 * one the list is filtered by even when no source has it (an old link): an active filter
 * always shows as selected, never as "Any".
 */
export function outletFilterOptions(selected?: string, limit = 500) {
  // The outlets first, from the outlet index alone, then one live source for each: a
  // desk has a few dozen outlets over tens of thousands of sources, and checking every
  // source row for deletion cost the claims list more than its own query (npm run loadtest).
  const named = db.selectDistinct({ outlet: sources.outlet }).from(sources).where(isNotNull(sources.outlet)).as('named')
  const live = alias(sources, 'live')
  const outlets = db
    .select({ outlet: named.outlet })
    .from(named)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(live)
          .where(and(eq(live.outlet, named.outlet), isNull(live.deletedAt))),
      ),
    )
    .orderBy(asc(named.outlet))
    .limit(limit)
    .all()
    .map((r) => r.outlet!)
  return selected && !outlets.includes(selected) ? [selected, ...outlets] : outlets
}

/**
 * The new-claim form's starting values for a passage of a source: the passage as quote
 * and as first wording of the claim, the source with its language, and its author as
 * the speaker when the desk knows exactly one speaker by that name (a statement's author
 * is its speaker; an article's author is a journalist the desk does not list).
 */
export function claimDraftFromPassage({ sourceId, quote }: { sourceId?: number; quote?: string }) {
  const draft: Record<string, string> = { language: 'de' }
  if (quote) draft.quote = quote
  // The passage starts the claim's text too, unless it is longer than a claim may be:
  // then the editor states the claim in their own words.
  if (quote && quote.length <= claimLimits.text) draft.text = quote
  const source = sourceId
    ? db
        .select({ id: sources.id, title: sources.title, language: sources.language, author: sources.author })
        .from(sources)
        .where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)))
        .get()
    : undefined
  if (!source) return draft
  Object.assign(draft, { sourceRef: `${source.title} (#${source.id})`, sourceId: String(source.id) })
  if (source.language) draft.language = source.language
  const speakers = source.author ? findSpeakersByName(db, source.author) : []
  if (speakers.length === 1)
    Object.assign(draft, { speakerName: speakers[0]!.name, speakerId: String(speakers[0]!.id) })
  return draft
}
