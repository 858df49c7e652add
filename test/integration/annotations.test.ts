// Notes on claims and on passages of sources: each action writes exactly its history
// events in the same transaction, permissions hold, stale edits are refused, and notes
// on an excerpt follow it through edits.
import { describe, expect, test } from 'vitest'
import {
  addClaimNote,
  annotatePassage,
  type Annotator,
  editNote,
  listClaimNotes,
  listSourceNotes,
  removeNote,
  replyToNote,
  setThreadResolved,
} from '#app/domain/annotations.server.ts'
import { createClaim, deleteClaim } from '#app/domain/claims.server.ts'
import { createSource, getSource, updateSource } from '#app/domain/sources.server.ts'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import * as claimPage from '#app/routes/claims.$claimId._index/route.tsx'
import * as claimNew from '#app/routes/claims.new.tsx'
import * as sourcePage from '#app/routes/sources.$sourceId._index.tsx'
import type { SectionReply } from '#app/utils/responses.server.ts'
import { ConflictError, FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import type { SourceInput } from '#app/validation/source.ts'
import { getConnection } from '#db/client.ts'
import { formRequest, getRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

const editor = await makeUser('editor', 'Jonas Weber')
const colleague = await makeUser('editor', 'Mira Roth')
const admin = await makeUser('admin', 'Ada Admin')
const viewer = await makeUser('viewer', 'Vera Viewer')

const { sqlite } = getConnection()

type EventRow = { claim_id: number; type: string; actor_id: string; before: string | null; after: string | null }

const lastEventId = () =>
  (sqlite.prepare('select coalesce(max(id), 0) as id from claim_events').get() as { id: number }).id

/** The claim events written since event `after`, in order, with their JSON parsed. */
function eventsSince(after: number) {
  return (
    sqlite
      .prepare('select claim_id, type, actor_id, before, after from claim_events where id > ? order by id')
      .all(after) as EventRow[]
  ).map((e) => ({
    claimId: e.claim_id,
    type: e.type,
    actorId: e.actor_id,
    before: e.before === null ? null : JSON.parse(e.before),
    after: e.after === null ? null : JSON.parse(e.after),
  }))
}

/** The claim events an action wrote. */
function eventsWrittenBy(action: () => unknown) {
  const last = lastEventId()
  action()
  return eventsSince(last)
}

function claimEventsOf(claimId: number) {
  return (sqlite.prepare('select count(*) as n from claim_events where claim_id = ?').get(claimId) as { n: number }).n
}

function newClaim(text = 'Nordkorea liefert Munition an Russland.') {
  return createClaim({ text, language: 'de', tags: [] }, editor.id)
}

function noteRow(id: number) {
  return sqlite.prepare('select * from annotations where id = ?').get(id) as Record<string, unknown>
}

describe('notes on a claim', () => {
  test('adding a note writes one annotation_added event with its number, kind and text', () => {
    const claimId = newClaim()
    let noteId = 0
    const events = eventsWrittenBy(() => {
      noteId = addClaimNote(claimId, { kind: 'question', body: 'Welche Quelle nennt die Zahl?' }, editor)
    })
    expect(events).toEqual([
      {
        claimId,
        type: 'annotation_added',
        actorId: editor.id,
        before: null,
        after: { annotation: `#${noteId}`, kind: 'question', body: 'Welche Quelle nennt die Zahl?' },
      },
    ])
    expect(noteRow(noteId)).toMatchObject({ claim_id: claimId, source_id: null, parent_id: null, version: 1 })
  })

  test('a reply joins the thread and its event names the thread', () => {
    const claimId = newClaim()
    const threadId = addClaimNote(claimId, { kind: 'note', body: 'Erster Hinweis' }, editor)
    let replyId = 0
    const events = eventsWrittenBy(() => {
      replyId = replyToNote({ claimId }, threadId, { body: 'Gefunden: Reuters, 14.9.' }, colleague)
    })
    expect(events).toEqual([
      {
        claimId,
        type: 'annotation_added',
        actorId: colleague.id,
        before: null,
        after: { annotation: `#${replyId} (reply to #${threadId})`, body: 'Gefunden: Reuters, 14.9.' },
      },
    ])
    // A reply to a reply stays one level deep, in the same thread.
    const nested = replyToNote({ claimId }, replyId, { body: 'Danke' }, editor)
    expect(noteRow(nested)).toMatchObject({ parent_id: threadId, claim_id: claimId })
  })

  test('editing writes annotation_changed with only what changed, and bumps the version', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Vorläufig' }, editor)
    const events = eventsWrittenBy(() =>
      editNote({ claimId }, id, { kind: 'decision', body: 'Vorläufig', version: 1 }, editor),
    )
    expect(events).toEqual([
      {
        claimId,
        type: 'annotation_changed',
        actorId: editor.id,
        before: { annotation: `#${id}`, kind: 'note' },
        after: { annotation: `#${id}`, kind: 'decision' },
      },
    ])
    expect(noteRow(id)).toMatchObject({ kind: 'decision', body: 'Vorläufig', version: 2 })
  })

  test('saving a note unchanged writes nothing and keeps the version', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Bleibt' }, editor)
    expect(eventsWrittenBy(() => editNote({ claimId }, id, { body: 'Bleibt', version: 1 }, editor))).toEqual([])
    expect(noteRow(id)).toMatchObject({ version: 1 })
  })

  test('a reply’s text can be edited but it has no kind to change', () => {
    const claimId = newClaim()
    const thread = addClaimNote(claimId, { kind: 'question', body: 'Frage' }, editor)
    const reply = replyToNote({ claimId }, thread, { body: 'Antwort' }, colleague)
    const events = eventsWrittenBy(() =>
      editNote({ claimId }, reply, { kind: 'decision', body: 'Antwort, ergänzt', version: 1 }, colleague),
    )
    expect(events.map((e) => [e.type, e.before, e.after])).toEqual([
      [
        'annotation_changed',
        { annotation: `#${reply} (reply to #${thread})`, body: 'Antwort' },
        { annotation: `#${reply} (reply to #${thread})`, body: 'Antwort, ergänzt' },
      ],
    ])
    expect(noteRow(reply)).toMatchObject({ kind: 'note' })
  })

  test('an edit from a stale version is a conflict, writes nothing and keeps the first edit', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Original' }, editor)
    editNote({ claimId }, id, { body: 'Erste Änderung', version: 1 }, admin)
    const before = claimEventsOf(claimId)
    let thrown: unknown
    try {
      editNote({ claimId }, id, { body: 'Zweite Änderung', version: 1 }, editor)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ConflictError)
    expect((thrown as ConflictError<unknown>).current).toEqual({ version: 2, kind: 'note', body: 'Erste Änderung' })
    expect(noteRow(id)).toMatchObject({ body: 'Erste Änderung', version: 2 })
    expect(claimEventsOf(claimId)).toBe(before)
  })

  test('an editor cannot edit or remove a colleague’s note; an admin can', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Von Mira' }, colleague)
    const before = claimEventsOf(claimId)
    expect(() => editNote({ claimId }, id, { body: 'Übernommen', version: 1 }, editor)).toThrow(RefusedError)
    expect(() => removeNote({ claimId }, id, editor)).toThrow(RefusedError)
    expect(claimEventsOf(claimId)).toBe(before)
    expect(noteRow(id)).toMatchObject({ body: 'Von Mira', version: 1, deleted_at: null })

    editNote({ claimId }, id, { body: 'Vom Admin korrigiert', version: 1 }, admin)
    expect(noteRow(id)).toMatchObject({ body: 'Vom Admin korrigiert', version: 2 })
  })

  test('a viewer can write nothing', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Hinweis' }, editor)
    const before = claimEventsOf(claimId)
    expect(() => addClaimNote(claimId, { kind: 'note', body: 'Leser' }, viewer)).toThrow(RefusedError)
    expect(() => replyToNote({ claimId }, id, { body: 'Leser' }, viewer)).toThrow(RefusedError)
    expect(() => setThreadResolved({ claimId }, id, true, viewer)).toThrow(RefusedError)
    expect(claimEventsOf(claimId)).toBe(before)
  })

  test('any editor resolves and reopens a thread, each once', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'question', body: 'Offen?' }, editor)
    const resolving = eventsWrittenBy(() => setThreadResolved({ claimId }, id, true, colleague))
    expect(resolving).toEqual([
      {
        claimId,
        type: 'annotation_resolved',
        actorId: colleague.id,
        before: { annotation: `#${id}`, kind: 'question', body: 'Offen?', resolved: false },
        after: { annotation: `#${id}`, kind: 'question', body: 'Offen?', resolved: true },
      },
    ])
    expect(noteRow(id)).toMatchObject({ resolved_by: colleague.id })
    // Resolving what is already resolved (a second editor's click) changes nothing.
    expect(eventsWrittenBy(() => setThreadResolved({ claimId }, id, true, editor))).toEqual([])

    const reopening = eventsWrittenBy(() => setThreadResolved({ claimId }, id, false, editor))
    expect(reopening.map((e) => [e.type, e.actorId, e.after.resolved])).toEqual([
      ['annotation_reopened', editor.id, false],
    ])
    expect(noteRow(id)).toMatchObject({ resolved_at: null, resolved_by: null })
  })

  test('a single reply cannot be resolved', () => {
    const claimId = newClaim()
    const thread = addClaimNote(claimId, { kind: 'question', body: 'Frage' }, editor)
    const reply = replyToNote({ claimId }, thread, { body: 'Antwort' }, editor)
    expect(() => setThreadResolved({ claimId }, reply, true, editor)).toThrow(RefusedError)
  })

  test('an editor cannot remove a thread colleagues replied to; an admin can', () => {
    const claimId = newClaim()
    const thread = addClaimNote(claimId, { kind: 'note', body: 'Behalten' }, editor)
    replyToNote({ claimId }, thread, { body: 'Meine Antwort' }, colleague)
    expect(
      eventsWrittenBy(() => expect(() => removeNote({ claimId }, thread, editor)).toThrow(/Colleagues have replied/)),
    ).toEqual([])
    expect(noteRow(thread).deleted_at).toBeNull()
    removeNote({ claimId }, thread, admin)
    expect(noteRow(thread).deleted_at).not.toBeNull()
  })

  test('removing a thread soft-deletes it with its replies, in one event', () => {
    const claimId = newClaim()
    const thread = addClaimNote(claimId, { kind: 'note', body: 'Weg damit' }, editor)
    const reply = replyToNote({ claimId }, thread, { body: 'Einverstanden' }, editor)
    const events = eventsWrittenBy(() => removeNote({ claimId }, thread, editor))
    expect(events).toEqual([
      {
        claimId,
        type: 'annotation_removed',
        actorId: editor.id,
        before: { annotation: `#${thread} with 1 reply`, kind: 'note', body: 'Weg damit' },
        after: null,
      },
    ])
    expect(noteRow(thread).deleted_at).not.toBeNull()
    expect(noteRow(reply).deleted_at).not.toBeNull()
    expect(listClaimNotes(claimId, editor).open).toEqual([])
    expect(() => editNote({ claimId }, thread, { body: 'x', version: 1 }, editor)).toThrow(
      'This note has been removed in the meantime.',
    )
  })

  test('removing a reply leaves the thread', () => {
    const claimId = newClaim()
    const thread = addClaimNote(claimId, { kind: 'note', body: 'Bleibt' }, editor)
    const reply = replyToNote({ claimId }, thread, { body: 'Verschrieben' }, colleague)
    const events = eventsWrittenBy(() => removeNote({ claimId }, reply, colleague))
    expect(events.map((e) => [e.type, e.before])).toEqual([
      ['annotation_removed', { annotation: `#${reply} (reply to #${thread})`, body: 'Verschrieben' }],
    ])
    expect(listClaimNotes(claimId, editor).open.map((t) => [t.id, t.replies.length])).toEqual([[thread, 0]])
  })

  test('a note is only found through its own claim', () => {
    const claimId = newClaim()
    const other = newClaim('Eine andere Behauptung')
    const id = addClaimNote(claimId, { kind: 'note', body: 'Hier' }, editor)
    expect(() => removeNote({ claimId: other }, id, editor)).toThrow(NotFoundError)
    expect(() => replyToNote({ claimId: other }, id, { body: 'x' }, editor)).toThrow(NotFoundError)
  })

  test('a claim in the trash takes no new notes', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'note', body: 'Vorher' }, editor)
    deleteClaim(claimId, 1, editor.id)
    expect(() => addClaimNote(claimId, { kind: 'note', body: 'Danach' }, editor)).toThrow(/in the trash/)
    expect(() => setThreadResolved({ claimId }, id, true, editor)).toThrow(RefusedError)
    const notes = listClaimNotes(claimId, editor)
    expect(notes.canAnnotate).toBe(false)
    expect(notes.open[0]).toMatchObject({ id, canEdit: false, canRespond: false })
  })

  test('a note and its event are one transaction: when the event cannot be written, neither is the note', () => {
    const claimId = newClaim()
    const id = addClaimNote(claimId, { kind: 'question', body: 'Offen' }, editor)
    const before = sqlite.prepare('select * from annotations order by id').all()
    sqlite.exec(
      "create temp trigger fail_event before insert on claim_events begin select raise(abort, 'simulated failure'); end",
    )
    try {
      expect(() => addClaimNote(claimId, { kind: 'note', body: 'Neu' }, editor)).toThrow(/simulated failure/)
      expect(() => replyToNote({ claimId }, id, { body: 'Antwort' }, editor)).toThrow(/simulated failure/)
      expect(() => editNote({ claimId }, id, { body: 'Geändert', version: 1 }, editor)).toThrow(/simulated failure/)
      expect(() => setThreadResolved({ claimId }, id, true, editor)).toThrow(/simulated failure/)
      expect(() => removeNote({ claimId }, id, editor)).toThrow(/simulated failure/)
    } finally {
      sqlite.exec('drop trigger fail_event')
    }
    expect(sqlite.prepare('select * from annotations order by id').all()).toEqual(before)
  })

  test('the listing puts open threads first and says what the reader may do', () => {
    const claimId = newClaim()
    const mine = addClaimNote(claimId, { kind: 'question', body: 'Meine Frage' }, editor)
    const theirs = addClaimNote(claimId, { kind: 'evidence', body: 'Miras Beleg' }, colleague)
    const done = addClaimNote(claimId, { kind: 'decision', body: 'Erledigt' }, colleague)
    replyToNote({ claimId }, theirs, { body: 'Meine Antwort' }, editor)
    setThreadResolved({ claimId }, done, true, editor)
    editNote({ claimId }, mine, { body: 'Meine Frage, genauer', version: 1 }, editor)

    const asEditor = listClaimNotes(claimId, editor)
    expect(asEditor.canAnnotate).toBe(true)
    expect(asEditor.open.map((t) => [t.id, t.kind, t.authorName, t.canEdit, t.edited])).toEqual([
      [mine, 'question', 'Jonas Weber', true, true],
      [theirs, 'evidence', 'Mira Roth', false, false],
    ])
    expect(asEditor.open[1]!.replies.map((r) => [r.body, r.authorName, r.canEdit])).toEqual([
      ['Meine Antwort', 'Jonas Weber', true],
    ])
    expect(asEditor.resolved.map((t) => [t.id, t.resolvedByName])).toEqual([[done, 'Jonas Weber']])

    expect(listClaimNotes(claimId, admin).open.every((t) => t.canEdit)).toBe(true)
    const asViewer = listClaimNotes(claimId, viewer)
    expect(asViewer.canAnnotate).toBe(false)
    expect([...asViewer.open, ...asViewer.resolved].some((t) => t.canEdit || t.canRespond)).toBe(false)
  })
})

const excerpt =
  'Offizieller Anlass von Schoigus Reise ist der 70. Jahrestag des Endes im Koreakrieg. Zugleich hieß es aus Moskau: „Der Besuch wird zur Stärkung der russisch-nordkoreanischen Militärbeziehungen beitragen.“'

const sourceFields: SourceInput = { title: 'Schoigu besucht Kim', kind: 'article', language: 'de', excerpt }

function newSource(fields: Partial<SourceInput> = {}) {
  return createSource({ ...sourceFields, ...fields }, editor.id)
}

function selection(text: string, passage: string) {
  const start = text.indexOf(passage)
  return { passage, startOffset: start, endOffset: start + passage.length }
}

function editExcerpt(sourceId: number, newExcerpt: string | undefined) {
  const source = getSource(sourceId)
  updateSource(sourceId, { ...sourceFields, excerpt: newExcerpt, version: source.version }, editor.id)
}

const totalEvents = () => (sqlite.prepare('select count(*) as n from claim_events').get() as { n: number }).n

describe('notes on a passage of a source', () => {
  test('anchors the selection in the server’s copy of the excerpt and writes no claim event', () => {
    const sourceId = newSource()
    const before = totalEvents()
    const id = annotatePassage(
      sourceId,
      {
        intent: 'annotation-passage',
        kind: 'question',
        body: 'Wer genau?',
        ...selection(excerpt, 'hieß es aus Moskau'),
      },
      editor,
    )
    const start = excerpt.indexOf('hieß es aus Moskau')
    expect(noteRow(id)).toMatchObject({
      source_id: sourceId,
      claim_id: null,
      kind: 'question',
      exact: 'hieß es aus Moskau',
      prefix: excerpt.slice(start - 32, start),
      suffix: excerpt.slice(start + 18, start + 50),
      start_offset: start,
      end_offset: start + 18,
    })
    expect(totalEvents()).toBe(before)
  })

  test('refuses a selection whose words do not match the excerpt at those offsets', () => {
    const sourceId = newSource()
    const start = excerpt.indexOf('Moskau')
    const attempt = () =>
      annotatePassage(
        sourceId,
        {
          intent: 'annotation-passage',
          kind: 'note',
          body: 'x',
          passage: 'Kiew',
          startOffset: start,
          endOffset: start + 4,
        },
        editor,
      )
    expect(attempt).toThrow(FieldError)
    try {
      attempt()
    } catch (error) {
      expect((error as FieldError).fieldErrors.passage?.[0]).toMatch(/excerpt has changed/)
    }
    expect(listSourceNotes(sourceId, editor).passages).toEqual([])
  })

  test('without offsets, finds a pasted passage (first occurrence) or says it is not there', () => {
    const sourceId = newSource()
    const id = annotatePassage(
      sourceId,
      { intent: 'annotation-passage', kind: 'note', body: 'Zitat prüfen', passage: 'Der Besuch   wird zur\nStärkung' },
      editor,
    )
    expect(noteRow(id)).toMatchObject({
      exact: 'Der Besuch wird zur Stärkung',
      start_offset: excerpt.indexOf('Der Besuch'),
    })
    expect(() =>
      annotatePassage(
        sourceId,
        { intent: 'annotation-passage', kind: 'note', body: 'x', passage: 'Der Besuch wird zur Schwächung' },
        editor,
      ),
    ).toThrow(/not in the excerpt/)
  })

  test('a source without an excerpt has nothing to annotate', () => {
    const sourceId = newSource({ excerpt: undefined })
    expect(() =>
      annotatePassage(sourceId, { intent: 'annotation-passage', kind: 'note', body: 'x', passage: 'Moskau' }, editor),
    ).toThrow(/no excerpt/)
  })

  test('replies, resolving, editing and removing work on passages too, without claim events', () => {
    const sourceId = newSource()
    const thread = annotatePassage(
      sourceId,
      { intent: 'annotation-passage', kind: 'note', body: 'Anlass', ...selection(excerpt, 'Offizieller Anlass') },
      editor,
    )
    const before = totalEvents()
    const reply = replyToNote({ sourceId }, thread, { body: 'Jahrestag am 27.7.' }, colleague)
    setThreadResolved({ sourceId }, thread, true, colleague)
    editNote({ sourceId }, thread, { kind: 'evidence', body: 'Anlass: Jahrestag', version: 1 }, editor)
    expect(() => editNote({ sourceId }, reply, { body: 'x', version: 1 }, editor)).toThrow(RefusedError)
    removeNote({ sourceId }, reply, colleague)
    expect(totalEvents()).toBe(before)
    const [listed] = listSourceNotes(sourceId, editor).passages
    expect(listed).toMatchObject({ id: thread, kind: 'evidence', body: 'Anlass: Jahrestag', replies: [] })
    expect(listed!.resolvedAt).not.toBeNull()
    expect(noteRow(reply)).toMatchObject({ source_id: sourceId, parent_id: thread })
  })

  test('lists passages in the order of the excerpt', () => {
    const sourceId = newSource()
    const late = annotatePassage(
      sourceId,
      { intent: 'annotation-passage', kind: 'note', body: 'b', ...selection(excerpt, 'Moskau') },
      editor,
    )
    const early = annotatePassage(
      sourceId,
      { intent: 'annotation-passage', kind: 'note', body: 'a', ...selection(excerpt, 'Schoigus Reise') },
      editor,
    )
    expect(listSourceNotes(sourceId, editor).passages.map((p) => p.id)).toEqual([early, late])
  })
})

describe('editing an excerpt re-anchors its notes', () => {
  function annotate(sourceId: number, passage: string, text = excerpt) {
    return annotatePassage(
      sourceId,
      { intent: 'annotation-passage', kind: 'note', body: `Zu: ${passage}`, ...selection(text, passage) },
      editor,
    )
  }

  test('moves anchors, orphans what is gone and keeps its words, restores what comes back', () => {
    const sourceId = newSource()
    const moved = annotate(sourceId, 'Zugleich hieß es aus Moskau')
    const lost = annotate(sourceId, '70. Jahrestag')

    const edited = `ERGÄNZT: ${excerpt.replace('der 70. Jahrestag', 'das Jubiläum')}`
    editExcerpt(sourceId, edited)
    expect(noteRow(moved)).toMatchObject({
      start_offset: edited.indexOf('Zugleich'),
      end_offset: edited.indexOf('Zugleich') + 'Zugleich hieß es aus Moskau'.length,
      orphaned_at: null,
    })
    expect(noteRow(lost)).toMatchObject({
      exact: '70. Jahrestag',
      start_offset: excerpt.indexOf('70. Jahrestag'),
    })
    expect(noteRow(lost).orphaned_at).not.toBeNull()
    const listed = listSourceNotes(sourceId, editor)
    expect(listed.passages.map((p) => p.id)).toEqual([moved])
    expect(listed.orphaned.map((p) => [p.id, p.anchor.exact])).toEqual([[lost, '70. Jahrestag']])

    // The words come back in a later edit: the note is attached again.
    editExcerpt(sourceId, excerpt)
    expect(noteRow(lost)).toMatchObject({ orphaned_at: null, start_offset: excerpt.indexOf('70. Jahrestag') })
    expect(noteRow(moved)).toMatchObject({ start_offset: excerpt.indexOf('Zugleich') })
    expect(listSourceNotes(sourceId, editor).orphaned).toEqual([])
  })

  test('removing the excerpt orphans every note, and edits that leave it alone touch nothing', () => {
    const sourceId = newSource()
    const id = annotate(sourceId, 'Moskau')
    const source = getSource(sourceId)
    updateSource(sourceId, { ...sourceFields, title: 'Neuer Titel', version: source.version }, editor.id)
    expect(noteRow(id).orphaned_at).toBeNull()
    editExcerpt(sourceId, undefined)
    expect(noteRow(id).orphaned_at).not.toBeNull()
    expect(noteRow(id)).toMatchObject({ exact: 'Moskau', body: 'Zu: Moskau', deleted_at: null })
  })

  test('an orphan keeps the time it was first orphaned through later edits', () => {
    const sourceId = newSource()
    const id = annotate(sourceId, 'Koreakrieg')
    editExcerpt(sourceId, 'Ganz neuer Text.')
    const first = noteRow(id).orphaned_at
    editExcerpt(sourceId, 'Noch ein neuer Text.')
    expect(noteRow(id).orphaned_at).toBe(first)
  })

  test('re-anchoring does not change a note’s version, so an open edit form stays valid', () => {
    const sourceId = newSource()
    const id = annotate(sourceId, 'Moskau')
    editExcerpt(sourceId, `Vorweg. ${excerpt}`)
    editNote({ sourceId }, id, { body: 'Nach dem Umzug', version: 1 }, editor)
    expect(noteRow(id)).toMatchObject({ body: 'Nach dem Umzug', version: 2 })
  })

  test('the source’s edit and the re-anchoring are one transaction', () => {
    const sourceId = newSource()
    const id = annotate(sourceId, 'Moskau')
    // Make the re-anchoring fail after the source row was updated: nothing may stick.
    sqlite.exec(
      "create temp trigger fail_reanchor before update on annotations begin select raise(abort, 'simulated failure'); end",
    )
    try {
      expect(() => editExcerpt(sourceId, 'Anderer Text')).toThrow(/simulated failure/)
    } finally {
      sqlite.exec('drop trigger fail_reanchor')
    }
    expect(getSource(sourceId)).toMatchObject({ excerpt, version: 1 })
    expect(noteRow(id).orphaned_at).toBeNull()
  })
})

const editorSession = await signedIn('editor')
const colleagueSession = await signedIn('editor')
const adminSession = await signedIn('admin')
const viewerSession = await signedIn('viewer')

type Answer = { data: SectionReply; init: ResponseInit | null }

function postToSource(sourceId: number, cookie: string, fields: Record<string, string>) {
  return sourcePage.action({
    request: formRequest(`/sources/${sourceId}?index`, fields, cookie),
    params: { sourceId: String(sourceId) },
    context: {},
  }) as unknown as Promise<Answer>
}

/** The HTTP status an action answered with, returned or thrown. */
async function statusOf(run: () => Promise<unknown>) {
  try {
    const value = (await run()) as { init?: ResponseInit | null }
    return value.init?.status ?? 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    return (thrown as { init?: ResponseInit | null }).init?.status ?? 500
  }
}

/** Everything about notes and history that a refused request must leave as it was. */
function snapshotNotes() {
  return {
    annotations: sqlite.prepare('select * from annotations order by id').all(),
    events: lastEventId(),
  }
}

describe('the source page’s note forms', () => {
  test('annotates a selection and answers the form that asked', async () => {
    const sourceId = newSource()
    const answer = await postToSource(sourceId, editorSession.cookie, {
      intent: 'annotation-passage',
      kind: 'evidence',
      body: 'Wortlaut laut TASS',
      passage: 'hieß es aus Moskau',
      startOffset: String(excerpt.indexOf('hieß es aus Moskau')),
      endOffset: String(excerpt.indexOf('hieß es aus Moskau') + 18),
    })
    expect(answer.init?.status ?? 200).toBe(200)
    expect(answer.data.form).toBe('annotation-passage')
    expect(listSourceNotes(sourceId, editor).passages.map((p) => [p.kind, p.anchor.exact])).toEqual([
      ['evidence', 'hieß es aus Moskau'],
    ])
  })

  test('a selection that does not match the server’s excerpt gets a message next to the passage', async () => {
    const sourceId = newSource()
    const answer = await postToSource(sourceId, editorSession.cookie, {
      intent: 'annotation-passage',
      kind: 'note',
      body: 'x',
      passage: 'Moskau',
      startOffset: '0',
      endOffset: '6',
    })
    expect(answer.init?.status ?? 200).toBe(400)
    expect(answer.data.result.error?.passage?.[0]).toMatch(/excerpt has changed/)
    expect(listSourceNotes(sourceId, editor).passages).toEqual([])
  })

  test('bad input is a 400 with messages next to the fields', async () => {
    const sourceId = newSource()
    const answer = await postToSource(sourceId, editorSession.cookie, {
      intent: 'annotation-passage',
      kind: 'gossip',
      body: 'x'.repeat(5001),
      passage: 'Moskau',
    })
    expect(answer.init?.status ?? 200).toBe(400)
    expect(answer.data.result.error).toEqual({
      kind: ['Pick note, question, evidence or decision.'],
      body: ['The note can be at most 5000 characters.'],
    })
    const reversed = await postToSource(sourceId, editorSession.cookie, {
      intent: 'annotation-passage',
      kind: 'note',
      body: 'x',
      passage: 'Moskau',
      startOffset: '9',
      endOffset: '3',
    })
    expect(reversed.init?.status ?? 200).toBe(400)
    expect(reversed.data.result.error).toEqual({
      passage: ['The selection was not understood; select the passage again.'],
    })
    expect(listSourceNotes(sourceId, editor).passages).toEqual([])
  })
})

type PageUnderTest = {
  name: string
  /** A new thread by `author` on a fresh claim or source, and how to post to that page. */
  thread: (author: Annotator) => {
    id: number
    post: (cookie: string, fields: Record<string, string>) => Promise<Answer>
  }
}

const pagesWithThreads: PageUnderTest[] = [
  {
    name: 'claim page',
    thread: (author) => {
      const claimId = newClaim()
      const id = addClaimNote(claimId, { kind: 'question', body: 'Von wem?' }, author)
      return {
        id,
        post: (cookie, fields) =>
          claimPage.action({
            request: formRequest(`/claims/${claimId}?index`, fields, cookie),
            params: { claimId: String(claimId) },
            context: {},
          }) as unknown as Promise<Answer>,
      }
    },
  },
  {
    name: 'source page',
    thread: (author) => {
      const sourceId = newSource()
      const id = annotatePassage(
        sourceId,
        { intent: 'annotation-passage', kind: 'question', body: 'Von wem?', passage: 'Moskau' },
        author,
      )
      return { id, post: (cookie, fields) => postToSource(sourceId, cookie, fields) }
    },
  },
]

describe.each(pagesWithThreads)('the thread forms of the $name', ({ thread }) => {
  test('reply, edit, resolve, reopen and remove answer the form that asked', async () => {
    const { id, post } = thread(editorSession)
    const reply = await post(colleagueSession.cookie, {
      intent: 'annotation-reply',
      annotationId: String(id),
      body: 'Vom Sprecher',
    })
    expect([reply.init?.status ?? 200, reply.data.form]).toEqual([200, `annotation-reply-${id}`])
    const edit = await post(editorSession.cookie, {
      intent: 'annotation-edit',
      annotationId: String(id),
      kind: 'decision',
      body: 'Geklärt',
      version: '1',
    })
    expect([edit.init?.status ?? 200, edit.data.form]).toEqual([200, `annotation-edit-${id}`])
    for (const intent of ['annotation-resolve', 'annotation-reopen', 'annotation-remove']) {
      const answer = await post(colleagueSession.cookie, { intent, annotationId: String(id) })
      expect([answer.init?.status ?? 200, answer.data.form], intent).toEqual([
        intent === 'annotation-remove' ? 409 : 200,
        `${intent}-${id}`,
      ])
    }
    // The colleague may resolve and reopen, but not remove the editor's note.
    expect(noteRow(id)).toMatchObject({
      kind: 'decision',
      body: 'Geklärt',
      version: 2,
      resolved_at: null,
      deleted_at: null,
    })
  })

  test('an editor is refused a colleague’s note with a message, an admin is not', async () => {
    const { id, post } = thread(colleagueSession)
    const edit = { intent: 'annotation-edit', annotationId: String(id), body: 'Geändert', version: '1' }
    const refused = await post(editorSession.cookie, edit)
    expect(refused.init?.status ?? 200).toBe(409)
    expect(refused.data.result.error?.['']).toEqual(['Only the author of a note or an admin can edit it.'])
    const removal = await post(editorSession.cookie, { intent: 'annotation-remove', annotationId: String(id) })
    expect(removal.data.result.error?.['']).toEqual(['Only the author of a note or an admin can remove it.'])
    expect(noteRow(id)).toMatchObject({ body: 'Von wem?', version: 1, deleted_at: null })

    const allowed = await post(adminSession.cookie, edit)
    expect(allowed.init?.status ?? 200).toBe(200)
    expect(noteRow(id)).toMatchObject({ body: 'Geändert', version: 2 })
  })

  test('a stale edit is a 409 with a message next to the form, and keeps the other save', async () => {
    const { id, post } = thread(editorSession)
    await post(adminSession.cookie, {
      intent: 'annotation-edit',
      annotationId: String(id),
      body: 'Zweit',
      version: '1',
    })
    const stale = await post(editorSession.cookie, {
      intent: 'annotation-edit',
      annotationId: String(id),
      body: 'Dritt',
      version: '1',
    })
    expect(stale.init?.status ?? 200).toBe(409)
    expect(stale.data.form).toBe(`annotation-edit-${id}`)
    expect(stale.data.result.error?.['']?.[0]).toMatch(/Someone else edited this note/)
    // What the editor typed comes back to the form.
    expect(stale.data.result.initialValue).toMatchObject({ body: 'Dritt' })
    expect(noteRow(id)).toMatchObject({ body: 'Zweit', version: 2 })
  })

  test('a note removed meanwhile is a message on the form, not an error page', async () => {
    const { id, post } = thread(editorSession)
    await post(editorSession.cookie, { intent: 'annotation-remove', annotationId: String(id) })
    const late = await post(colleagueSession.cookie, {
      intent: 'annotation-reply',
      annotationId: String(id),
      body: 'Zu spät',
    })
    expect(late.init?.status ?? 200).toBe(409)
    expect(late.data.result.error?.['']).toEqual(['This note has been removed in the meantime.'])
  })

  test('a viewer is refused every note form with 403 and nothing changes', async () => {
    const { id, post } = thread(editorSession)
    const before = snapshotNotes()
    const attempts: Array<Record<string, string>> = [
      { intent: 'annotation-add', kind: 'note', body: 'Leser' },
      { intent: 'annotation-passage', kind: 'note', body: 'Leser', passage: 'Moskau' },
      { intent: 'annotation-reply', annotationId: String(id), body: 'Leser' },
      { intent: 'annotation-edit', annotationId: String(id), body: 'Leser', version: '1' },
      { intent: 'annotation-resolve', annotationId: String(id) },
      { intent: 'annotation-remove', annotationId: String(id) },
    ]
    for (const fields of attempts) {
      expect(await statusOf(() => post(viewerSession.cookie, fields)), fields.intent).toBe(403)
    }
    expect(snapshotNotes()).toEqual(before)
  })
})

describe('the claim page’s note form', () => {
  test('adds a note with exactly one history event, and answers its form', async () => {
    const claimId = newClaim()
    let answer: Answer | undefined
    const last = lastEventId()
    answer = (await claimPage.action({
      request: formRequest(
        `/claims/${claimId}?index`,
        { intent: 'annotation-add', kind: 'question', body: 'Quelle?' },
        editorSession.cookie,
      ),
      params: { claimId: String(claimId) },
      context: {},
    })) as unknown as Answer
    expect([answer?.init?.status ?? 200, answer?.data.form]).toEqual([200, 'annotation-add'])
    const [note] = listClaimNotes(claimId, editor).open
    expect(eventsSince(last)).toEqual([
      {
        claimId,
        type: 'annotation_added',
        actorId: editorSession.id,
        before: null,
        after: { annotation: `#${note!.id}`, kind: 'question', body: 'Quelle?' },
      },
    ])
  })

  test('an empty note gets a message next to the field and writes nothing', async () => {
    const claimId = newClaim()
    const before = snapshotNotes()
    const answer = (await claimPage.action({
      request: formRequest(
        `/claims/${claimId}?index`,
        { intent: 'annotation-add', kind: 'note', body: '  ' },
        editorSession.cookie,
      ),
      params: { claimId: String(claimId) },
      context: {},
    })) as unknown as Answer
    expect(answer.init?.status ?? 200).toBe(400)
    expect(answer.data.result.error).toEqual({ body: ['The note is required.'] })
    expect(snapshotNotes()).toEqual(before)
  })
})

describe('a claim from a passage', () => {
  async function draft(query: Record<string, string>) {
    const session = await signedIn('editor')
    const loaded = (await claimNew.loader({
      request: getRequest(`/claims/new?${new URLSearchParams(query)}`, session.cookie),
      params: {},
      context: {},
    })) as { draft: Record<string, string> }
    return loaded.draft
  }

  test('starts with the passage as claim and quote, the source and its language', async () => {
    const sourceId = newSource({ language: 'en', title: 'US warns of arms deals' })
    expect(await draft({ source: String(sourceId), quote: 'Kim will supply shells' })).toEqual({
      text: 'Kim will supply shells',
      quote: 'Kim will supply shells',
      language: 'en',
      sourceRef: `US warns of arms deals (#${sourceId})`,
      sourceId: String(sourceId),
    })
  })

  test('names the author as speaker when the desk knows exactly one speaker by that name', async () => {
    const speakerId = createSpeaker({ name: 'Kim Jong-un', kind: 'person', aliases: ['Kim Jong Un'] }, editor.id)
    const statement = newSource({ kind: 'statement', author: 'Kim Jong Un', title: 'Rede in Wostotschny' })
    expect(
      await draft({ source: String(statement), quote: 'Russland hat einen heiligen Kampf begonnen' }),
    ).toMatchObject({
      speakerName: 'Kim Jong-un',
      speakerId: String(speakerId),
    })
    const article = newSource({ author: 'Bona Hyun', title: 'Bericht' })
    expect(await draft({ source: String(article) })).not.toHaveProperty('speakerName')
  })

  test.each([
    ['an unknown source', { source: '987654', quote: 'Zitat' }, 'Zitat'],
    ['a malformed source', { source: 'abc', quote: 'Zitat' }, 'Zitat'],
    ['a negative source id', { source: '-3' }, undefined],
    ['an over-long quote', { quote: 'x'.repeat(2001) }, undefined],
  ])('ignores %s and starts a plain form', async (_name, query, quote) => {
    const result = await draft(query)
    expect(result).not.toHaveProperty('sourceId')
    expect(result.language).toBe('de')
    expect(result.quote).toBe(quote)
  })
})
