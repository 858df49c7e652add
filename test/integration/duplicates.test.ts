// Possible duplicates on the demo desk: the seed articles tell Schoigu's visit to
// Pyongyang for the 70th anniversary several times, and each telling must find the others.
import { count as sqlCount, eq, like } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createClaim, deleteClaim, getClaim } from '#app/domain/claims.server.ts'
import { possibleDuplicatesOf } from '#app/domain/duplicates.server.ts'
import { listClaimLinks } from '#app/domain/links.server.ts'
import * as newClaimRoute from '#app/routes/claims.new.tsx'
import { FieldError } from '#app/utils/errors.server.ts'
import { db } from '#db/client.ts'
import { claims } from '#db/schema.ts'
import { seedDemoData } from '#seeds/seed.ts'
import { formRequest, signedIn } from '#test/helpers/fixtures.ts'

seedDemoData(db)
const editor = await signedIn('editor')

function seedClaim(start: string) {
  const row = db
    .select({ id: claims.id, text: claims.text, speakerId: claims.speakerId })
    .from(claims)
    .where(like(claims.text, `${start}%`))
    .get()
  if (!row) throw new Error(`No seed claim starts with “${start}”`)
  return row
}

const visitA = seedClaim('Sergej Schoigu besuchte Nordkorea anlässlich des 70. Jahrestags')
const visitB = seedClaim('Offizieller Anlass des Besuchs von Schoigu')
const visitC = seedClaim('Russlands Verteidigungsminister Sergei Schoigu ist zu einem dreitägigen Besuch')
const weapons = seedClaim('Schoigu ließ sich am Vortag Waffen')

const ids = (suggestions: Array<{ id: number }>) => suggestions.map((s) => s.id)

describe('possible duplicates on the demo desk', () => {
  test('a new claim about the 70th-anniversary visit finds every telling of it in the seed articles', () => {
    const suggestions = possibleDuplicatesOf({
      text: 'Schoigu reiste zum 70. Jahrestag des Kriegsendes nach Pjöngjang.',
    })
    expect(ids(suggestions)).toEqual(expect.arrayContaining([visitA.id, visitB.id, visitC.id]))
    expect(ids(suggestions)).not.toContain(weapons.id)
    const b = suggestions.find((s) => s.id === visitB.id)!
    expect(b.sharedNumbers).toEqual(['70'])
    expect(b.sharedWords).toEqual(expect.arrayContaining(['Schoigu', 'Jahrestag', 'Pjöngjang']))
    expect(b).toMatchObject({ status: expect.any(String), verdict: null })
  })

  test('each telling, typed again, finds the others first', () => {
    for (const telling of [visitA, visitB, visitC]) {
      const others = [visitA, visitB, visitC].filter((t) => t !== telling).map((t) => t.id)
      const found = ids(possibleDuplicatesOf({ text: telling.text, speakerId: telling.speakerId }))
      expect(found.slice(0, 3)).toEqual(expect.arrayContaining([telling.id, ...others]))
    }
  })

  test('on a claim’s own page: never the claim itself, nor claims already linked to it or gathered under its canonical claim', () => {
    const found = ids(possibleDuplicatesOf({ text: visitA.text, speakerId: visitA.speakerId, claimId: visitA.id }))
    expect(found).not.toContain(visitA.id)
    const linked = listClaimLinks(visitA.id).map((l) => l.otherId)
    expect(linked.length).toBeGreaterThan(0)
    for (const id of linked) expect(found).not.toContain(id)
    // The seed gathers the visit's tellings under one canonical claim.
    expect(found).not.toContain(visitB.id)
  })

  test('a claim about the same man but another fact is not suggested', () => {
    expect(ids(possibleDuplicatesOf({ text: visitA.text }))).not.toContain(weapons.id)
  })

  test('numbers match in any grouping, and a trashed claim is never suggested', () => {
    const troops = createClaim(
      { text: 'Russland verlegte mehr als 10.000 Soldaten an die Grenze zu Finnland.', language: 'de', tags: [] },
      editor.id,
    )
    const found = possibleDuplicatesOf({ text: 'Über 10 000 Soldaten an der finnischen Grenze stationiert' })
    expect(found.find((s) => s.id === troops)).toMatchObject({ sharedNumbers: ['10000'] })
    deleteClaim(troops, getClaim(troops).version, editor.id)
    expect(
      ids(possibleDuplicatesOf({ text: 'Über 10 000 Soldaten an der finnischen Grenze stationiert' })),
    ).not.toContain(troops)
  })

  test('the rarest words find the candidates, so a telling that shares only short, rare ones is not crowded out', () => {
    // Many claims share the draft's long words; the one that tells the same fact shares
    // only "Kursk" and "Panzer". Searching by the longest words would never reach it.
    for (let i = 0; i < 30; i++) {
      createClaim(
        {
          text: `Verteidigungsministerium und Waffenstillstandsabkommen: Bericht über Getreide, Dünger, Weizen und Reis, Folge ${i}`,
          language: 'de',
          tags: [],
        },
        editor.id,
      )
    }
    const telling = createClaim({ text: 'Bei Kursk wurden Panzer vernichtet.', language: 'de', tags: [] }, editor.id)
    const found = possibleDuplicatesOf({
      text: 'Verteidigungsministerium: Waffenstillstandsabkommen gebrochen, Panzer bei Kursk zerstört',
    })
    expect(ids(found)[0]).toBe(telling)
    expect(found[0]!.sharedWords).toEqual(expect.arrayContaining(['Kursk', 'Panzer']))
  })

  test('nothing to compare gives nothing, not every claim', () => {
    expect(possibleDuplicatesOf({ text: 'und die der' })).toEqual([])
    expect(possibleDuplicatesOf({ text: '"*" NEAR( -' })).toEqual([])
  })
})

describe('saving a new claim linked to the claim it repeats', () => {
  async function post(fields: Record<string, string>) {
    return newClaimRoute.action({
      request: formRequest('/claims/new', { language: 'de', ...fields }, editor.cookie),
      params: {},
      context: {},
    })
  }
  const count = () => db.select({ n: sqlCount() }).from(claims).get()!.n

  test('creates the claim and the duplicate link in one step', async () => {
    const response = (await post({
      text: 'Schoigu war zum 70. Jahrestag in Pjöngjang.',
      linkAs: `duplicate_of:${visitC.id}`,
    })) as Response
    expect(response.status).toBe(302)
    const id = Number(response.headers.get('Location')!.split('/').at(-1))
    expect(listClaimLinks(id)).toEqual([
      expect.objectContaining({ type: 'duplicate_of', direction: 'outgoing', otherId: visitC.id }),
    ])
  })

  test('a refused link (the other claim was trashed meanwhile) creates nothing and says why', async () => {
    const gone = createClaim({ text: 'Bald im Papierkorb, ein Gipfeltreffen', language: 'de', tags: [] }, editor.id)
    deleteClaim(gone, getClaim(gone).version, editor.id)
    const before = count()
    const reply = (await post({ text: 'Ein Gipfeltreffen fand statt', linkAs: `related:${gone}` })) as unknown as {
      data: { result: { error: Record<string, string[]> } }
      init: { status: number }
    }
    expect(reply.data.result.error).toEqual({
      '': [`Claim #${gone} is in the trash; restore it before linking to it.`],
    })
    expect(reply.init.status).toBe(409)
    expect(reply.data.result.error['']).toEqual([`Claim #${gone} is in the trash; restore it before linking to it.`])
    expect(count()).toBe(before)
    expect(() =>
      createClaim(
        { text: 'Noch ein Versuch', language: 'de', tags: [], linkAs: { type: 'related', toClaimId: gone } },
        editor.id,
      ),
    ).toThrow(FieldError)
    expect(count()).toBe(before)
  })

  test('a forged link choice is refused next to the form, and the suggestions come back with it', async () => {
    const before = count()
    const reply = (await post({ text: '', linkAs: 'drop table:1' })) as unknown as {
      data: { result: { error: Record<string, string[]> }; duplicates: unknown[] }
      init: { status: number }
    }
    expect(reply.init.status).toBe(400)
    expect(reply.data.result.error.linkAs).toEqual(['Pick the claim to link from the suggestions.'])
    expect(count()).toBe(before)
    const withText = (await post({ text: visitA.text, linkAs: 'nonsense' })) as unknown as {
      data: { duplicates: Array<{ id: number }> }
    }
    expect(ids(withText.data.duplicates)).toContain(visitB.id)
    expect(db.select().from(claims).where(eq(claims.text, '')).all()).toEqual([])
  })
})
