// Claim search against a real database: the index follows every write path, spelling
// variants find each other, hostile input never reaches FTS5 as syntax.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createClaim, deleteClaim, getClaim, listClaims, restoreClaim, updateClaim } from '#app/domain/claims.server.ts'
import { addClaimNote, removeNote } from '#app/domain/annotations.server.ts'
import { attachEvidence } from '#app/domain/evidence.server.ts'
import { createSource, getSource, updateSource } from '#app/domain/sources.server.ts'
import { createSpeaker, getSpeaker, mergeSpeakers, updateSpeaker } from '#app/domain/speakers.server.ts'
import { ClaimListQuerySchema } from '#app/validation/claim.ts'
import { makeUser } from '#test/helpers/fixtures.ts'

const editor = { ...(await makeUser('editor')), role: 'editor' as const }

function search(q: string, filters: Record<string, string> = {}) {
  return listClaims(ClaimListQuerySchema.parse({ q, ...filters }), editor.id)
}
const found = (q: string, filters?: Record<string, string>) => search(q, filters).rows.map((r) => r.id)

const schoigu = createSpeaker(
  { name: 'Sergej Schoigu', kind: 'person', aliases: ['Sergei Shoigu', 'Schoigu'] },
  editor.id,
)
const kim = createSpeaker({ name: 'Kim Jong-un', kind: 'person', aliases: [] }, editor.id)
const visit = createClaim(
  {
    text: 'Schoigu besuchte Pjöngjang zum 70. Jahrestag.',
    language: 'de',
    tags: [],
    speakerId: schoigu,
    speakerName: 'Sergej Schoigu',
  },
  editor.id,
)
const troops = createClaim(
  {
    text: 'Nordkorea schickte mehr als 10.000 Soldaten nach Russland.',
    language: 'de',
    tags: [],
    speakerId: kim,
    speakerName: 'Kim Jong-un',
  },
  editor.id,
)

describe('spelling variants find each other', () => {
  test('a speaker by any of their spellings, through the aliases', () => {
    expect(found('Shoigu')).toContain(visit)
    expect(found('Schoigu')).toContain(visit)
  })

  test('umlauts, hyphens and number formats', () => {
    expect(found('Pjongjang')).toEqual([visit])
    expect(found('Kim Jong Un')).toEqual([troops])
    for (const number of ['10.000', '10,000', '10000', '10 000'])
      expect(found(`${number} Soldaten`), number).toEqual([troops])
  })

  test('phrases, prefixes and exclusions', () => {
    expect(found('"70. Jahrestag"')).toEqual([visit])
    expect(found('Pjöng*')).toEqual([visit])
    expect(found('Nordkorea -Soldaten')).toEqual([])
  })

  test('a search combines with the list filters', () => {
    expect(found('Schoigu', { status: 'new' })).toEqual([visit])
    expect(found('Schoigu', { status: 'verified' })).toEqual([])
  })

  test('results carry the claim text with the matched words marked, and where else they matched', () => {
    expect(search('Pjongjang').rows[0]!.match).toEqual({
      text: 'Schoigu besuchte \u0002Pjöngjang\u0003 zum 70. Jahrestag.',
      elsewhere: null,
    })
    expect(search('Shoigu').rows.find((r) => r.id === visit)!.match!.elsewhere).toMatchObject({ column: 'speaker' })
  })
})

describe('the index follows every write path', () => {
  test('claim edits, trash and restore', () => {
    const id = createClaim({ text: 'Ein Satz über Wostotschny.', language: 'de', tags: [] }, editor.id)
    expect(found('Wostotschny')).toEqual([id])
    updateClaim(
      id,
      { text: 'Ein Satz über Komsomolsk.', language: 'de', tags: [], version: getClaim(id).version },
      editor.id,
    )
    expect(found('Wostotschny')).toEqual([])
    expect(found('Komsomolsk')).toEqual([id])
    deleteClaim(id, getClaim(id).version, editor.id)
    expect(found('Komsomolsk')).toEqual([])
    restoreClaim(id, editor.id)
    expect(found('Komsomolsk')).toEqual([id])
  })

  test('speaker renames, new spellings and merges', () => {
    const speaker = createSpeaker({ name: 'Choe Son-hui', kind: 'person', aliases: [] }, editor.id)
    const id = createClaim(
      {
        text: 'Eine Aussage der Außenministerin.',
        language: 'de',
        tags: [],
        speakerId: speaker,
        speakerName: 'Choe Son-hui',
      },
      editor.id,
    )
    expect(found('Choe')).toEqual([id])
    updateSpeaker(
      speaker,
      { name: 'Choe Son-hui', kind: 'person', aliases: ['Ch’oe Sŏn-hŭi'], version: getSpeaker(speaker).version },
      editor.id,
    )
    expect(found('"Son hui"')).toEqual([id])
    const other = createSpeaker({ name: 'Außenministerin Nordkoreas', kind: 'person', aliases: [] }, editor.id)
    mergeSpeakers(
      {
        speakerId: speaker,
        intoSpeakerId: other,
        speakerVersion: getSpeaker(speaker).version,
        intoVersion: getSpeaker(other).version,
      },
      editor.id,
    )
    expect(found('Außenministerin Nordkoreas')).toContain(id)
    expect(found('Choe')).toContain(id)
  })

  test('source titles and outlets, through the claim and its evidence', () => {
    const source = createSource({ title: 'Lagebild Korea', outlet: 'Tagesspiegel', kind: 'article' }, editor.id)
    const id = createClaim({ text: 'Eine Zahl ohne Herkunft.', language: 'de', tags: [] }, editor.id)
    attachEvidence(id, { intent: 'attach-evidence', role: 'context', sourceRef: 'Lagebild Korea' }, editor.id)
    expect(found('Tagesspiegel')).toEqual([id])
    updateSource(
      source,
      { title: 'Lagebild Korea', outlet: 'Handelsblatt', kind: 'article', version: getSource(source).version },
      editor.id,
    )
    expect(found('Tagesspiegel')).toEqual([])
    expect(found('Handelsblatt')).toEqual([id])
  })

  test('notes on a claim, added and removed', () => {
    const id = createClaim({ text: 'Noch eine Behauptung.', language: 'de', tags: [] }, editor.id)
    const note = addClaimNote(id, { kind: 'question', body: 'Stimmt die Zahl der Hwasong-Raketen?' }, editor)
    expect(found('Hwasong')).toEqual([id])
    removeNote({ claimId: id }, note, editor)
    expect(found('Hwasong')).toEqual([])
  })
})

describe('hostile input', () => {
  test('a search that only leaves things out gets a message, not a 500', () => {
    expect(search('-Putin').searchError).toBe('Add a word to search for: a search cannot only leave things out.')
  })

  test('punctuation alone gets a message instead of every claim', () => {
    for (const q of ['"', '*', '-', '()']) {
      expect(search(q).searchError, q).toBe('There is nothing to search for here: type a word or a number.')
      expect(search(q).rows).toEqual([])
    }
  })

  test('any string is a search or a message, never an error from FTS5', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.constantFrom('"', 'NEAR(', '*', 'a:b', '-', '^x', '""', ' OR ', 'AND NOT'),
        ),
        (q) => {
          const result = search(q.slice(0, 300))
          expect(Array.isArray(result.rows)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
    // 300 searches take about a second alone, several on a machine running other suites.
  }, 30_000)
})
