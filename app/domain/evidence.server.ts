// Evidence: the sources a claim's check rests on, each with the role it plays. Attaching
// and removing are claim events; removing evidence a check relied on reopens the check.
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claims, evidence, sources, users } from '#db/schema.ts'
import type { DbOrTx, Tx } from '#db/types.ts'
import { FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import type { EvidenceInput } from '#app/validation/evidence.ts'
import { recordClaimEvent } from './history.server.ts'
import { evidenceRoleLabels, recordReference } from './labels.ts'
import { automaticMoveReasons, countVerdictEvidence, statusAfterEvidenceRemoved } from './review.server.ts'
import { resolveSourceChoice } from './sources.server.ts'

/** The claim's evidence, where it first appeared on top, then in the order it was attached. */
export function listEvidence(claimId: number) {
  return db
    .select({
      id: evidence.id,
      role: evidence.role,
      note: evidence.note,
      createdAt: evidence.createdAt,
      addedByName: users.name,
      sourceId: sources.id,
      title: sources.title,
      outlet: sources.outlet,
      url: sources.url,
      publishedOn: sources.publishedOn,
    })
    .from(evidence)
    .innerJoin(sources, eq(sources.id, evidence.sourceId))
    .leftJoin(users, eq(users.id, evidence.createdById))
    .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt)))
    .orderBy(sql`${evidence.role} = 'origin' desc`, asc(evidence.createdAt), asc(evidence.id))
    .all()
}

function sourceReference(tx: DbOrTx, sourceId: number) {
  const source = tx.select({ title: sources.title }).from(sources).where(eq(sources.id, sourceId)).get()
  return recordReference(source?.title ?? null, sourceId)
}

/**
 * A reviewer approves the evidence they saw: while a claim is in review or verified,
 * changing its evidence is a change to the claim, so a colleague's approval from an older
 * page is a conflict rather than an approval of something else.
 */
function touchCheckedClaim(
  tx: DbOrTx,
  claim: { id: number; status: string; version: number },
  actorId: string,
  now: Date,
) {
  if (claim.status !== 'in_review' && claim.status !== 'verified') return
  tx.update(claims)
    .set({ version: claim.version + 1, updatedById: actorId, updatedAt: now })
    .where(eq(claims.id, claim.id))
    .run()
}

function openClaim(tx: DbOrTx, claimId: number) {
  const claim = tx.select().from(claims).where(eq(claims.id, claimId)).get()
  if (!claim) throw new NotFoundError('Claim')
  if (claim.deletedAt) throw new RefusedError('The claim is in the trash; restore it first.')
  return claim
}

export function attachEvidence(claimId: number, input: EvidenceInput, actorId: string) {
  return db.transaction((tx) => {
    const claim = openClaim(tx, claimId)
    const sourceId = resolveSourceChoice(tx, input, actorId)
    if (sourceId === null) {
      throw new FieldError({
        sourceRef: ['Name the source: pick one on the desk, or tick “New source” and describe it.'],
      })
    }
    const twin = tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(
        and(
          eq(evidence.claimId, claimId),
          eq(evidence.sourceId, sourceId),
          eq(evidence.role, input.role),
          isNull(evidence.deletedAt),
        ),
      )
      .get()
    if (twin) {
      throw new FieldError({
        sourceRef: [`This source is already attached as “${evidenceRoleLabels[input.role]}”.`],
      })
    }
    const { id } = tx
      .insert(evidence)
      .values({ claimId, sourceId, role: input.role, note: input.note ?? null, createdById: actorId })
      .returning({ id: evidence.id })
      .get()
    recordClaimEvent(tx, {
      claimId,
      actorId,
      type: 'evidence_added',
      after: { source: sourceReference(tx, sourceId), role: input.role, note: input.note ?? null },
    })
    touchCheckedClaim(tx, claim, actorId, new Date())
    return id
  })
}

/**
 * Takes a source off a claim (soft: the row and its event stay). The claim's own source
 * stays its origin until the claim says otherwise, so that row is removed by editing the
 * claim, not here.
 */
export function removeEvidence(claimId: number, evidenceId: number, actorId: string) {
  db.transaction((tx) => {
    const claim = openClaim(tx, claimId)
    const row = tx
      .select()
      .from(evidence)
      .where(and(eq(evidence.id, evidenceId), eq(evidence.claimId, claimId)))
      .get()
    if (!row) throw new NotFoundError('Evidence')
    if (row.deletedAt) throw new RefusedError('This evidence was already removed; the page now shows what is left.')
    if (row.role === 'origin' && row.sourceId === claim.sourceId) {
      throw new RefusedError(
        'This is where the claim first appeared. To change that, edit the claim and pick another source.',
      )
    }
    const now = new Date()
    tx.update(evidence).set({ deletedAt: now, deletedById: actorId }).where(eq(evidence.id, evidenceId)).run()
    recordClaimEvent(tx, {
      claimId,
      actorId,
      type: 'evidence_removed',
      at: now,
      before: { source: sourceReference(tx, row.sourceId), role: row.role, note: row.note },
    })
    const review = statusAfterEvidenceRemoved(claim.status, countVerdictEvidence(tx, claimId), actorId)
    if (!review) return
    tx.update(claims)
      .set({ ...review, version: claim.version + 1, updatedById: actorId, updatedAt: now })
      .where(eq(claims.id, claimId))
      .run()
    recordClaimEvent(tx, {
      claimId,
      actorId,
      type: 'status_changed',
      at: now,
      before: { status: claim.status },
      after: {
        status: review.status,
        reason:
          review.status === 'researching' ? automaticMoveReasons.evidenceGone : automaticMoveReasons.evidenceRemoved,
      },
    })
  })
}

/**
 * The source a claim first appeared in is also its `origin` evidence. When the claim's
 * source changes, the previous source's origin row is retired (with its event) so it no
 * longer claims to be where the claim came from; other origins an editor attached stay.
 */
export function syncOriginEvidence(
  tx: Tx,
  claimId: number,
  previousSourceId: number | null,
  sourceId: number | null,
  actorId: string,
) {
  if (previousSourceId === sourceId) return
  const originOf = (id: number) =>
    tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(
        and(
          eq(evidence.claimId, claimId),
          eq(evidence.sourceId, id),
          eq(evidence.role, 'origin'),
          isNull(evidence.deletedAt),
        ),
      )
      .get()
  const previous = previousSourceId === null ? undefined : originOf(previousSourceId)
  if (previous && previousSourceId !== null) {
    tx.update(evidence).set({ deletedAt: new Date(), deletedById: actorId }).where(eq(evidence.id, previous.id)).run()
    recordClaimEvent(tx, {
      claimId,
      actorId,
      type: 'evidence_removed',
      before: { source: sourceReference(tx, previousSourceId), role: 'origin' },
    })
  }
  if (sourceId === null || originOf(sourceId)) return
  tx.insert(evidence).values({ claimId, sourceId, role: 'origin', createdById: actorId }).run()
  recordClaimEvent(tx, {
    claimId,
    actorId,
    type: 'evidence_added',
    after: { source: sourceReference(tx, sourceId), role: 'origin' },
  })
}
