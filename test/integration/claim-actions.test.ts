// The claim forms as the browser submits them: bad input is a 400 with messages and
// writes nothing; a stale edit is a 409 with both versions.
import { describe, expect, test } from 'vitest'
import { createClaim, getClaim } from '#app/domain/claims.server.ts'
import * as claimEdit from '#app/routes/claims.$claimId.edit.tsx'
import * as claimNew from '#app/routes/claims.new.tsx'
import { getConnection } from '#db/client.ts'
import { formRequest, signedIn } from '#test/helpers/fixtures.ts'

const editor = await signedIn('editor')
const rival = await signedIn('editor')
const { sqlite } = getConnection()
const total = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

type Reply = {
  data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> }; conflict?: unknown }
  init: ResponseInit
}

async function post(action: typeof claimNew.action, url: string, fields: Record<string, string>, params = {}) {
  return action({ request: formRequest(url, fields, editor.cookie), params, context: {} })
}

describe('new claim form', () => {
  test('creates the claim, a new speaker and a new source in one go', async () => {
    const response = (await post(claimNew.action, '/claims/new', {
      text: 'Nordkorea schickte mehr als 10.000 Soldaten nach Russland.',
      language: 'de',
      speakerName: 'Shin Won-sik',
      newSpeaker: 'on',
      newSource: 'on',
      newSourceTitle: 'Südkorea: Truppen in Kursk',
      newSourceUrl: 'https://example.org/kursk?utm_medium=social',
    })) as Response
    expect(response.status).toBe(302)
    const id = Number(response.headers.get('Location')?.split('/').pop())
    const claim = getClaim(id)
    expect(claim).toMatchObject({
      speakerName: 'Shin Won-sik',
      sourceTitle: 'Südkorea: Truppen in Kursk',
      sourceUrl: 'https://example.org/kursk',
    })
  })

  test.each([
    ['an empty claim', { text: '' }, 'text', /required/],
    ['an over-long claim', { text: 'x'.repeat(5000) }, 'text', /at most 1000/],
    ['a malformed date', { text: 'Eine Behauptung', claimedOn: '27.07.2023' }, 'claimedOn', /date like 2023-07-27/],
    [
      'a malformed source URL',
      { text: 'Eine Behauptung', newSource: 'on', newSourceTitle: 'T', newSourceUrl: 'www example' },
      'newSourceUrl',
      /http/,
    ],
    [
      'an unknown speaker',
      { text: 'Eine Behauptung', speakerName: 'Niemand Bekanntes' },
      'speakerName',
      /No speaker called/,
    ],
    [
      'an unknown source',
      { text: 'Eine Behauptung', sourceRef: 'Kein solcher Artikel' },
      'sourceRef',
      /No source titled/,
    ],
    [
      'a source number that does not exist',
      { text: 'Eine Behauptung', sourceRef: 'Irgendein Titel (#987654)' },
      'sourceRef',
      /There is no source #987654/,
    ],
  ])('%s gets a message next to the field and writes nothing', async (_name, fields, field, message) => {
    const before = ['claims', 'speakers', 'sources', 'claim_events'].map(total)
    const reply = (await post(claimNew.action, '/claims/new', { language: 'de', ...fields })) as unknown as Reply
    expect(reply.init.status).toBe(400)
    expect(reply.data.result.error[field]?.[0]).toMatch(message)
    // What the editor typed comes back to refill the form (conform drops empty fields).
    expect(reply.data.result.initialValue).toMatchObject(
      Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')),
    )
    expect(['claims', 'speakers', 'sources', 'claim_events'].map(total)).toEqual(before)
  })
})

describe('edit form', () => {
  test('a save based on an old version is a 409 with both versions and keeps the first save', async () => {
    const id = createClaim({ text: 'Original', language: 'de', tags: [] }, editor.id)
    const first = (await claimEdit.action({
      request: formRequest(
        `/claims/${id}/edit`,
        { text: 'Erste Änderung', language: 'de', version: '1' },
        rival.cookie,
      ),
      params: { claimId: String(id) },
      context: {},
    })) as Response
    expect(first.status).toBe(302)
    const second = (await post(
      claimEdit.action,
      `/claims/${id}/edit`,
      { text: 'Zweite Änderung', language: 'de', version: '1' },
      { claimId: String(id) },
    )) as unknown as Reply
    expect(second.init.status).toBe(409)
    expect(second.data.conflict).toMatchObject({
      current: { text: 'Erste Änderung', version: 2, updatedByName: rival.name },
      yours: { text: 'Zweite Änderung' },
    })
    expect(getClaim(id).text).toBe('Erste Änderung')
  })
})

describe('tampered hidden fields', () => {
  test('a non-numeric speaker id is refused with a message, not a 500', async () => {
    const reply = (await post(claimNew.action, '/claims/new', {
      text: 'Eine Behauptung',
      language: 'de',
      speakerName: 'X',
      speakerId: 'abc',
    })) as unknown as Reply
    expect(reply.init.status).toBe(400)
    expect(reply.data.result.error.speakerId).toEqual(['Speaker is not a valid id.'])
  })
})
