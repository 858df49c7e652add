// The activity page: the desk's events newest first, each filter, paging that neither
// repeats nor skips events sharing a timestamp, and URLs that make no sense.
import { describe, expect, test } from 'vitest'
import { createClaim, deleteClaim } from '#app/domain/claims.server.ts'
import { eventsPageQuery, eventsPageSize, listEvents, recordClaimEvent } from '#app/domain/history.server.ts'
import * as activity from '#app/routes/activity.tsx'
import { ActivityQuerySchema, parseActivityQuery } from '#app/validation/activity.ts'
import type { PageCursor } from '#app/validation/common.ts'
import { db, getConnection } from '#db/client.ts'
import { getRequest, signedIn } from '#test/helpers/fixtures.ts'

const jonas = await signedIn('editor')
const mira = await signedIn('editor')
const viewer = await signedIn('viewer')

const text = 'Nordkorea schickte mehr als 10.000 Soldaten nach Russland und beteiligte sich an Kämpfen in Kursk.'
const claimA = createClaim({ text, language: 'de', tags: [] }, jonas.id)
const claimB = createClaim({ text: 'Kim besuchte Wostotschny.', language: 'de', tags: [] }, mira.id)
const claimC = createClaim({ text: 'Schoigu war drei Tage in Pjöngjang.', language: 'de', tags: [] }, mira.id)

const at = (iso: string) => new Date(iso)
db.transaction((tx) => {
  // A small history in 2022, well before the `created` events written just now.
  recordClaimEvent(tx, { claimId: claimA, actorId: jonas.id, type: 'assigned', at: at('2022-04-30T23:59:59.999Z') })
  recordClaimEvent(tx, {
    claimId: claimA,
    actorId: jonas.id,
    type: 'status_changed',
    before: { status: 'new' },
    after: { status: 'researching' },
    at: at('2022-05-01T00:00:00.000Z'),
  })
  recordClaimEvent(tx, { claimId: claimB, actorId: mira.id, type: 'updated', at: at('2022-05-15T10:00:00.000Z') })
  recordClaimEvent(tx, {
    claimId: claimA,
    actorId: mira.id,
    type: 'evidence_added',
    at: at('2022-05-31T23:59:59.999Z'),
  })
  recordClaimEvent(tx, { claimId: claimB, actorId: jonas.id, type: 'assigned', at: at('2022-06-01T00:00:00.000Z') })
  // 120 events in the same millisecond, as a bulk change writes them.
  const burstAt = at('2021-03-01T12:00:00.000Z')
  for (let i = 0; i < 120; i++) {
    recordClaimEvent(tx, { claimId: claimC, actorId: mira.id, type: 'updated', at: burstAt })
  }
})

const query = (params: Record<string, string> = {}) => ActivityQuerySchema.parse(params)

describe('listEvents', () => {
  test('newest first, with actor, claim text and the trash marked', () => {
    deleteClaim(claimB, 1, mira.id)
    const { events } = listEvents(query())
    expect(events[0]).toMatchObject({ type: 'deleted', claimId: claimB, actorName: mira.name })
    expect(events[0]!.claimDeletedAt).toBeInstanceOf(Date)
    const times = events.map((e) => e.at.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const created = events.find((e) => e.claimId === claimA && e.type === 'created')
    expect(created).toMatchObject({ actorName: jonas.name, claimText: text, claimDeletedAt: null })
  })

  test('by event type', () => {
    const { events } = listEvents(query({ type: 'assigned' }))
    expect(events.map((e) => [e.claimId, e.at.toISOString()])).toEqual([
      [claimB, '2022-06-01T00:00:00.000Z'],
      [claimA, '2022-04-30T23:59:59.999Z'],
    ])
  })

  test('by who did it', () => {
    const { events } = listEvents(query({ actor: jonas.id }))
    expect(events.length).toBeGreaterThan(0)
    expect(events.every((e) => e.actorName === jonas.name)).toBe(true)
    expect(events.map((e) => e.type)).toEqual(['created', 'assigned', 'status_changed', 'assigned'])
  })

  test('by claim number', () => {
    const { events } = listEvents(query({ claim: `#${claimA}` }))
    expect(new Set(events.map((e) => e.claimId))).toEqual(new Set([claimA]))
    expect(events.map((e) => e.type)).toEqual(['created', 'evidence_added', 'status_changed', 'assigned'])
  })

  test('by date, both ends inclusive, whole days in UTC', () => {
    const { events } = listEvents(query({ from: '2022-05-01', to: '2022-05-31' }))
    expect(events.map((e) => e.at.toISOString())).toEqual([
      '2022-05-31T23:59:59.999Z',
      '2022-05-15T10:00:00.000Z',
      '2022-05-01T00:00:00.000Z',
    ])
    expect(listEvents(query({ from: '2022-06-01' })).events.some((e) => e.type === 'assigned')).toBe(true)
    expect(listEvents(query({ to: '2021-02-28' })).events).toEqual([])
  })

  test('filters combine', () => {
    const { events } = listEvents(
      query({ claim: String(claimA), actor: mira.id, from: '2022-01-01', to: '2022-12-31' }),
    )
    expect(events.map((e) => e.type)).toEqual(['evidence_added'])
  })

  test('pages through events that share one timestamp without repeating or skipping any', () => {
    const seen: number[] = []
    let cursor: PageCursor | undefined
    const pageSizes: number[] = []
    do {
      const page = listEvents({ ...query({ claim: String(claimC), to: '2021-12-31' }), before: cursor })
      pageSizes.push(page.events.length)
      seen.push(...page.events.map((e) => e.id))
      cursor = page.older ?? undefined
    } while (cursor)
    expect(pageSizes).toEqual([eventsPageSize, eventsPageSize, 20])
    expect(new Set(seen).size).toBe(120)
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
  })
})

describe('the /activity page', () => {
  async function load(search: string, cookie = viewer.cookie) {
    return (await activity.loader({
      request: getRequest(`/activity${search}`, cookie),
      params: {},
      context: {},
    })) as Awaited<ReturnType<typeof activity.loader>>
  }

  test('the cursor in the URL leads to the next page, then the page after', async () => {
    const first = await load(`?claim=${claimC}&to=2021-12-31`)
    expect(first.events).toHaveLength(50)
    expect(first.older).toMatch(/^\d+_\d+$/)
    const second = await load(`?claim=${claimC}&to=2021-12-31&before=${first.older}`)
    expect(second.events).toHaveLength(50)
    expect(second.events[0]!.id).toBeLessThan(first.events.at(-1)!.id)
    const third = await load(`?claim=${claimC}&to=2021-12-31&before=${second.older}`)
    expect(third.events).toHaveLength(20)
    expect(third.older).toBeNull()
  })

  test('unknown types, people and cursors are ignored', async () => {
    const page = await load(`?type=drop+table&actor=${encodeURIComponent("' or 1=1 --")}&before=yesterday`)
    expect(page.query).toMatchObject({ type: undefined, actor: undefined, before: undefined })
    expect(page.errors).toEqual({})
    expect(page.filtered).toBe(false)
    expect(page.events.length).toBe(50)
  })

  test.each([
    ['claim=abc', 'claim', 'A claim number looks like 12 or #12.'],
    ['claim=0', 'claim', 'A claim number looks like 12 or #12.'],
    ['from=13.01.2024', 'from', 'The from date must be a date like 2023-07-27.'],
    ['from=2024-13-45', 'from', 'The from date is not a real calendar date.'],
    ['from=2024-02-30', 'from', 'The from date is not a real calendar date.'],
    ['from=2022-06-01&to=2022-05-01', 'to', 'The to date is before the from date.'],
  ])('?%s gets a message next to the field and that filter is left out', async (search, field, message) => {
    const page = await load(`?${search}&type=assigned`)
    expect(page.errors).toEqual({ [field]: [message] })
    expect(page.query.type).toBe('assigned')
    expect(page.events.length).toBeGreaterThan(0)
    // What was typed stays in the form.
    expect(Object.values(page.typed)).toContain(new URLSearchParams(search).get(field))
  })

  test('the people offered as a filter are those who may change claims', async () => {
    const page = await load('')
    const ids = page.actors.map((a) => a.id)
    expect(ids).toEqual(expect.arrayContaining([jonas.id, mira.id]))
    expect(ids).not.toContain(viewer.id)
  })

  test('several bad values at once: each gets its message', () => {
    expect(parseActivityQuery({ claim: 'x', from: 'gestern', to: '2022-01-01' }).errors).toEqual({
      claim: ['A claim number looks like 12 or #12.'],
      from: ['The from date must be a date like 2023-07-27.'],
    })
  })
})

describe('every filter rides an index', () => {
  const { sqlite } = getConnection()
  function plan(params: Parameters<typeof eventsPageQuery>[0]) {
    const { sql, params: values } = eventsPageQuery(params, eventsPageSize + 1).toSQL()
    const rows = sqlite.prepare(`explain query plan ${sql}`).all(...(values as unknown[])) as Array<{ detail: string }>
    return rows.map((r) => r.detail).join('\n')
  }
  const cursor = { key: Date.now(), id: 1_000_000 }

  test.each([
    ['no filter', {}, /claim_events USING INDEX claim_events_at_idx/],
    ['a claim', { claim: claimA }, /claim_events USING INDEX claim_events_claim_idx \(claim_id=\?\)/],
    ['a claim, older page', { claim: claimA, before: cursor }, /claim_events_claim_idx \(claim_id=\? AND at<\?\)/],
    ['dates', { from: '2022-05-01', to: '2022-05-31' }, /claim_events_at_idx \(at>\? AND at<\?\)/],
    ['an older page', { before: cursor }, /claim_events_at_idx \(at<\?\)/],
    ['a type', { type: 'assigned' as const }, /claim_events USING INDEX claim_events_type_idx \(type=\?\)/],
    ['a person', { actor: jonas.id }, /claim_events USING INDEX claim_events_actor_idx \(actor_id=\?\)/],
    [
      'a type, older page',
      { type: 'assigned' as const, before: cursor },
      /claim_events_type_idx \(type=\? AND at<\?\)/,
    ],
  ])('%s', (_, params, expected) => {
    const detail = plan(params)
    expect(detail).toMatch(expected)
    // Rows come out of the index already in (at, id) order: no sorting step.
    expect(detail).not.toMatch(/TEMP B-TREE/)
  })
})
