import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  createClaim,
  deleteClaim,
  effectiveSort,
  getClaim,
  getClaimDetail,
  listClaims,
  listTrash,
  restoreClaim,
  updateClaim,
} from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import { createSource } from '#app/domain/sources.server.ts'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import { ConflictError, FieldError } from '#app/utils/errors.server.ts'
import { ClaimListQuerySchema, type ClaimInput } from '#app/validation/claim.ts'
import { db, getConnection } from '#db/client.ts'
import { claims, sources, speakers } from '#db/schema.ts'
import { makeUser } from '#test/helpers/fixtures.ts'

const editor = await makeUser('editor')
const other = await makeUser('editor')
const schoigu = createSpeaker(
  { name: 'Sergej Schoigu', kind: 'person', role: 'Verteidigungsminister', aliases: ['Sergei Shoigu', 'Schoigu'] },
  editor.id,
)
const article = createSource(
  { title: 'Schoigu besucht Kim', url: 'https://example.org/schoigu', kind: 'article' },
  editor.id,
)

function input(fields: Partial<ClaimInput> = {}): ClaimInput {
  return { text: 'Schoigu besuchte Pjöngjang für drei Tage.', language: 'de', tags: [], ...fields }
}

describe('creating claims', () => {
  test('a speaker is found by any alias spelling', () => {
    const id = createClaim(input({ speakerName: 'sergei shoigu' }), editor.id)
    expect(getClaim(id).speakerId).toBe(schoigu)
  })

  test('an unknown speaker is refused unless the editor asks for a new one', () => {
    const before = db.select().from(claims).all().length
    expect(() => createClaim(input({ speakerName: 'Sergej Schojgu' }), editor.id)).toThrow(FieldError)
    expect(db.select().from(claims).all().length).toBe(before)
    const id = createClaim(
      input({ speakerName: 'Andrei Belousov', newSpeaker: true, newSpeakerRole: 'Minister' }),
      editor.id,
    )
    const speaker = db
      .select()
      .from(speakers)
      .where(eq(speakers.id, getClaim(id).speakerId!))
      .get()
    expect(speaker?.name).toBe('Andrei Belousov')
    expect(speaker?.role).toBe('Minister')
  })

  test('a source is picked by title or URL and becomes origin evidence', () => {
    const byTitle = createClaim(input({ sourceRef: 'schoigu besucht kim' }), editor.id)
    const byUrl = createClaim(input({ sourceRef: 'https://EXAMPLE.org/schoigu/?utm_source=x' }), editor.id)
    for (const id of [byTitle, byUrl]) {
      const detail = getClaimDetail(id)
      expect(detail.claim.sourceId).toBe(article)
      expect(detail.evidence.map((e) => [e.sourceId, e.role])).toEqual([[article, 'origin']])
    }
  })

  test('a new source with a URL already on the desk reuses that source', () => {
    const id = createClaim(
      input({ newSource: true, newSourceTitle: 'Doppelt', newSourceUrl: 'https://example.org/schoigu' }),
      editor.id,
    )
    expect(getClaim(id).sourceId).toBe(article)
    expect(db.select().from(sources).where(eq(sources.title, 'Doppelt')).all()).toHaveLength(0)
  })

  test('a failure halfway writes nothing: no speaker without its claim', () => {
    const speakersBefore = db.select().from(speakers).all().length
    expect(() =>
      createClaim(
        input({ speakerName: 'Neue Person', newSpeaker: true, sourceRef: 'no such source title' }),
        editor.id,
      ),
    ).toThrow(FieldError)
    expect(db.select().from(speakers).all().length).toBe(speakersBefore)
  })

  test('creation is recorded in the history with tags', () => {
    const id = createClaim(input({ tags: ['nordkorea', 'russland'] }), editor.id)
    const events = listClaimEvents(id)
    expect(events.map((e) => e.type)).toEqual(['created'])
    expect(events[0]?.after).toMatchObject({ text: input().text, tags: 'nordkorea, russland' })
  })
})

describe('editing with optimistic locking', () => {
  test('an edit from the current version is saved and recorded field by field', () => {
    const id = createClaim(input(), editor.id)
    updateClaim(id, { ...input({ text: 'Schoigu blieb drei Tage.', verdict: 'true' }), version: 1 }, other.id)
    const claim = getClaim(id)
    expect(claim.text).toBe('Schoigu blieb drei Tage.')
    expect(claim.version).toBe(2)
    const update = listClaimEvents(id).find((e) => e.type === 'updated')
    expect(update?.before).toEqual({ text: input().text, verdict: null })
    expect(update?.after).toEqual({ text: 'Schoigu blieb drei Tage.', verdict: 'true' })
  })

  test('an edit from a stale version is refused and overwrites nothing', () => {
    const id = createClaim(input(), editor.id)
    updateClaim(id, { ...input({ text: 'Erste Fassung' }), version: 1 }, editor.id)
    let conflict: unknown
    try {
      updateClaim(id, { ...input({ text: 'Zweite Fassung' }), version: 1 }, other.id)
    } catch (error) {
      conflict = error
    }
    expect(conflict).toBeInstanceOf(ConflictError)
    expect((conflict as ConflictError<{ text: string; version: number }>).current).toMatchObject({
      text: 'Erste Fassung',
      version: 2,
    })
    expect(getClaim(id).text).toBe('Erste Fassung')
    expect(listClaimEvents(id).filter((e) => e.type === 'updated')).toHaveLength(1)
  })
})

describe('trash', () => {
  test('delete is soft, hides the claim from the list, and restore brings it back', () => {
    const id = createClaim(input({ text: 'Wird gelöscht' }), editor.id)
    const query = ClaimListQuerySchema.parse({})
    deleteClaim(id, 1, editor.id)
    expect(getClaim(id).deletedAt).toBeInstanceOf(Date)
    expect(listClaims(query).rows.some((r) => r.id === id)).toBe(false)
    expect(listTrash().rows.some((r) => r.id === id)).toBe(true)
    restoreClaim(id, other.id)
    expect(getClaim(id).deletedAt).toBeNull()
    expect(listClaims(query).rows.some((r) => r.id === id)).toBe(true)
    expect(listClaimEvents(id).map((e) => e.type)).toEqual(['restored', 'deleted', 'created'])
  })

  test('deleting from a stale version is a conflict', () => {
    const id = createClaim(input(), editor.id)
    updateClaim(id, { ...input({ text: 'Neu' }), version: 1 }, other.id)
    expect(() => deleteClaim(id, 1, editor.id)).toThrow(ConflictError)
    expect(getClaim(id).deletedAt).toBeNull()
  })
})

describe('list filters', () => {
  test('filter by speaker, status and tag', () => {
    const tagged = createClaim(input({ text: 'Mit Tag', tags: ['sanktionen'], speakerName: 'Schoigu' }), editor.id)
    const bySpeaker = listClaims(ClaimListQuerySchema.parse({ speaker: String(schoigu) }))
    expect(bySpeaker.rows.length).toBeGreaterThan(0)
    expect(bySpeaker.rows.every((r) => r.speakerId === schoigu)).toBe(true)
    const byTag = listClaims(ClaimListQuerySchema.parse({ tag: 'Sanktionen' }))
    expect(byTag.rows.map((r) => r.id)).toEqual([tagged])
    expect(listClaims(ClaimListQuerySchema.parse({ status: 'verified' })).total).toBe(0)
  })

  test('nonsense query parameters fall back instead of failing', () => {
    const query = ClaimListQuerySchema.parse({
      status: 'bogus',
      sort: 'drop table',
      after: '1_2_3',
      before: 'Infinity_1',
      speaker: '-1',
    })
    expect(query).toMatchObject({ status: undefined, sort: undefined, after: undefined, before: undefined })
    expect(query.speaker).toBeUndefined()
    expect(effectiveSort(query)).toBe('updated')
    expect(effectiveSort({ q: 'Schoigu' })).toBe('relevance')
    expect(effectiveSort({ sort: 'relevance' })).toBe('updated')
  })
})

describe('editing a checked claim', () => {
  function checkedClaim(status: 'in_review' | 'verified') {
    const id = createClaim(input({ verdict: 'true', rationale: 'Belegt durch das Video des Ministeriums.' }), editor.id)
    const { sqlite } = getConnection()
    sqlite
      .prepare('update claims set status = ?, submitted_by = ?, approved_by = ?, approved_at = ? where id = ?')
      .run(status, editor.id, status === 'verified' ? other.id : null, status === 'verified' ? Date.now() : null, id)
    return id
  }

  test('a verified claim whose verdict changes goes back to review, approval withdrawn', () => {
    const id = checkedClaim('verified')
    const version = getClaim(id).version
    updateClaim(
      id,
      { ...input({ verdict: 'mostly_true', rationale: 'Belegt durch das Video des Ministeriums.' }), version },
      other.id,
    )
    expect(getClaim(id)).toMatchObject({
      status: 'in_review',
      approvedById: null,
      submittedById: other.id,
      verdict: 'mostly_true',
    })
    const statusEvent = listClaimEvents(id).find((e) => e.type === 'status_changed')
    expect(statusEvent).toMatchObject({ before: { status: 'verified' }, after: { status: 'in_review' } })
  })

  test('removing the rationale of a verified claim sends it back to research instead of failing', () => {
    const id = checkedClaim('verified')
    updateClaim(id, { ...input({ verdict: 'true' }), version: getClaim(id).version }, other.id)
    expect(getClaim(id)).toMatchObject({ status: 'researching', rationale: null, approvedById: null })
  })

  test('tags or the date change nothing about the check', () => {
    const id = checkedClaim('verified')
    updateClaim(
      id,
      {
        ...input({ verdict: 'true', rationale: 'Belegt durch das Video des Ministeriums.', tags: ['archiv'] }),
        version: getClaim(id).version,
      },
      other.id,
    )
    expect(getClaim(id)).toMatchObject({ status: 'verified', tags: ['archiv'] })
  })
})

describe('origin evidence follows the source', () => {
  test('changing the source retires the old origin, clearing it retires it too', () => {
    const second = createSource({ title: 'Zweiter Artikel', kind: 'article' }, editor.id)
    const id = createClaim(input({ sourceRef: 'Schoigu besucht Kim' }), editor.id)
    updateClaim(id, { ...input({ sourceRef: 'Zweiter Artikel' }), version: 1 }, editor.id)
    expect(getClaimDetail(id).evidence.map((e) => [e.sourceId, e.role])).toEqual([[second, 'origin']])
    updateClaim(id, { ...input(), version: 2 }, editor.id)
    expect(getClaimDetail(id).evidence).toEqual([])
    const types = listClaimEvents(id).map((e) => e.type)
    expect(types.filter((t) => t === 'evidence_removed')).toHaveLength(2)
    expect(types.filter((t) => t === 'evidence_added')).toHaveLength(2)
  })

  test('a source named with its number is picked even when titles repeat', () => {
    const twin = createSource({ title: 'Schoigu besucht Kim', kind: 'article' }, editor.id)
    expect(() => createClaim(input({ sourceRef: 'Schoigu besucht Kim' }), editor.id)).toThrow(/Several sources/)
    const id = createClaim(input({ sourceRef: `Schoigu besucht Kim (#${twin})` }), editor.id)
    expect(getClaim(id).sourceId).toBe(twin)
  })
})

describe('saving without changes', () => {
  test('writes nothing, so the open forms of colleagues stay valid', () => {
    const id = createClaim(input({ tags: ['a', 'b'] }), editor.id)
    const before = getClaim(id)
    updateClaim(id, { ...input({ tags: ['a', 'b'] }), version: 1 }, other.id)
    expect(getClaim(id)).toMatchObject({ version: 1, updatedById: before.updatedById })
    expect(listClaimEvents(id).map((e) => e.type)).toEqual(['created'])
  })
})

describe('history names speakers with their numbers', () => {
  test('a change of speaker is recorded as name and number', () => {
    const kimA = createSpeaker({ name: 'Kim A', kind: 'person', aliases: [] }, editor.id)
    createSpeaker({ name: 'Kim B', kind: 'person', aliases: [] }, editor.id)
    const id = createClaim(input({ speakerName: 'Kim A' }), editor.id)
    updateClaim(id, { ...input({ speakerName: 'Kim B' }), version: 1 }, editor.id)
    const update = listClaimEvents(id).find((e) => e.type === 'updated')
    expect(update?.before).toEqual({ speaker: `Kim A (#${kimA})` })
  })
})
