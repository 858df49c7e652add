// Loads the demo data set (seeds/demo-data.ts) idempotently: every record is matched
// by its natural key first, so running the seed twice changes nothing.
import { hashSync, verifySync } from '@node-rs/argon2'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { randomUUID } from 'node:crypto'
import type { Db } from '#db/client.ts'
import { annotations, claimEvents, claimLinks, claims, evidence, sources, users } from '#db/schema.ts'
import type { Tx } from '#db/types.ts'
import { addClaimNote, annotatePassage, replyToNote, setThreadResolved } from '#app/domain/annotations.server.ts'
import { normalizeSourceUrl } from '#app/domain/urls.ts'
import type { ClaimEventType } from '#app/domain/vocabulary.ts'
import { setClaimTags } from '#app/domain/claims.server.ts'
import { recordLinkEvents } from '#app/domain/links.server.ts'
import { createSourceInTx } from '#app/domain/sources.server.ts'
import { createSpeakerInTx, findSpeakersByName } from '#app/domain/speakers.server.ts'
import { demoPassword, demoUsers } from './demo-accounts.ts'
import {
  demoClaims,
  demoLinks,
  demoNotes,
  demoSources,
  demoSpeakers,
  type DemoClaim,
  type DemoUserKey,
} from './demo-data.ts'

/** The demo accounts present in this database, for the start-up banner. */
/**
 * The demo accounts that still sign in with the published demo password, with their
 * current role, for the start-up banner. Accounts whose password was changed, or that
 * were disabled, are not shown.
 */
export function demoLogins(db: Db) {
  const emails = Object.values(demoUsers).map((u) => u.email)
  return db
    .select({ email: users.email, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.email, emails))
    .all()
    .filter((u) => !u.disabledAt && verifySync(u.passwordHash, demoPassword))
    .sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email))
    .map((u) => ({ email: u.email, role: u.role, password: demoPassword }))
}

function seedUsers(tx: Tx) {
  const ids = {} as Record<DemoUserKey, string>
  let passwordHash: string | undefined
  for (const [key, user] of Object.entries(demoUsers) as Array<[DemoUserKey, (typeof demoUsers)[DemoUserKey]]>) {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, user.email)).get()
    if (existing) {
      ids[key] = existing.id
      continue
    }
    passwordHash ??= hashSync(demoPassword)
    ids[key] = randomUUID()
    tx.insert(users)
      .values({ id: ids[key], ...user, passwordHash })
      .run()
  }
  return ids
}

function seedSpeakers(tx: Tx, adminId: string) {
  const ids = new Map<string, number>()
  for (const s of demoSpeakers) {
    const [known] = findSpeakersByName(tx, s.name)
    if (known) {
      ids.set(s.key, known.id)
      continue
    }
    ids.set(
      s.key,
      createSpeakerInTx(
        tx,
        {
          name: s.name,
          kind: s.kind,
          role: s.role ?? undefined,
          organisation: s.organisation ?? undefined,
          country: s.country ?? undefined,
          wikidataId: s.wikidataId ?? undefined,
          aliases: s.aliases,
        },
        adminId,
      ),
    )
  }
  return ids
}

function seedSources(tx: Tx, adminId: string) {
  const ids = new Map<string, number>()
  for (const s of demoSources) {
    const url = s.url ? normalizeSourceUrl(s.url) : null
    const known = tx
      .select({ id: sources.id })
      .from(sources)
      .where(url ? eq(sources.url, url) : eq(sources.title, s.title))
      .get()
    if (known) {
      ids.set(s.key, known.id)
      continue
    }
    ids.set(
      s.key,
      createSourceInTx(
        tx,
        {
          url: url ?? undefined,
          title: s.title,
          outlet: s.outlet ?? undefined,
          author: s.author ?? undefined,
          publishedOn: s.publishedAt ?? undefined,
          language: s.language,
          kind: s.kind,
          excerpt: s.excerpt ?? undefined,
          notes: s.notes ?? undefined,
        },
        adminId,
      ),
    )
  }
  return ids
}

function at(day: string | null, hour: number) {
  const base = day ? Date.parse(`${day}T08:00:00Z`) : Date.parse('2024-12-01T08:00:00Z')
  return new Date(base + hour * 3_600_000)
}

export function seedDemoData(db: Db) {
  db.transaction((tx) => {
    const userIds = seedUsers(tx)
    const speakerIds = seedSpeakers(tx, userIds.admin)
    const sourceIds = seedSources(tx, userIds.admin)
    const sourceTitles = new Map(demoSources.map((s) => [s.key, `${s.title} (#${sourceIds.get(s.key)})`]))
    const claimIds = new Map<string, number>()
    demoClaims.forEach((c, index) => {
      const known = tx.select({ id: claims.id }).from(claims).where(eq(claims.text, c.text)).get()
      if (known) {
        claimIds.set(c.key, known.id)
        return
      }
      const creatorId = userIds[c.checkedBy ?? c.assignee ?? 'editor']
      const createdAt = at(c.claimedAt, 2 + (index % 5))
      const submittedAt = c.checkedBy ? at(c.claimedAt, 30 + (index % 7)) : null
      const approvedAt = c.approvedBy ? at(c.claimedAt, 52 + (index % 9)) : null
      const updatedAt = approvedAt ?? submittedAt ?? createdAt
      const origin = c.evidence.find((e) => e.role === 'origin')
      const { id } = tx
        .insert(claims)
        .values({
          text: c.text,
          quote: c.quote,
          language: c.language,
          speakerId: c.speaker ? speakerIds.get(c.speaker)! : null,
          sourceId: origin ? sourceIds.get(origin.source)! : null,
          claimedOn: c.claimedAt,
          assigneeId: c.assignee ? userIds[c.assignee] : null,
          status: c.status,
          verdict: c.verdict,
          rationale: c.rationale,
          submittedById: c.checkedBy ? userIds[c.checkedBy] : null,
          submittedAt,
          approvedById: c.approvedBy ? userIds[c.approvedBy] : null,
          approvedAt,
          createdById: creatorId,
          updatedById: c.approvedBy ? userIds[c.approvedBy] : creatorId,
          createdAt,
          updatedAt,
        })
        .returning({ id: claims.id })
        .get()
      claimIds.set(c.key, id)
      setClaimTags(tx, id, c.tags)
      for (const e of c.evidence) {
        tx.insert(evidence)
          .values({
            claimId: id,
            sourceId: sourceIds.get(e.source)!,
            role: e.role,
            note: e.note,
            createdById: creatorId,
            createdAt,
          })
          .onConflictDoNothing()
          .run()
      }
      const worker = userIds[c.checkedBy ?? c.assignee ?? 'editor']
      for (const event of storyOf(c, { createdAt, submittedAt, approvedAt, sourceTitles })) {
        tx.insert(claimEvents)
          .values({
            claimId: id,
            actorId: event.actor === 'creator' ? creatorId : event.actor === 'worker' ? worker : userIds[event.actor],
            at: event.at,
            type: event.type,
            before: event.before ?? null,
            after: event.after ?? null,
          })
          .run()
      }
    })
    for (const link of demoLinks) {
      const fromClaimId = claimIds.get(link.from)!
      const toClaimId = claimIds.get(link.to)!
      const exists = tx
        .select({ id: claimLinks.id })
        .from(claimLinks)
        .where(
          and(
            eq(claimLinks.fromClaimId, fromClaimId),
            eq(claimLinks.toClaimId, toClaimId),
            eq(claimLinks.type, link.type),
          ),
        )
        .get()
      if (exists) continue
      // Linked by the desk's editor an hour after the later of the two claims was logged.
      const [later] = tx
        .select({ createdAt: claims.createdAt })
        .from(claims)
        .where(inArray(claims.id, [fromClaimId, toClaimId]))
        .orderBy(desc(claims.createdAt))
        .limit(1)
        .all()
      const at = new Date(later!.createdAt.getTime() + 60 * 60 * 1000)
      const { id } = tx
        .insert(claimLinks)
        .values({
          fromClaimId,
          toClaimId,
          type: link.type,
          note: link.note,
          createdById: userIds.editor,
          createdAt: at,
        })
        .returning({ id: claimLinks.id })
        .get()
      recordLinkEvents(tx, 'link_added', id, userIds.editor, at)
    }
  })
  seedNotes(db)
}

/**
 * The demo notes go through the desk's own note functions, so they carry their claim
 * events like any editor's; they are only added to a desk that has no notes yet.
 */
function seedNotes(db: Db) {
  if (db.select({ id: annotations.id }).from(annotations).limit(1).get()) return
  const people = db.select({ id: users.id, email: users.email, role: users.role }).from(users).all()
  const person = (key: DemoUserKey) => people.find((p) => p.email === demoUsers[key].email)!
  for (const note of demoNotes) {
    const author = person(note.author)
    let target: { claimId: number } | { sourceId: number }
    let noteId: number
    if (note.claim) {
      const text = demoClaims.find((c) => c.key === note.claim)!.text
      const claimId = db.select({ id: claims.id }).from(claims).where(eq(claims.text, text)).get()!.id
      target = { claimId }
      noteId = addClaimNote(claimId, { kind: note.kind, body: note.body }, author)
    } else {
      const title = demoSources.find((s) => s.key === note.source)!.title
      const sourceId = db.select({ id: sources.id }).from(sources).where(eq(sources.title, title)).get()!.id
      target = { sourceId }
      noteId = annotatePassage(
        sourceId,
        { intent: 'annotation-passage', kind: note.kind, body: note.body, passage: note.passage! },
        author,
      )
    }
    for (const reply of note.replies ?? []) replyToNote(target, noteId, { body: reply.body }, person(reply.author))
    if (note.resolvedBy) setThreadResolved(target, noteId, true, person(note.resolvedBy))
  }
}

type StoryEvent = {
  actor: 'creator' | 'worker' | DemoUserKey
  at: Date
  type: ClaimEventType
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

/**
 * The history a demo claim would have if editors had worked it in the app: logged, its
 * evidence attached, researched, given a verdict, submitted and approved by a second
 * editor (or rejected with the reason), so the timeline and /activity read like a desk's.
 */
function storyOf(
  c: DemoClaim,
  times: { createdAt: Date; submittedAt: Date | null; approvedAt: Date | null; sourceTitles: Map<string, string> },
): StoryEvent[] {
  const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * 3_600_000)
  const story: StoryEvent[] = [
    { actor: 'creator', at: times.createdAt, type: 'created', after: { text: c.text, status: 'new' } },
    ...c.evidence.map((e) => ({
      actor: 'creator' as const,
      at: times.createdAt,
      type: 'evidence_added' as const,
      after: { source: times.sourceTitles.get(e.source), role: e.role, note: e.note },
    })),
  ]
  if (c.status === 'new') return story
  const researchStarted = hoursAfter(times.createdAt, 1)
  if (c.status === 'rejected') {
    story.push({
      actor: 'worker',
      at: researchStarted,
      type: 'status_changed',
      before: { status: 'new' },
      after: { status: 'rejected', reason: c.rationale },
    })
    return story
  }
  story.push({
    actor: 'worker',
    at: researchStarted,
    type: 'status_changed',
    before: { status: 'new' },
    after: { status: 'researching' },
  })
  if (c.verdict) {
    story.push({
      actor: 'worker',
      at: hoursAfter(times.submittedAt ?? researchStarted, times.submittedAt ? -1 : 1),
      type: 'updated',
      before: { verdict: null, rationale: null },
      after: { verdict: c.verdict, rationale: c.rationale },
    })
  }
  if (times.submittedAt && c.checkedBy) {
    story.push({
      actor: c.checkedBy,
      at: times.submittedAt,
      type: 'status_changed',
      before: { status: 'researching' },
      after: { status: 'in_review' },
    })
  }
  if (times.approvedAt && c.approvedBy) {
    story.push({
      actor: c.approvedBy,
      at: times.approvedAt,
      type: 'status_changed',
      before: { status: 'in_review' },
      after: { status: 'verified' },
    })
  }
  return story
}
