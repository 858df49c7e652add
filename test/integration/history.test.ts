// History completeness: every action that changes a claim, run once against a real
// database, and the exact events it leaves on each claim it touched — no more, no fewer.
// Field-level contents are checked in each domain's own tests; this file is the index.
import { gt } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import {
  addClaimNote,
  annotatePassage,
  editNote,
  removeNote,
  replyToNote,
  setThreadResolved,
} from '#app/domain/annotations.server.ts'
import { createClaim, deleteClaim, getClaim, restoreClaim, updateClaim } from '#app/domain/claims.server.ts'
import { attachEvidence, listEvidence, removeEvidence } from '#app/domain/evidence.server.ts'
import { linkClaims, listClaimLinks, unlinkClaims } from '#app/domain/links.server.ts'
import { assignClaim, moveClaim } from '#app/domain/review.server.ts'
import { createSource, getSource, updateSource } from '#app/domain/sources.server.ts'
import { createSpeaker, getSpeaker, mergeSpeakers, updateSpeaker } from '#app/domain/speakers.server.ts'
import type { ClaimInput } from '#app/validation/claim.ts'
import { db } from '#db/client.ts'
import { claimEvents } from '#db/schema.ts'
import { makeUser } from '#test/helpers/fixtures.ts'

const editor = { ...(await makeUser('editor')), role: 'editor' as const }
const colleague = { ...(await makeUser('editor')), role: 'editor' as const }
createSource({ title: 'Lagebericht', url: 'https://example.org/lage', kind: 'official_document' }, editor.id)
const otherSource = createSource({ title: 'Zweiter Bericht', kind: 'article' }, editor.id)

let counter = 0
function input(fields: Partial<ClaimInput> = {}): ClaimInput {
  return { text: `Nordkorea lieferte Granaten, Fall ${++counter}`, language: 'de', tags: [], ...fields }
}

/** Runs `action` and returns the events it wrote, as `claimId:type`, in the order written. */
function eventsWrittenBy(action: () => unknown) {
  const mark = db.select().from(claimEvents).all().at(-1)?.id ?? 0
  action()
  return db
    .select()
    .from(claimEvents)
    .where(gt(claimEvents.id, mark))
    .all()
    .map((e) => `${e.claimId}:${e.type}`)
}

function edit(id: number, fields: Partial<ClaimInput>, actorId = editor.id) {
  const claim = getClaim(id)
  updateClaim(
    id,
    {
      text: claim.text,
      language: claim.language,
      tags: claim.tags,
      sourceRef: claim.sourceId ? `${claim.sourceTitle} (#${claim.sourceId})` : undefined,
      verdict: claim.verdict ?? undefined,
      rationale: claim.rationale ?? undefined,
      ...fields,
      version: claim.version,
    },
    actorId,
  )
}

function move(
  id: number,
  move: 'start' | 'submit' | 'approve' | 'send_back' | 'reject',
  actor = editor,
  reason?: string,
) {
  moveClaim(id, { intent: 'review', move, version: getClaim(id).version, reason }, actor)
}

describe('every claim action writes exactly its events', () => {
  test('creating a claim: created, plus its origin evidence when it has a source', () => {
    let id = 0
    expect(eventsWrittenBy(() => (id = createClaim(input(), editor.id)))).toEqual([`${id}:created`])
    expect(eventsWrittenBy(() => (id = createClaim(input({ sourceRef: 'Lagebericht' }), editor.id)))).toEqual([
      `${id}:created`,
      `${id}:evidence_added`,
    ])
  })

  test('editing: one updated event; a changed source also swaps the origin; an empty save writes nothing', () => {
    const id = createClaim(input({ sourceRef: 'Lagebericht' }), editor.id)
    expect(eventsWrittenBy(() => edit(id, { quote: 'Granaten' }))).toEqual([`${id}:updated`])
    expect(eventsWrittenBy(() => edit(id, { sourceRef: 'Zweiter Bericht' }))).toEqual([
      `${id}:updated`,
      `${id}:evidence_removed`,
      `${id}:evidence_added`,
    ])
    expect(eventsWrittenBy(() => edit(id, {}))).toEqual([])
  })

  test('editing a verified claim’s verdict: updated and the status going back to review', () => {
    const id = createClaim(input(), editor.id)
    move(id, 'start')
    edit(id, { verdict: 'false', rationale: 'Widerlegt.' })
    attachEvidence(id, { intent: 'attach-evidence', role: 'refutes', sourceRef: 'Lagebericht' }, editor.id)
    move(id, 'submit')
    move(id, 'approve', colleague)
    expect(eventsWrittenBy(() => edit(id, { verdict: 'mostly_false' }))).toEqual([
      `${id}:updated`,
      `${id}:status_changed`,
    ])
  })

  test('trash and restore: one event each', () => {
    const id = createClaim(input(), editor.id)
    expect(eventsWrittenBy(() => deleteClaim(id, getClaim(id).version, editor.id))).toEqual([`${id}:deleted`])
    expect(eventsWrittenBy(() => restoreClaim(id, editor.id))).toEqual([`${id}:restored`])
  })

  test('review moves and assignment: one event each; refused ones none', () => {
    const id = createClaim(input(), editor.id)
    expect(eventsWrittenBy(() => move(id, 'start'))).toEqual([`${id}:status_changed`])
    expect(eventsWrittenBy(() => expect(() => move(id, 'submit')).toThrow())).toEqual([])
    expect(eventsWrittenBy(() => move(id, 'reject', editor, 'Meinung.'))).toEqual([`${id}:status_changed`])
    expect(eventsWrittenBy(() => move(id, 'send_back', colleague, 'Doch prüfbar.'))).toEqual([`${id}:status_changed`])
    expect(
      eventsWrittenBy(() => assignClaim(id, { assigneeId: colleague.id, expectedAssigneeId: null }, editor.id)),
    ).toEqual([`${id}:assigned`])
  })

  test('evidence: attaching and removing one event each; removing what a check rested on also moves it', () => {
    const id = createClaim(input(), editor.id)
    let evidenceId = 0
    expect(
      eventsWrittenBy(
        () =>
          (evidenceId = attachEvidence(
            id,
            { intent: 'attach-evidence', role: 'supports', sourceRef: 'Lagebericht' },
            editor.id,
          )),
      ),
    ).toEqual([`${id}:evidence_added`])
    move(id, 'start')
    edit(id, { verdict: 'true', rationale: 'Belegt.' })
    move(id, 'submit')
    expect(eventsWrittenBy(() => removeEvidence(id, evidenceId, colleague.id))).toEqual([
      `${id}:evidence_removed`,
      `${id}:status_changed`,
    ])
    expect(listEvidence(id)).toEqual([])
  })

  test('links: one event on each of the two claims, for linking and for unlinking', () => {
    const a = createClaim(input(), editor.id)
    const b = createClaim(input(), editor.id)
    expect(eventsWrittenBy(() => linkClaims({ fromClaimId: a, toClaimId: b, type: 'contradicts' }, editor.id))).toEqual(
      [`${a}:link_added`, `${b}:link_added`],
    )
    const [link] = listClaimLinks(a)
    expect(eventsWrittenBy(() => unlinkClaims(a, link!.id, editor.id))).toEqual([
      `${a}:link_removed`,
      `${b}:link_removed`,
    ])
  })

  test('merging speakers: one event on every claim that moved, none elsewhere', () => {
    const schoigu = createSpeaker({ name: 'Sergej Schoigu', kind: 'person', aliases: [] }, editor.id)
    const shoigu = createSpeaker({ name: 'Sergei Shoigu', kind: 'person', aliases: [] }, editor.id)
    const first = createClaim(input({ speakerId: schoigu, speakerName: 'Sergej Schoigu' }), editor.id)
    const second = createClaim(input({ speakerId: schoigu, speakerName: 'Sergej Schoigu' }), editor.id)
    createClaim(input({ speakerId: shoigu, speakerName: 'Sergei Shoigu' }), editor.id)
    const versions = { speakerVersion: getSpeaker(schoigu).version, intoVersion: getSpeaker(shoigu).version }
    expect(
      eventsWrittenBy(() => mergeSpeakers({ speakerId: schoigu, intoSpeakerId: shoigu, ...versions }, editor.id)),
    ).toEqual([`${first}:speaker_merged`, `${second}:speaker_merged`])
  })

  test('notes: one event for each change to a claim’s notes; notes on a source passage none', () => {
    const id = createClaim(input(), editor.id)
    let thread = 0
    expect(
      eventsWrittenBy(() => (thread = addClaimNote(id, { kind: 'question', body: 'Welche Quelle?' }, editor))),
    ).toEqual([`${id}:annotation_added`])
    let reply = 0
    expect(
      eventsWrittenBy(() => (reply = replyToNote({ claimId: id }, thread, { body: 'Reuters' }, colleague))),
    ).toEqual([`${id}:annotation_added`])
    expect(eventsWrittenBy(() => editNote({ claimId: id }, thread, { body: 'Welche?', version: 1 }, editor))).toEqual([
      `${id}:annotation_changed`,
    ])
    expect(eventsWrittenBy(() => editNote({ claimId: id }, thread, { body: 'Welche?', version: 2 }, editor))).toEqual(
      [],
    )
    expect(eventsWrittenBy(() => setThreadResolved({ claimId: id }, thread, true, colleague))).toEqual([
      `${id}:annotation_resolved`,
    ])
    expect(eventsWrittenBy(() => setThreadResolved({ claimId: id }, thread, true, editor))).toEqual([])
    expect(eventsWrittenBy(() => setThreadResolved({ claimId: id }, thread, false, editor))).toEqual([
      `${id}:annotation_reopened`,
    ])
    expect(eventsWrittenBy(() => removeNote({ claimId: id }, reply, colleague))).toEqual([`${id}:annotation_removed`])
    expect(eventsWrittenBy(() => removeNote({ claimId: id }, thread, editor))).toEqual([`${id}:annotation_removed`])

    const sourceId = createSource({ title: 'Mit Auszug', kind: 'article', excerpt: 'Kim traf Putin.' }, editor.id)
    expect(
      eventsWrittenBy(() => {
        const note = annotatePassage(
          sourceId,
          { intent: 'annotation-passage', kind: 'note', body: 'Wo?', passage: 'traf Putin' },
          editor,
        )
        replyToNote({ sourceId }, note, { body: 'Wostotschny' }, colleague)
        setThreadResolved({ sourceId }, note, true, colleague)
        updateSource(
          sourceId,
          { title: 'Mit Auszug', kind: 'article', excerpt: 'Kim traf Xi.', version: getSource(sourceId).version },
          editor.id,
        )
      }),
    ).toEqual([])
  })

  test('editing a speaker or a source changes no claim and writes no claim event', () => {
    const speaker = createSpeaker({ name: 'Kim Yo-jong', kind: 'person', aliases: [] }, editor.id)
    createClaim(input({ speakerId: speaker, speakerName: 'Kim Yo-jong', sourceRef: 'Zweiter Bericht' }), editor.id)
    expect(
      eventsWrittenBy(() =>
        updateSpeaker(
          speaker,
          {
            name: 'Kim Yo-jong',
            kind: 'person',
            role: 'Vizeabteilungsleiterin',
            aliases: [],
            version: getSpeaker(speaker).version,
          },
          editor.id,
        ),
      ),
    ).toEqual([])
    expect(
      eventsWrittenBy(() =>
        updateSource(
          otherSource,
          { title: 'Zweiter Bericht (korrigiert)', kind: 'article', version: getSource(otherSource).version },
          editor.id,
        ),
      ),
    ).toEqual([])
  })
})
