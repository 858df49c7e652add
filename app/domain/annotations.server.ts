// Editors' notes, as threads: a first note (kind and text) and one level of replies.
// A thread sits on a claim, or on a passage of a source's excerpt (see anchoring.ts).
// Anyone who may edit may write, reply, resolve and reopen; a note's text is changed or
// removed only by its author or an admin. Every change to a claim's notes is a claim
// event in the same transaction; a source's passages belong to no claim, so their notes
// have no claim history.
import { aliasedTable, and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { annotations, claims, sources, users, type AnnotationKind, type Role } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { ConflictError, FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import type { PassageNoteInput } from '#app/validation/annotation.ts'
import { describeSpan, excerptText, findPassage, reanchor } from './anchoring.ts'
import { changedFields, recordClaimEvent } from './history.server.ts'
import type { ClaimEventType } from './vocabulary.ts'

/** Who is acting or reading: the session user, or anything shaped like it. */
export type Annotator = { id: string; role: Role }

/** The claim or the source whose notes a page shows; a note outside it is not found. */
export type AnnotationTarget = { claimId: number } | { sourceId: number }

type AnnotationRow = typeof annotations.$inferSelect

const mayAnnotate = (user: Annotator) => user.role !== 'viewer'
const mayChange = (user: Annotator, authorId: string | null) =>
  user.role === 'admin' || (mayAnnotate(user) && user.id === authorId)

function assertMayAnnotate(user: Annotator) {
  if (!mayAnnotate(user)) throw new RefusedError('Viewers can read notes but not write them.')
}

/** Trashed claims keep their notes but take no new ones until they are restored. */
function assertClaimOpen(tx: DbOrTx, claimId: number) {
  const claim = tx.select({ deletedAt: claims.deletedAt }).from(claims).where(eq(claims.id, claimId)).get()
  if (!claim) throw new NotFoundError('Claim')
  if (claim.deletedAt) throw new RefusedError('This claim is in the trash. Restore it to work on its notes.')
}

function getSourceExcerpt(tx: DbOrTx, sourceId: number) {
  const source = tx
    .select({ excerpt: sources.excerpt })
    .from(sources)
    .where(and(eq(sources.id, sourceId), isNull(sources.deletedAt)))
    .get()
  if (!source) throw new NotFoundError('Source')
  return excerptText(source.excerpt)
}

function targetFilter(target: AnnotationTarget) {
  return 'claimId' in target ? eq(annotations.claimId, target.claimId) : eq(annotations.sourceId, target.sourceId)
}

function getNote(tx: DbOrTx, target: AnnotationTarget, id: number): AnnotationRow {
  if ('claimId' in target) assertClaimOpen(tx, target.claimId)
  else getSourceExcerpt(tx, target.sourceId)
  const note = tx
    .select()
    .from(annotations)
    .where(and(eq(annotations.id, id), targetFilter(target)))
    .get()
  if (!note) throw new NotFoundError('Note')
  // A colleague removed it while this editor had the page open: say so on the form.
  if (note.deletedAt) throw new RefusedError('This note has been removed in the meantime.')
  return note
}

/** How history names a note: its number, and for a reply the thread it answers. */
function noteReference(note: Pick<AnnotationRow, 'id' | 'parentId'>) {
  return note.parentId ? `#${note.id} (reply to #${note.parentId})` : `#${note.id}`
}

function readableNote(note: AnnotationRow) {
  return note.parentId
    ? { annotation: noteReference(note), body: note.body }
    : { annotation: noteReference(note), kind: note.kind, body: note.body }
}

function recordNoteEvent(
  tx: Tx,
  note: AnnotationRow,
  actorId: string,
  type: ClaimEventType,
  change: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
) {
  if (note.claimId === null) return
  recordClaimEvent(tx, { claimId: note.claimId, actorId, type, ...change })
}

export function addClaimNote(claimId: number, input: { kind: AnnotationKind; body: string }, user: Annotator) {
  assertMayAnnotate(user)
  return db.transaction((tx) => {
    assertClaimOpen(tx, claimId)
    const note = tx
      .insert(annotations)
      .values({ claimId, kind: input.kind, body: input.body, createdById: user.id })
      .returning()
      .get()
    recordNoteEvent(tx, note, user.id, 'annotation_added', { after: readableNote(note) })
    return note.id
  })
}

/**
 * Where the passage is in the server's own copy of the excerpt. Offsets from a selection
 * are only trusted if they point at exactly the words the browser says it selected; an
 * excerpt edited since the page was opened makes them point elsewhere.
 */
function locatePassage(text: string, input: PassageNoteInput) {
  if (!text) throw new FieldError({ passage: ['This source has no excerpt to annotate.'] })
  if (input.startOffset !== undefined && input.endOffset !== undefined) {
    const span = describeSpan(text, input.startOffset, input.endOffset)
    if (!span || span.exact !== input.passage) {
      throw new FieldError({
        passage: ['The excerpt has changed since you selected the passage. Reload the page and select it again.'],
      })
    }
    return span
  }
  const found = findPassage(text, input.passage)
  const span = found && describeSpan(text, found.start, found.end)
  if (!span) {
    throw new FieldError({
      passage: ['These words are not in the excerpt. Copy the passage from the excerpt exactly as it stands there.'],
    })
  }
  return span
}

/** A note on a passage of a source's excerpt; returns its id. */
export function annotatePassage(sourceId: number, input: PassageNoteInput, user: Annotator) {
  assertMayAnnotate(user)
  return db.transaction((tx) => {
    const span = locatePassage(getSourceExcerpt(tx, sourceId), input)
    return tx
      .insert(annotations)
      .values({
        sourceId,
        kind: input.kind,
        body: input.body,
        exact: span.exact,
        prefix: span.prefix,
        suffix: span.suffix,
        startOffset: span.start,
        endOffset: span.end,
        createdById: user.id,
      })
      .returning({ id: annotations.id })
      .get().id
  })
}

/** A reply joins the thread (a reply to a reply joins the same thread) and shares its target. */
export function replyToNote(target: AnnotationTarget, noteId: number, input: { body: string }, user: Annotator) {
  assertMayAnnotate(user)
  return db.transaction((tx) => {
    const parent = getNote(tx, target, noteId)
    const reply = tx
      .insert(annotations)
      .values({
        claimId: parent.claimId,
        sourceId: parent.sourceId,
        parentId: parent.parentId ?? parent.id,
        body: input.body,
        createdById: user.id,
      })
      .returning()
      .get()
    recordNoteEvent(tx, reply, user.id, 'annotation_added', { after: readableNote(reply) })
    return reply.id
  })
}

type NoteConflict = { version: number; kind: AnnotationKind; body: string }

/**
 * Changes a note's text (and a thread's kind) from the version the editor opened. If
 * someone saved it since, nothing is written and a ConflictError carries their version.
 */
export function editNote(
  target: AnnotationTarget,
  noteId: number,
  input: { kind?: AnnotationKind; body: string; version: number },
  user: Annotator,
) {
  assertMayAnnotate(user)
  db.transaction((tx) => {
    const note = getNote(tx, target, noteId)
    if (!mayChange(user, note.createdById)) {
      throw new RefusedError('Only the author of a note or an admin can edit it.')
    }
    const conflict = () => new ConflictError<NoteConflict>({ version: note.version, kind: note.kind, body: note.body })
    if (note.version !== input.version) throw conflict()
    const kind = note.parentId === null && input.kind ? input.kind : note.kind
    const change = changedFields({ kind: note.kind, body: note.body }, { kind, body: input.body })
    if (!change) return
    const result = tx
      .update(annotations)
      .set({ kind, body: input.body, version: note.version + 1, updatedAt: new Date() })
      .where(and(eq(annotations.id, note.id), eq(annotations.version, input.version)))
      .run()
    if (result.changes !== 1) throw conflict()
    const annotation = noteReference(note)
    recordNoteEvent(tx, note, user.id, 'annotation_changed', {
      before: { annotation, ...change.before },
      after: { annotation, ...change.after },
    })
  })
}

/**
 * Marks a thread as dealt with, or opens it again. Asking for the state it already has
 * changes nothing, so two editors resolving at once leave one event, not two.
 */
export function setThreadResolved(target: AnnotationTarget, noteId: number, resolved: boolean, user: Annotator) {
  assertMayAnnotate(user)
  db.transaction((tx) => {
    const note = getNote(tx, target, noteId)
    if (note.parentId !== null) {
      throw new RefusedError('Only a whole thread can be resolved or reopened, not a single reply.')
    }
    if ((note.resolvedAt !== null) === resolved) return
    tx.update(annotations)
      .set(resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(annotations.id, note.id))
      .run()
    recordNoteEvent(tx, note, user.id, resolved ? 'annotation_resolved' : 'annotation_reopened', {
      before: { ...readableNote(note), resolved: !resolved },
      after: { ...readableNote(note), resolved },
    })
  })
}

/** Soft-deletes a note; removing a thread's first note removes its replies with it. */
export function removeNote(target: AnnotationTarget, noteId: number, user: Annotator) {
  assertMayAnnotate(user)
  db.transaction((tx) => {
    const note = getNote(tx, target, noteId)
    if (!mayChange(user, note.createdById)) {
      throw new RefusedError('Only the author of a note or an admin can remove it.')
    }
    // A thread goes with its replies; an editor may not take colleagues' replies with it.
    const othersReplied = tx
      .select({ id: annotations.id })
      .from(annotations)
      .where(
        and(
          eq(annotations.parentId, note.id),
          isNull(annotations.deletedAt),
          sql`${annotations.createdById} is not ${user.id}`,
        ),
      )
      .get()
    if (othersReplied && user.role !== 'admin') {
      throw new RefusedError(
        'Colleagues have replied to this note, so removing it would remove their replies too. Resolve it instead, or ask an admin.',
      )
    }
    const removed = tx
      .update(annotations)
      .set({ deletedAt: new Date() })
      .where(and(isNull(annotations.deletedAt), or(eq(annotations.id, note.id), eq(annotations.parentId, note.id))))
      .run().changes
    const replies = removed - 1
    const readable = readableNote(note)
    recordNoteEvent(tx, note, user.id, 'annotation_removed', {
      before:
        replies > 0
          ? { ...readable, annotation: `${readable.annotation} with ${replies} ${replies === 1 ? 'reply' : 'replies'}` }
          : readable,
    })
  })
}

/**
 * After a source's excerpt changed (inside the same transaction): each thread on one of
 * its passages is found again in the new text and its anchor moved; one whose passage is
 * gone is marked orphaned but keeps its words, and one whose words are back is restored.
 */
export function reanchorSourceAnnotations(tx: Tx, sourceId: number, newExcerpt: string | null) {
  const text = excerptText(newExcerpt)
  const threads = tx
    .select()
    .from(annotations)
    .where(
      and(
        eq(annotations.sourceId, sourceId),
        isNull(annotations.parentId),
        isNotNull(annotations.exact),
        isNull(annotations.deletedAt),
      ),
    )
    .all()
  const now = new Date()
  for (const thread of threads) {
    const anchor = reanchor(text, {
      exact: thread.exact ?? '',
      prefix: thread.prefix ?? '',
      suffix: thread.suffix ?? '',
      start: thread.startOffset ?? 0,
      end: thread.endOffset ?? 0,
    })
    const set = anchor
      ? {
          prefix: anchor.prefix,
          suffix: anchor.suffix,
          startOffset: anchor.start,
          endOffset: anchor.end,
          orphanedAt: null,
        }
      : { orphanedAt: thread.orphanedAt ?? now }
    tx.update(annotations).set(set).where(eq(annotations.id, thread.id)).run()
  }
}

const authors = aliasedTable(users, 'authors')
const resolvers = aliasedTable(users, 'resolvers')

function noteRows(where: SQL | undefined) {
  return db
    .select({
      note: annotations,
      authorName: authors.name,
      resolvedByName: resolvers.name,
    })
    .from(annotations)
    .leftJoin(authors, eq(authors.id, annotations.createdById))
    .leftJoin(resolvers, eq(resolvers.id, annotations.resolvedById))
    .where(and(where, isNull(annotations.deletedAt)))
    .orderBy(asc(annotations.createdAt), asc(annotations.id))
    .all()
}

type NoteRow = ReturnType<typeof noteRows>[number]

/** The threads among the rows, with what `viewer` may do to each; `writable` is false on a trashed claim. */
function threadsOf(rows: NoteRow[], viewer: Annotator, writable: boolean) {
  const noteView = ({ note, authorName }: NoteRow) => ({
    id: note.id,
    body: note.body,
    authorName: authorName ?? 'Someone',
    createdAt: note.createdAt,
    edited: note.version > 1,
    version: note.version,
    canEdit: writable && mayChange(viewer, note.createdById),
  })
  return rows
    .filter((row) => row.note.parentId === null)
    .map((row) => ({
      ...noteView(row),
      kind: row.note.kind,
      resolvedAt: row.note.resolvedAt,
      resolvedByName: row.resolvedByName,
      canRespond: writable && mayAnnotate(viewer),
      replies: rows.filter((reply) => reply.note.parentId === row.note.id).map(noteView),
      anchor: {
        exact: row.note.exact ?? '',
        start: row.note.startOffset ?? 0,
        end: row.note.endOffset ?? 0,
        orphanedAt: row.note.orphanedAt,
      },
    }))
}

export type NoteThread = ReturnType<typeof threadsOf>[number]

/** A claim's threads for its page: open ones in the order they were started, then resolved ones, latest first. */
export function listClaimNotes(claimId: number, viewer: Annotator) {
  const claim = db.select({ deletedAt: claims.deletedAt }).from(claims).where(eq(claims.id, claimId)).get()
  const writable = Boolean(claim && !claim.deletedAt)
  const threads = threadsOf(noteRows(eq(annotations.claimId, claimId)), viewer, writable).map(
    ({ anchor: _anchor, ...thread }) => thread,
  )
  return {
    open: threads.filter((t) => t.resolvedAt === null),
    resolved: threads
      .filter((t) => t.resolvedAt !== null)
      .sort((a, b) => Number(b.resolvedAt) - Number(a.resolvedAt) || b.id - a.id),
    canAnnotate: writable && mayAnnotate(viewer),
  }
}

export type ClaimNotes = ReturnType<typeof listClaimNotes>

/** A source's passage threads in the order of the excerpt, and apart from them those whose passage is gone. */
export function listSourceNotes(sourceId: number, viewer: Annotator) {
  const threads = threadsOf(
    noteRows(and(eq(annotations.sourceId, sourceId), isNull(annotations.claimId))),
    viewer,
    true,
  )
  return {
    passages: threads
      .filter((t) => t.anchor.orphanedAt === null && t.anchor.exact !== '')
      .sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id - b.id),
    orphaned: threads
      .filter((t) => t.anchor.orphanedAt !== null)
      .sort((a, b) => Number(b.anchor.orphanedAt) - Number(a.anchor.orphanedAt) || a.id - b.id),
    canAnnotate: mayAnnotate(viewer),
  }
}
