import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claims, speakerAliases, speakers } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { ConflictError, FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { pageOf, withSelectedOption } from '#app/utils/lists.ts'
import { likeContains, nullable } from '#app/utils/sql.server.ts'
import type { SpeakerInput } from '#app/validation/speaker.ts'
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

/** Name suggestions for the speaker picker. */
export function suggestSpeakers(q: string, limit = 10) {
  const key = foldForMatching(q)
  if (!key) return []
  return db
    .selectDistinct({ id: speakers.id, name: speakers.name, role: speakers.role })
    .from(speakerAliases)
    .innerJoin(speakers, eq(speakers.id, speakerAliases.speakerId))
    .where(and(likeContains(speakerAliases.aliasKey, key), isNull(speakers.deletedAt), isNull(speakers.mergedIntoId)))
    .orderBy(asc(speakers.name))
    .limit(limit)
    .all()
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

/**
 * Choices for the claims list's speaker filter: names only, the first few hundred by
 * name, and always the one currently selected so an active filter stays visible.
 */
export function speakerFilterOptions(selectedId?: number, limit = 300) {
  const columns = { id: speakers.id, name: speakers.name }
  const options = db
    .select(columns)
    .from(speakers)
    .where(and(isNull(speakers.deletedAt), isNull(speakers.mergedIntoId)))
    .orderBy(asc(speakers.name))
    .limit(limit)
    .all()
  return withSelectedOption(options, selectedId, (id) =>
    db.select(columns).from(speakers).where(eq(speakers.id, id)).get(),
  )
}
