import { aliasedTable, and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claims, speakerAliases, speakers, users } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { ConflictError, FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import { pageOf } from '#app/utils/lists.ts'
import { likeContains, nullable } from '#app/utils/sql.server.ts'
import type { SpeakerInput, SpeakerMergeInput } from '#app/validation/speaker.ts'
import { recordClaimEvent } from './history.server.ts'
import { recordReference } from './labels.ts'
import { foldForMatching } from './text.ts'

/**
 * Speakers whose name or any alias folds to the same key: "Kim Jong Un" finds the
 * speaker stored as "Kim Jong-un". The name itself is stored as an alias row too, so
 * one indexed lookup covers both.
 */
export function findSpeakersByName(tx: DbOrTx, name: string) {
  const key = foldForMatching(name)
  if (!key) return []
  return tx
    .selectDistinct({ id: speakers.id, name: speakers.name, role: speakers.role })
    .from(speakerAliases)
    .innerJoin(speakers, eq(speakers.id, speakerAliases.speakerId))
    .where(and(eq(speakerAliases.aliasKey, key), isNull(speakers.deletedAt), isNull(speakers.mergedIntoId)))
    .all()
}

function replaceAliases(tx: Tx, speakerId: number, name: string, aliases: string[]) {
  tx.delete(speakerAliases).where(eq(speakerAliases.speakerId, speakerId)).run()
  const seen = new Set<string>()
  for (const alias of [name, ...aliases]) {
    const aliasKey = foldForMatching(alias)
    if (!aliasKey || seen.has(alias)) continue
    seen.add(alias)
    tx.insert(speakerAliases).values({ speakerId, alias, aliasKey }).run()
  }
}

/**
 * Every spelling points at one speaker only: otherwise "Schoigu" typed into a claim
 * could mean two people and the desk could not tell which.
 */
function assertSpellingsFree(tx: DbOrTx, input: Pick<SpeakerInput, 'name' | 'aliases'>, exceptId?: number) {
  for (const [field, spelling] of [
    ['name', input.name] as const,
    ...input.aliases.map((alias) => ['aliases', alias] as const),
  ]) {
    const other = findSpeakersByName(tx, spelling).find((s) => s.id !== exceptId)
    if (other) {
      throw new FieldError({ [field]: [`“${spelling}” already names speaker #${other.id} ${other.name}.`] })
    }
  }
}

export function createSpeakerInTx(tx: Tx, input: SpeakerInput, actorId: string) {
  assertSpellingsFree(tx, input)
  const { aliases, ...fields } = input
  const row = tx
    .insert(speakers)
    .values({ ...nullable(fields), createdById: actorId, updatedById: actorId })
    .returning({ id: speakers.id })
    .get()
  replaceAliases(tx, row.id, input.name, aliases)
  return row.id
}

export function createSpeaker(input: SpeakerInput, actorId: string) {
  return db.transaction((tx) => createSpeakerInTx(tx, input, actorId))
}

export function updateSpeaker(id: number, input: SpeakerInput & { version: number }, actorId: string) {
  return db.transaction((tx) => {
    const current = getSpeakerRow(tx, id)
    if (current.version !== input.version) throw new ConflictError(current)
    assertSpellingsFree(tx, input, id)
    const { aliases, version, ...fields } = input
    tx.update(speakers)
      .set({ ...nullable(fields), version: version + 1, updatedById: actorId, updatedAt: new Date() })
      .where(and(eq(speakers.id, id), eq(speakers.version, version)))
      .run()
    replaceAliases(tx, id, input.name, aliases)
  })
}

function getSpeakerRow(tx: DbOrTx, id: number) {
  const row = tx
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, id), isNull(speakers.deletedAt)))
    .get()
  if (!row) throw new NotFoundError('Speaker')
  return row
}

export function getSpeaker(id: number) {
  const speaker = getSpeakerRow(db, id)
  const aliases = db
    .select({ alias: speakerAliases.alias })
    .from(speakerAliases)
    .where(eq(speakerAliases.speakerId, id))
    .orderBy(asc(speakerAliases.alias))
    .all()
    .map((a) => a.alias)
    .filter((a) => a !== speaker.name)
  return { ...speaker, aliases }
}

export function listSpeakers({ q, page, pageSize = 50 }: { q?: string; page: number; pageSize?: number }) {
  const where = and(
    isNull(speakers.deletedAt),
    isNull(speakers.mergedIntoId),
    q
      ? inArray(
          speakers.id,
          db
            .select({ id: speakerAliases.speakerId })
            .from(speakerAliases)
            .where(likeContains(speakerAliases.aliasKey, foldForMatching(q))),
        )
      : undefined,
  )
  const claimCount = db
    .select({ speakerId: claims.speakerId, n: count().as('n') })
    .from(claims)
    .where(isNull(claims.deletedAt))
    .groupBy(claims.speakerId)
    .as('claim_count')
  const rows = db
    .select({
      id: speakers.id,
      name: speakers.name,
      kind: speakers.kind,
      role: speakers.role,
      organisation: speakers.organisation,
      country: speakers.country,
      claimCount: sql<number>`coalesce(${claimCount.n}, 0)`,
    })
    .from(speakers)
    .leftJoin(claimCount, eq(claimCount.speakerId, speakers.id))
    .where(where)
    .orderBy(asc(speakers.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
  const total = db.select({ n: count() }).from(speakers).where(where).get()?.n ?? 0
  return pageOf(rows, total, page, pageSize)
}

/** Name suggestions for the speaker picker; `exceptId` leaves out the speaker being edited. */
export function suggestSpeakers(q: string, { limit = 10, exceptId }: { limit?: number; exceptId?: number } = {}) {
  const key = foldForMatching(q)
  if (!key) return []
  return db
    .selectDistinct({ id: speakers.id, name: speakers.name, role: speakers.role })
    .from(speakerAliases)
    .innerJoin(speakers, eq(speakers.id, speakerAliases.speakerId))
    .where(
      and(
        likeContains(speakerAliases.aliasKey, key),
        isNull(speakers.deletedAt),
        isNull(speakers.mergedIntoId),
        exceptId ? ne(speakers.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(speakers.name))
    .limit(limit)
    .all()
}

/** What a list filter's speaker field resolved to: the speaker, or why there is none. */
export type FilterChoice = { id?: number; label?: string; error?: string }

/**
 * The speaker a list filter means. A picked id counts while the typed name still names
 * it (a typed change without JavaScript leaves the old id behind); otherwise the typed
 * name, in any known spelling or as the one speaker whose names contain it. A speaker
 * merged away means the one it went into, so old links keep working.
 */
export function speakerForFilter(typed: string | undefined, pickedId: number | undefined): FilterChoice {
  const named = (id: number) => {
    const merged = findMergedSpeaker(id)
    const speaker = getSpeakerName(merged?.mergedIntoId ?? id)
    return speaker ? { id: speaker.id, label: speaker.name } : { error: `There is no speaker #${id}.` }
  }
  if (!typed) return pickedId ? named(pickedId) : {}
  const exact = findSpeakersByName(db, typed)
  if (pickedId && exact.some((s) => s.id === pickedId)) return named(pickedId)
  const candidates = exact.length > 0 ? exact : suggestSpeakers(typed, { limit: 2 })
  if (candidates.length === 1) return { id: candidates[0]!.id, label: candidates[0]!.name }
  return {
    error:
      candidates.length === 0
        ? `No speaker is called “${typed}”. Pick one from the suggestions.`
        : `Several speakers match “${typed}”. Pick one from the suggestions.`,
  }
}

function getSpeakerName(id: number) {
  return db
    .select({ id: speakers.id, name: speakers.name })
    .from(speakers)
    .where(and(eq(speakers.id, id), isNull(speakers.deletedAt)))
    .get()
}

export type SpeakerChoice = {
  speakerName?: string
  speakerId?: number
  newSpeaker?: boolean
  newSpeakerRole?: string
}

/**
 * Turns what the editor typed into the claim form's speaker field into a speaker id:
 * empty means unattributed; a known name or alias picks that speaker; an unknown name
 * is created only when the editor said so, so a typo never silently adds a speaker.
 */
export function resolveSpeakerChoice(tx: Tx, choice: SpeakerChoice, actorId: string): number | null {
  const name = choice.speakerName?.trim()
  if (!name) return null
  const matches = findSpeakersByName(tx, name)
  if (choice.speakerId && matches.some((m) => m.id === choice.speakerId)) return choice.speakerId
  if (choice.newSpeaker) {
    if (matches.length > 0) {
      throw new FieldError({
        speakerName: [
          `“${name}” is already speaker #${matches[0]!.id} ${matches[0]!.name}. Untick “New speaker” to use them.`,
        ],
      })
    }
    return createSpeakerInTx(tx, { name, kind: 'person', role: choice.newSpeakerRole, aliases: [] }, actorId)
  }
  if (matches.length === 1) return matches[0]!.id
  if (matches.length > 1) {
    throw new FieldError({
      speakerName: [`Several speakers are called “${name}”: pick one from the suggestions.`],
    })
  }
  throw new FieldError({
    speakerName: [`No speaker called “${name}” yet. Tick “New speaker” to add them, or check the spelling.`],
  })
}

// Merging: two rows turned out to be one speaker. The merged row stays (old links and
// history name it) but leaves every list; its claims, spellings and missing details go
// to the speaker it was merged into.

/** The profile details a merge fills in on the target, and only where it has none. */
const mergedProfileFields = ['role', 'organisation', 'country', 'wikidataId'] as const
type SpeakerRow = typeof speakers.$inferSelect

/** Any speaker row, merged or deleted ones included: a merge must say why it refuses them. */
function speakerRowForMerge(tx: DbOrTx, id: number) {
  const row = tx.select().from(speakers).where(eq(speakers.id, id)).get()
  if (!row) throw new NotFoundError('Speaker')
  return row
}

/** Both sides of a merge; an unknown target is the editor's choice gone wrong, not a missing page. */
function mergeRows(tx: DbOrTx, speakerId: number, intoSpeakerId: number) {
  const speaker = speakerRowForMerge(tx, speakerId)
  const into = tx.select().from(speakers).where(eq(speakers.id, intoSpeakerId)).get()
  if (!into) throw new RefusedError(`There is no speaker #${intoSpeakerId} to merge into.`)
  return { speaker, into }
}

function describeSpeaker(speaker: Pick<SpeakerRow, 'id' | 'name'>) {
  return `“${speaker.name}” (#${speaker.id})`
}

function assertMergeable(tx: DbOrTx, speaker: SpeakerRow, into: SpeakerRow) {
  if (speaker.id === into.id) {
    throw new RefusedError('A speaker cannot be merged into itself: pick the speaker who stays.')
  }
  if (speaker.mergedIntoId !== null) {
    const target = speakerRowForMerge(tx, speaker.mergedIntoId)
    throw new RefusedError(`${describeSpeaker(speaker)} has already been merged into ${describeSpeaker(target)}.`)
  }
  if (speaker.deletedAt)
    throw new RefusedError(`${describeSpeaker(speaker)} has been deleted; there is nothing to merge.`)
  if (into.mergedIntoId !== null) {
    const target = speakerRowForMerge(tx, into.mergedIntoId)
    throw new RefusedError(
      `${describeSpeaker(into)} has itself been merged into ${describeSpeaker(target)}: merge into that speaker instead.`,
    )
  }
  if (into.deletedAt) {
    throw new RefusedError(`${describeSpeaker(into)} has been deleted: pick a speaker who is still on the desk.`)
  }
}

/**
 * The speaker a name typed into the merge form means: the picked suggestion when it
 * matches what was typed, otherwise the one speaker with that spelling.
 */
export function findMergeTarget(name: string, pickedId?: number) {
  const matches = findSpeakersByName(db, name)
  if (pickedId && matches.some((m) => m.id === pickedId)) return pickedId
  if (matches.length === 1) return matches[0]!.id
  if (matches.length > 1) {
    throw new FieldError({ into: [`Several speakers are called “${name}”: pick one from the suggestions.`] })
  }
  throw new FieldError({
    into: [`No speaker is called “${name}”. Check the spelling or pick one from the suggestions.`],
  })
}

/**
 * What merging `speaker` into `into` does. The preview shows this plan and the merge
 * carries out the same plan, so what the editor confirmed is what happens.
 *
 * Spellings move unless the target already has one that folds to the same key (see
 * decision 005): "Kim Jong Un" is then found already, and a second row would only list
 * the same match twice. The merged speaker's own variants are kept as typed, as the
 * speaker form keeps them, and its name becomes a spelling like any other.
 */
function mergePlan(tx: DbOrTx, speaker: SpeakerRow, into: SpeakerRow) {
  assertMergeable(tx, speaker, into)
  const claimRows = tx
    .select({ id: claims.id, deletedAt: claims.deletedAt })
    .from(claims)
    .where(eq(claims.speakerId, speaker.id))
    .orderBy(asc(claims.id))
    .all()
  const aliasesOf = (id: number) =>
    tx
      .select({ alias: speakerAliases.alias, aliasKey: speakerAliases.aliasKey })
      .from(speakerAliases)
      .where(eq(speakerAliases.speakerId, id))
      .orderBy(asc(speakerAliases.alias))
      .all()
  const known = new Set(aliasesOf(into.id).map((a) => a.aliasKey))
  const spellings = [
    speaker.name,
    ...aliasesOf(speaker.id)
      .map((a) => a.alias)
      .filter((a) => a !== speaker.name),
  ]
  const isKnown = (spelling: string) => {
    const key = foldForMatching(spelling)
    return !key || known.has(key)
  }
  const aliases = { moving: spellings.filter((s) => !isKnown(s)), dropped: spellings.filter(isKnown) }
  const filled = mergedProfileFields
    .filter((field) => into[field] === null && speaker[field] !== null)
    .map((field) => ({ field, value: speaker[field]! }))
  const kept = mergedProfileFields
    .filter((field) => into[field] !== null && speaker[field] !== null && into[field] !== speaker[field])
    .map((field) => ({ field, value: into[field]! }))
  return {
    speaker: { id: speaker.id, name: speaker.name, version: speaker.version },
    into: { id: into.id, name: into.name, version: into.version },
    claimIds: claimRows.map((c) => c.id),
    trashedClaimCount: claimRows.filter((c) => c.deletedAt !== null).length,
    aliases,
    filled,
    kept,
  }
}

/** The merge as the editor is asked to confirm it, with the two speakers side by side. */
export function previewSpeakerMerge(speakerId: number, intoSpeakerId: number) {
  const { speaker, into } = mergeRows(db, speakerId, intoSpeakerId)
  const plan = mergePlan(db, speaker, into)
  const sampleClaims = db
    .select({ id: claims.id, text: claims.text, deletedAt: claims.deletedAt })
    .from(claims)
    .where(eq(claims.speakerId, speakerId))
    .orderBy(asc(claims.id))
    .limit(10)
    .all()
  const { claimIds, ...rest } = plan
  return {
    ...rest,
    claimCount: claimIds.length,
    sampleClaims,
    // Both speakers' details side by side, with what the target has after the merge.
    details: mergedProfileFields.map((field) => ({
      field,
      speaker: speaker[field],
      into: into[field],
      after: into[field] ?? speaker[field],
    })),
  }
}
export type SpeakerMergePreview = ReturnType<typeof previewSpeakerMerge>

/**
 * Merges one speaker into another in one transaction: every claim (trashed ones too)
 * moves, each with a `speaker_merged` event and a new version so a colleague's open
 * edit form notices; spellings and missing profile details move; the merged row keeps
 * its id with `mergedIntoId` and `deletedAt` set. Both speakers must still be at the
 * versions the editor previewed.
 */
export function mergeSpeakers(input: SpeakerMergeInput, actorId: string) {
  return db.transaction((tx) => {
    const { speaker, into } = mergeRows(tx, input.speakerId, input.intoSpeakerId)
    const plan = mergePlan(tx, speaker, into)
    if (speaker.version !== input.speakerVersion || into.version !== input.intoVersion) {
      throw new ConflictError({ speakerVersion: speaker.version, intoVersion: into.version })
    }
    const now = new Date()
    const before = { speaker: recordReference(speaker.name, speaker.id) }
    const after = { speaker: recordReference(into.name, into.id) }
    tx.update(claims)
      .set({ speakerId: into.id, version: sql`${claims.version} + 1`, updatedAt: now, updatedById: actorId })
      .where(eq(claims.speakerId, speaker.id))
      .run()
    for (const claimId of plan.claimIds) {
      recordClaimEvent(tx, { claimId, actorId, type: 'speaker_merged', before, after, at: now })
    }
    tx.delete(speakerAliases).where(eq(speakerAliases.speakerId, speaker.id)).run()
    for (const alias of plan.aliases.moving) {
      tx.insert(speakerAliases)
        .values({ speakerId: into.id, alias, aliasKey: foldForMatching(alias) })
        .run()
    }
    tx.update(speakers)
      .set({
        ...Object.fromEntries(plan.filled.map(({ field, value }) => [field, value])),
        version: into.version + 1,
        updatedAt: now,
        updatedById: actorId,
      })
      .where(and(eq(speakers.id, into.id), eq(speakers.version, into.version)))
      .run()
    tx.update(speakers)
      .set({
        mergedIntoId: into.id,
        deletedAt: now,
        version: speaker.version + 1,
        updatedAt: now,
        updatedById: actorId,
      })
      .where(eq(speakers.id, speaker.id))
      .run()
    // Speakers merged earlier into this one now point straight at the final target,
    // so an old link is one redirect away from where the claims are.
    tx.update(speakers).set({ mergedIntoId: into.id }).where(eq(speakers.mergedIntoId, speaker.id)).run()
    return { claimCount: plan.claimIds.length }
  })
}

/**
 * A speaker that was merged away: where it went, when and by whom; undefined otherwise.
 * A merged row is never edited again, so its last update is the merge.
 */
export function findMergedSpeaker(id: number) {
  const mergers = aliasedTable(users, 'mergers')
  const row = db
    .select({
      id: speakers.id,
      name: speakers.name,
      mergedIntoId: speakers.mergedIntoId,
      mergedAt: speakers.updatedAt,
      mergedByName: mergers.name,
    })
    .from(speakers)
    .leftJoin(mergers, eq(mergers.id, speakers.updatedById))
    .where(and(eq(speakers.id, id), isNotNull(speakers.mergedIntoId)))
    .get()
  return row ? { ...row, mergedIntoId: row.mergedIntoId! } : undefined
}
