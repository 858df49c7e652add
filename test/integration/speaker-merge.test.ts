// Merging speakers: the domain function, the preview it promises, and the pages an editor
// and everyone else meet before and after.
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { createClaim, deleteClaim, getClaim, updateClaim } from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import {
  createSpeaker,
  findSpeakersByName,
  getSpeaker,
  listSpeakers,
  mergeSpeakers,
  previewSpeakerMerge,
  speakerForFilter,
  suggestSpeakers,
  updateSpeaker,
} from '#app/domain/speakers.server.ts'
import * as speakerDetail from '#app/routes/speakers.$speakerId._index.tsx'
import * as speakerEdit from '#app/routes/speakers.$speakerId.edit.tsx'
import * as speakerMerge from '#app/routes/speakers.$speakerId.merge.tsx'
import * as resourcesSpeakers from '#app/routes/resources.speakers.tsx'
import { ConflictError, RefusedError } from '#app/utils/errors.server.ts'
import type { SpeakerInput } from '#app/validation/speaker.ts'
import { db, getConnection } from '#db/client.ts'
import { claimEvents, claims, speakerAliases, speakers } from '#db/schema.ts'
import { formRequest, getRequest, signedIn } from '#test/helpers/fixtures.ts'

const editor = await signedIn('editor')
const colleague = await signedIn('editor')
const { sqlite } = getConnection()

let run = 0
/** A fresh pair of speakers per test, so tests do not depend on each other's merges. */
function pair(merged: Partial<SpeakerInput> = {}, target: Partial<SpeakerInput> = {}) {
  run++
  const intoId = createSpeaker(
    {
      name: `Sergei Shoigu ${run}`,
      kind: 'person',
      organisation: 'Verteidigungsministerium',
      aliases: [`Shoigu ${run}`],
      ...target,
    },
    editor.id,
  )
  const speakerId = createSpeaker(
    {
      name: `Sergej Schoigu ${run}`,
      kind: 'person',
      role: 'Verteidigungsminister',
      organisation: 'Ministerium für Verteidigung',
      country: 'RU',
      wikidataId: 'Q312792',
      aliases: [`Schoigu ${run}`, `Sergej Schojgu ${run}`],
      ...merged,
    },
    editor.id,
  )
  return { speakerId, intoId }
}

let claimNumber = 0
function claimBy(speakerName: string) {
  const text = `Schoigu besuchte Pjöngjang (${++claimNumber}).`
  return createClaim({ text, language: 'de', tags: [], speakerName }, editor.id)
}

function row(id: number) {
  return db.select().from(speakers).where(eq(speakers.id, id)).get()!
}

function versions(speakerId: number, intoId: number) {
  return { speakerVersion: row(speakerId).version, intoVersion: row(intoId).version }
}

function aliasesOf(id: number) {
  return db
    .select({ alias: speakerAliases.alias })
    .from(speakerAliases)
    .where(eq(speakerAliases.speakerId, id))
    .all()
    .map((a) => a.alias)
    .sort()
}

const eventCount = () => (sqlite.prepare('select count(*) as n from claim_events').get() as { n: number }).n

/** A loader's or action's answer: plain data, `data()` with a status, or a Response. */
type Answer = { status: number; location: string | null; data: unknown }
async function answer(run: () => Promise<unknown>): Promise<Answer> {
  try {
    const value = await run()
    if (value instanceof Response) return { status: value.status, location: value.headers.get('Location'), data: null }
    if (value && typeof value === 'object' && 'type' in value && value.type === 'DataWithResponseInit') {
      const wrapped = value as unknown as { data: unknown; init: ResponseInit | null }
      return { status: wrapped.init?.status ?? 200, location: null, data: wrapped.data }
    }
    return { status: 200, location: null, data: value }
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get('Location'), data: null }
    throw thrown
  }
}

describe('merging a speaker', () => {
  let speakerId: number
  let intoId: number
  let mergedClaims: number[]
  let otherClaim: number
  let targetClaim: number

  beforeEach(() => {
    ;({ speakerId, intoId } = pair())
    mergedClaims = [claimBy(`Sergej Schoigu ${run}`), claimBy(`Schoigu ${run}`), claimBy(`Sergej Schoigu ${run}`)]
    // A trashed claim moves too: restored later, it must not point at a merged speaker.
    deleteClaim(mergedClaims[2]!, getClaim(mergedClaims[2]!).version, editor.id)
    targetClaim = claimBy(`Sergei Shoigu ${run}`)
    otherClaim = createClaim({ text: 'Eine Behauptung ohne Sprecher.', language: 'de', tags: [] }, editor.id)
  })

  test('the preview says exactly what will happen', () => {
    const preview = previewSpeakerMerge(speakerId, intoId)
    expect(preview).toMatchObject({
      speaker: { id: speakerId, name: `Sergej Schoigu ${run}` },
      into: { id: intoId, name: `Sergei Shoigu ${run}` },
      claimCount: 3,
      trashedClaimCount: 1,
      aliases: { moving: [`Sergej Schoigu ${run}`, `Schoigu ${run}`, `Sergej Schojgu ${run}`], dropped: [] },
      filled: [
        { field: 'role', value: 'Verteidigungsminister' },
        { field: 'country', value: 'RU' },
        { field: 'wikidataId', value: 'Q312792' },
      ],
      kept: [{ field: 'organisation', value: 'Verteidigungsministerium' }],
    })
    expect(preview.sampleClaims.map((c) => c.id)).toEqual(mergedClaims)
    expect(preview.details.find((d) => d.field === 'organisation')).toEqual({
      field: 'organisation',
      speaker: 'Ministerium für Verteidigung',
      into: 'Verteidigungsministerium',
      after: 'Verteidigungsministerium',
    })
  })

  test('claims move, each with exactly one event, and open edit forms notice', () => {
    const before = mergedClaims.map((id) => getClaim(id))
    const untouched = [getClaim(targetClaim), getClaim(otherClaim)]
    const eventsBefore = eventCount()

    expect(mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, colleague.id)).toEqual({
      claimCount: 3,
    })

    expect(eventCount()).toBe(eventsBefore + 3)
    for (const [i, id] of mergedClaims.entries()) {
      const claim = getClaim(id)
      expect(claim).toMatchObject({ speakerId: intoId, version: before[i]!.version + 1, updatedById: colleague.id })
      expect(claim.updatedAt.getTime()).toBeGreaterThanOrEqual(before[i]!.updatedAt.getTime())
      const merges = listClaimEvents(id).filter((e) => e.type === 'speaker_merged')
      expect(merges).toHaveLength(1)
      expect(merges[0]).toMatchObject({
        actorName: colleague.name,
        before: { speaker: `Sergej Schoigu ${run} (#${speakerId})` },
        after: { speaker: `Sergei Shoigu ${run} (#${intoId})` },
      })
    }
    // The trashed claim stays in the trash, now with the target as its speaker.
    expect(getClaim(mergedClaims[2]!).deletedAt).toBeInstanceOf(Date)
    for (const claim of untouched) {
      expect(getClaim(claim.id)).toMatchObject({ version: claim.version, speakerId: claim.speakerId })
      expect(listClaimEvents(claim.id).some((e) => e.type === 'speaker_merged')).toBe(false)
    }
    // A colleague's edit form, opened before the merge, is now stale.
    expect(() =>
      updateClaim(
        mergedClaims[0]!,
        { text: 'Geändert', language: 'de', tags: [], speakerName: `Sergej Schoigu ${run}`, version: 1 },
        editor.id,
      ),
    ).toThrow(ConflictError)
  })

  test('spellings move, details are filled in but never overwritten, the merged row stays', () => {
    const target = row(intoId)
    const merged = row(speakerId)
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, colleague.id)

    expect(aliasesOf(intoId)).toEqual(
      [
        `Sergei Shoigu ${run}`,
        `Shoigu ${run}`,
        `Sergej Schoigu ${run}`,
        `Schoigu ${run}`,
        `Sergej Schojgu ${run}`,
      ].sort(),
    )
    expect(aliasesOf(speakerId)).toEqual([])
    expect(findSpeakersByName(db, `schoigu ${run}`).map((s) => s.id)).toEqual([intoId])
    expect(row(intoId)).toMatchObject({
      name: `Sergei Shoigu ${run}`,
      role: 'Verteidigungsminister',
      organisation: 'Verteidigungsministerium',
      country: 'RU',
      wikidataId: 'Q312792',
      version: target.version + 1,
      updatedById: colleague.id,
      mergedIntoId: null,
      deletedAt: null,
    })
    expect(row(speakerId)).toMatchObject({
      name: `Sergej Schoigu ${run}`,
      mergedIntoId: intoId,
      version: merged.version + 1,
      updatedById: colleague.id,
    })
    expect(row(speakerId).deletedAt).toBeInstanceOf(Date)
  })

  test('a spelling the target already has, ignoring case and accents, is dropped', () => {
    // Two live speakers cannot share a spelling today (assertSpellingsFree), but rows
    // from before that rule can; the merge must not list the same match twice.
    sqlite
      .prepare('insert into speaker_aliases (speaker_id, alias, alias_key) values (?, ?, ?)')
      .run(speakerId, `SHOÏGU ${run}`, `shoigu ${run}`)
    const preview = previewSpeakerMerge(speakerId, intoId)
    expect(preview.aliases.dropped).toEqual([`SHOÏGU ${run}`])
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id)
    expect(aliasesOf(intoId)).toContain(`Shoigu ${run}`)
    expect(aliasesOf(intoId)).not.toContain(`SHOÏGU ${run}`)
  })

  test('a speaker merged earlier follows on to the final target', () => {
    const third = createSpeaker({ name: `Schoigu der Dritte ${run}`, kind: 'person', aliases: [] }, editor.id)
    mergeSpeakers({ speakerId: third, intoSpeakerId: speakerId, ...versions(third, speakerId) }, editor.id)
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id)
    expect(row(third).mergedIntoId).toBe(intoId)
    expect(aliasesOf(intoId)).toContain(`Schoigu der Dritte ${run}`)
  })
})

describe('refused merges change nothing', () => {
  function snapshot() {
    return {
      speakers: db.select().from(speakers).all(),
      aliases: db.select().from(speakerAliases).all(),
      claims: db.select({ id: claims.id, speakerId: claims.speakerId, version: claims.version }).from(claims).all(),
      events: db.select({ id: claimEvents.id }).from(claimEvents).all().length,
    }
  }

  function refusal(run: () => unknown) {
    const before = snapshot()
    let thrown: unknown
    try {
      run()
    } catch (error) {
      thrown = error
    }
    expect(snapshot()).toEqual(before)
    return thrown
  }

  test('into itself', () => {
    const { speakerId } = pair()
    const error = refusal(() =>
      mergeSpeakers({ speakerId, intoSpeakerId: speakerId, ...versions(speakerId, speakerId) }, editor.id),
    )
    expect(error).toBeInstanceOf(RefusedError)
    expect((error as Error).message).toBe('A speaker cannot be merged into itself: pick the speaker who stays.')
  })

  test('into a speaker who was merged away, naming where they went', () => {
    const { speakerId, intoId } = pair()
    const elsewhere = createSpeaker({ name: `Schoigu Endstation ${run}`, kind: 'person', aliases: [] }, editor.id)
    mergeSpeakers({ speakerId: intoId, intoSpeakerId: elsewhere, ...versions(intoId, elsewhere) }, editor.id)
    const error = refusal(() =>
      mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id),
    )
    expect(error).toBeInstanceOf(RefusedError)
    expect((error as Error).message).toBe(
      `“Sergei Shoigu ${run}” (#${intoId}) has itself been merged into “Schoigu Endstation ${run}” (#${elsewhere}): merge into that speaker instead.`,
    )
  })

  test('into a deleted speaker', () => {
    const { speakerId, intoId } = pair()
    sqlite.prepare('update speakers set deleted_at = ? where id = ?').run(Date.now(), intoId)
    const error = refusal(() =>
      mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id),
    )
    expect((error as Error).message).toBe(
      `“Sergei Shoigu ${run}” (#${intoId}) has been deleted: pick a speaker who is still on the desk.`,
    )
  })

  test('a speaker who was merged already', () => {
    const { speakerId, intoId } = pair()
    const elsewhere = createSpeaker({ name: `Schoigu Zweitziel ${run}`, kind: 'person', aliases: [] }, editor.id)
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id)
    const error = refusal(() =>
      mergeSpeakers({ speakerId, intoSpeakerId: elsewhere, ...versions(speakerId, elsewhere) }, editor.id),
    )
    expect((error as Error).message).toBe(
      `“Sergej Schoigu ${run}” (#${speakerId}) has already been merged into “Sergei Shoigu ${run}” (#${intoId}).`,
    )
  })

  test('into a speaker who does not exist', () => {
    const { speakerId } = pair()
    const error = refusal(() =>
      mergeSpeakers({ speakerId, intoSpeakerId: 999_999, speakerVersion: 1, intoVersion: 1 }, editor.id),
    )
    expect((error as Error).message).toBe('There is no speaker #999999 to merge into.')
  })

  test.each(['speakerVersion', 'intoVersion'] as const)('from a stale %s', (stale) => {
    const { speakerId, intoId } = pair()
    claimBy(`Sergej Schoigu ${run}`)
    const opened = versions(speakerId, intoId)
    // A colleague edits one of the two speakers while the preview is open.
    const edited = stale === 'speakerVersion' ? speakerId : intoId
    db.update(speakers)
      .set({ version: row(edited).version + 1 })
      .where(eq(speakers.id, edited))
      .run()
    const error = refusal(() => mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...opened }, editor.id))
    expect(error).toBeInstanceOf(ConflictError)
    expect((error as ConflictError<Record<string, number>>).current).toEqual(versions(speakerId, intoId))
  })
})

describe('a merged speaker leaves every list and picker', () => {
  test('lists, lookups, suggestions and filter options', async () => {
    const { speakerId, intoId } = pair()
    const name = `Sergej Schoigu ${run}`
    expect(findSpeakersByName(db, name).map((s) => s.id)).toEqual([speakerId])
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, editor.id)

    expect(listSpeakers({ q: `Schoigu ${run}`, page: 1 }).rows.map((s) => s.id)).toEqual([intoId])
    expect(listSpeakers({ page: 1, pageSize: 10_000 }).rows.some((s) => s.id === speakerId)).toBe(false)
    expect(findSpeakersByName(db, name).map((s) => s.id)).toEqual([intoId])
    expect(suggestSpeakers(`Schoigu ${run}`).map((s) => s.id)).toEqual([intoId])
    // An old link to the claims list filtered by the merged speaker lists the target's claims.
    expect(speakerForFilter(undefined, speakerId)).toEqual({ id: intoId, label: expect.any(String) })
    expect(speakerForFilter(name, speakerId).id).toBe(intoId)
    // The claim form's speaker field now resolves the old name to the target.
    expect(getClaim(claimBy(name)).speakerId).toBe(intoId)
  })

  test('the picker leaves out the speaker being merged', async () => {
    // Both speakers answer to "Schoigu <n>", n being the number pair() is about to use.
    const { speakerId, intoId } = pair({}, { aliases: [`Schoigu ${run + 1} Gruppe`] })
    const url = `/resources/speakers?q=${encodeURIComponent(`Schoigu ${run}`)}&except=${intoId}`
    const result = await answer(() =>
      resourcesSpeakers.loader({ request: getRequest(url, editor.cookie), params: {}, context: {} }),
    )
    const ids = (result.data as { suggestions: Array<{ id: number }> }).suggestions.map((s) => s.id)
    expect(ids).not.toContain(intoId)
    expect(ids).toContain(speakerId)
  })
})

describe('the speaker pages', () => {
  test('a merged speaker’s page redirects to the target, which says what happened', async () => {
    const { speakerId, intoId } = pair()
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, colleague.id)
    const old = await answer(() =>
      speakerDetail.loader({
        request: getRequest(`/speakers/${speakerId}`, editor.cookie),
        params: { speakerId: String(speakerId) },
        context: {},
      }),
    )
    expect(old).toMatchObject({ status: 302, location: `/speakers/${intoId}?merged=${speakerId}` })

    const target = await answer(() =>
      speakerDetail.loader({
        request: getRequest(old.location!, editor.cookie),
        params: { speakerId: String(intoId) },
        context: {},
      }),
    )
    expect(target.data).toMatchObject({
      speaker: { id: intoId },
      merged: { id: speakerId, name: `Sergej Schoigu ${run}`, mergedByName: colleague.name },
    })
    // The note appears only on the speaker it was merged into.
    const { intoId: unrelated } = pair()
    const elsewhere = await answer(() =>
      speakerDetail.loader({
        request: getRequest(`/speakers/${unrelated}?merged=${speakerId}`, editor.cookie),
        params: { speakerId: String(unrelated) },
        context: {},
      }),
    )
    expect((elsewhere.data as { merged: unknown }).merged).toBeNull()
  })

  test('an edit form left open during the merge saves nothing and leads to the target', async () => {
    const { speakerId, intoId } = pair()
    const opened = row(speakerId)
    mergeSpeakers({ speakerId, intoSpeakerId: intoId, ...versions(speakerId, intoId) }, colleague.id)
    const request = () =>
      formRequest(
        `/speakers/${speakerId}/edit`,
        { name: opened.name, kind: 'person', role: 'Minister a. D.', version: String(opened.version) },
        editor.cookie,
      )
    const saved = await answer(() =>
      speakerEdit.action({ request: request(), params: { speakerId: String(speakerId) }, context: {} }),
    )
    expect(saved).toMatchObject({ status: 302, location: `/speakers/${intoId}?merged=${speakerId}` })
    expect(row(speakerId).role).toBe('Verteidigungsminister')
    const reopened = await answer(() =>
      speakerEdit.loader({
        request: getRequest(`/speakers/${speakerId}/edit`, editor.cookie),
        params: { speakerId: String(speakerId) },
        context: {},
      }),
    )
    expect(reopened).toMatchObject({ status: 302, location: `/speakers/${intoId}?merged=${speakerId}` })
  })

  test('the verdict record lists all seven verdicts in order', async () => {
    const { intoId } = pair()
    const id = claimBy(`Sergei Shoigu ${run}`)
    sqlite
      .prepare("update claims set status = 'verified', verdict = 'false', rationale = 'Widerlegt.' where id = ?")
      .run(id)
    const page = await answer(() =>
      speakerDetail.loader({
        request: getRequest(`/speakers/${intoId}`, editor.cookie),
        params: { speakerId: String(intoId) },
        context: {},
      }),
    )
    expect((page.data as { record: unknown }).record).toEqual([
      { verdict: 'true', n: 0 },
      { verdict: 'mostly_true', n: 0 },
      { verdict: 'mixed', n: 0 },
      { verdict: 'misleading', n: 0 },
      { verdict: 'mostly_false', n: 0 },
      { verdict: 'false', n: 1 },
      { verdict: 'unverifiable', n: 0 },
    ])
  })
})

describe('the merge page', () => {
  const params = (id: number) => ({ speakerId: String(id) })
  const load = (id: number, search = '') =>
    answer(() =>
      speakerMerge.loader({
        request: getRequest(`/speakers/${id}/merge${search}`, editor.cookie),
        params: params(id),
        context: {},
      }),
    )
  const confirm = (id: number, fields: Record<string, string>) =>
    answer(() =>
      speakerMerge.action({
        request: formRequest(`/speakers/${id}/merge`, fields, editor.cookie),
        params: params(id),
        context: {},
      }),
    )

  test('step one asks for the target; a typed spelling leads to the preview', async () => {
    const { speakerId, intoId } = pair()
    expect((await load(speakerId)).data).toMatchObject({ preview: null, result: null })
    const preview = await load(speakerId, `?into=${encodeURIComponent(`shoigu ${run}`)}`)
    expect(preview.data).toMatchObject({ preview: { into: { id: intoId }, speaker: { id: speakerId } } })
  })

  test.each([
    ['an unknown name', () => 'Niemand Bekanntes', /No speaker is called “Niemand Bekanntes”/],
    ['the speaker’s own name', () => `Sergej Schoigu ${run}`, /cannot be merged into itself/],
    ['nothing', () => '', /The speaker to merge into is required/],
  ])('step one with %s answers 400 with a message next to the field', async (_, typed, message) => {
    const { speakerId } = pair()
    const result = await load(speakerId, `?into=${encodeURIComponent(typed())}`)
    expect(result.status).toBe(400)
    const reply = (result.data as { result: { error: Record<string, string[]> } }).result
    expect(reply.error.into?.join(' ')).toMatch(message)
  })

  test('confirming merges and lands on the target with a note', async () => {
    const { speakerId, intoId } = pair()
    const { speakerVersion, intoVersion } = versions(speakerId, intoId)
    const result = await confirm(speakerId, {
      intoSpeakerId: String(intoId),
      speakerVersion: String(speakerVersion),
      intoVersion: String(intoVersion),
    })
    expect(result).toMatchObject({ status: 302, location: `/speakers/${intoId}?merged=${speakerId}` })
    expect(row(speakerId).mergedIntoId).toBe(intoId)
    // Afterwards the merge page, like the speaker page, leads to the target.
    expect(await load(speakerId)).toMatchObject({ status: 302, location: `/speakers/${intoId}?merged=${speakerId}` })
  })

  test('confirming from a stale preview is a 409 and merges nothing', async () => {
    const { speakerId, intoId } = pair()
    const opened = versions(speakerId, intoId)
    const current = getSpeaker(intoId)
    const { aliases, ...fields } = current
    updateSpeaker(
      intoId,
      {
        name: fields.name,
        kind: fields.kind,
        role: 'Minister',
        organisation: fields.organisation ?? undefined,
        aliases,
        version: fields.version,
      },
      colleague.id,
    )
    const result = await confirm(speakerId, {
      intoSpeakerId: String(intoId),
      speakerVersion: String(opened.speakerVersion),
      intoVersion: String(opened.intoVersion),
    })
    expect(result.status).toBe(409)
    expect((result.data as { error: string }).error).toMatch(/nothing was merged/)
    expect(row(speakerId).mergedIntoId).toBeNull()
  })

  test('a tampered confirm form is a 400, not a 500', async () => {
    const { speakerId } = pair()
    const result = await confirm(speakerId, { intoSpeakerId: 'abc', speakerVersion: '1' })
    expect(result.status).toBe(400)
    expect(row(speakerId).mergedIntoId).toBeNull()
  })
})
