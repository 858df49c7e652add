// The review workflow. A claim goes new → researching → in_review → verified; it can be
// rejected (not checkable, out of scope) from any state, and any editor can send it back
// to research with a reason. Four eyes: the editor who submitted a check cannot approve
// it; an admin can, but only by saying so, and the override is recorded in the history.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { claims, evidence, users } from '#db/schema.ts'
import type { DbOrTx } from '#db/types.ts'
import { ConflictError, FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import type { ReviewInput } from '#app/validation/review.ts'
import { recordClaimEvent } from './history.server.ts'
import { statusLabels } from './labels.ts'
import type { ClaimStatus, EvidenceRole, ReviewMove, Role } from './vocabulary.ts'

/** Evidence that can carry a verdict; where the claim appeared (origin) proves nothing. */
export const verdictEvidenceRoles: EvidenceRole[] = ['supports', 'refutes', 'context']

export type ReviewState = {
  status: ClaimStatus
  verdict: string | null
  rationale: string | null
  submittedById: string | null
  /** Evidence rows with a verdict-carrying role. */
  verdictEvidence: number
}

type Actor = { id: string; role: Role }

/** The steps the review panel offers from each status; `refusalOf` has the final word. */
const movesFrom: Record<ClaimStatus, ReviewMove[]> = {
  new: ['start', 'reject'],
  researching: ['submit', 'reject'],
  in_review: ['approve', 'send_back', 'reject'],
  verified: ['send_back', 'reject'],
  rejected: ['send_back'],
}

/** What a check still lacks before it can be reviewed, in the words the refusal uses. */
export function missingForReview(state: ReviewState) {
  return [
    state.verdict ? null : 'a verdict',
    state.rationale ? null : 'a rationale',
    state.verdictEvidence > 0 ? null : 'at least one evidence source that supports, refutes or gives context',
  ].filter((item): item is string => item !== null)
}

/** `a`, `a and b`, `a, b and c`: a list in a sentence. */
export function listInWords(items: string[]) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/**
 * Why `move` is not allowed for `actor` on a claim in `state`, or null when it is.
 * Pure, so the claim page can offer only the moves that make sense and the server
 * can refuse the rest with the same words.
 */
export function refusalOf(move: ReviewMove, state: ReviewState, actor: Actor, override = false): string | null {
  const now = statusLabels[state.status]
  switch (move) {
    case 'start':
      return state.status === 'new' ? null : `Research has already started: the claim is ${now}.`
    case 'submit': {
      if (state.status === 'new') return 'Start research first: a new claim goes to Researching before review.'
      if (state.status !== 'researching') return `Only a claim in research can be submitted; this one is ${now}.`
      const missing = missingForReview(state)
      return missing.length ? `Before review the claim needs ${listInWords(missing)}.` : null
    }
    case 'approve': {
      if (state.status !== 'in_review') return `Only a claim in review can be approved; this one is ${now}.`
      const missing = missingForReview(state)
      if (missing.length) return `It cannot be approved without ${listInWords(missing)}.`
      if (state.submittedById !== actor.id) return null
      if (actor.role !== 'admin') return 'You submitted this check, so another editor has to approve it.'
      return override
        ? null
        : 'You submitted this check. As an admin you may approve it anyway, but only as a recorded override with a reason.'
    }
    case 'send_back':
      if (state.status === 'new') return 'The claim is new; start research instead.'
      if (state.status === 'researching') return 'The claim is already in research.'
      return null
    case 'reject':
      return state.status === 'rejected' ? 'The claim is already rejected.' : null
  }
}

/** Where each move leads, and what it does to the submission and approval stamps. */
function columnsAfter(move: ReviewMove, actorId: string, now: Date) {
  const cleared = { submittedById: null, submittedAt: null, approvedById: null, approvedAt: null }
  switch (move) {
    case 'start':
      return { status: 'researching' as const }
    case 'submit':
      return {
        status: 'in_review' as const,
        submittedById: actorId,
        submittedAt: now,
        approvedById: null,
        approvedAt: null,
      }
    case 'approve':
      return { status: 'verified' as const, approvedById: actorId, approvedAt: now }
    case 'send_back':
      return { status: 'researching' as const, ...cleared }
    case 'reject':
      return { status: 'rejected' as const, ...cleared }
  }
}

export function countVerdictEvidence(tx: DbOrTx, claimId: number) {
  return tx
    .select({ id: evidence.id })
    .from(evidence)
    .where(and(eq(evidence.claimId, claimId), isNull(evidence.deletedAt), inArray(evidence.role, verdictEvidenceRoles)))
    .all().length
}

function reviewStateOf(tx: DbOrTx, claimId: number) {
  const claim = tx.select().from(claims).where(eq(claims.id, claimId)).get()
  if (!claim) throw new NotFoundError('Claim')
  return { claim, state: { ...claim, verdictEvidence: countVerdictEvidence(tx, claimId) } satisfies ReviewState }
}

/**
 * What the review panel offers this editor: the steps that make sense from the claim's
 * status, each with the reason it would be refused (shown next to it), what the check
 * still lacks, and whether this is an admin approving their own check. Built from the
 * claim and evidence the page has already loaded.
 */
export function reviewOptionsFor(
  claim: Omit<ReviewState, 'verdictEvidence'>,
  evidence: Array<{ role: EvidenceRole }>,
  actor: Actor,
) {
  const state = { ...claim, verdictEvidence: evidence.filter((e) => verdictEvidenceRoles.includes(e.role)).length }
  const ownCheck = state.status === 'in_review' && state.submittedById === actor.id
  return {
    moves: movesFrom[state.status].map((move) => ({ move, refusal: refusalOf(move, state, actor, ownCheck) })),
    missing: missingForReview(state),
    mayOverride: ownCheck && actor.role === 'admin',
  }
}

/**
 * Moves a claim through the workflow from the version the editor saw. A colleague's
 * change in between (another move, an edit) is a conflict, so two editors acting at
 * once cannot both win.
 */
export function moveClaim(claimId: number, input: ReviewInput, actor: Actor) {
  db.transaction((tx) => {
    const { claim, state } = reviewStateOf(tx, claimId)
    if (claim.deletedAt) throw new RefusedError('The claim is in the trash; restore it first.')
    if (claim.version !== input.version) throw new ConflictError(claim)
    const refusal = refusalOf(input.move, state, actor, input.override)
    if (refusal) throw new RefusedError(refusal)
    const override = input.move === 'approve' && state.submittedById === actor.id
    if (override && !input.reason) {
      throw new FieldError({ reason: ['Say why you approve your own check; the reason is recorded.'] })
    }
    const now = new Date()
    const result = tx
      .update(claims)
      .set({
        ...columnsAfter(input.move, actor.id, now),
        version: claim.version + 1,
        updatedById: actor.id,
        updatedAt: now,
      })
      .where(and(eq(claims.id, claimId), eq(claims.version, input.version)))
      .run()
    if (result.changes !== 1) throw new ConflictError(claim)
    recordClaimEvent(tx, {
      claimId,
      actorId: actor.id,
      type: 'status_changed',
      at: now,
      before: { status: claim.status },
      after: {
        status: columnsAfter(input.move, actor.id, now).status,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(override ? { override: 'An admin approved their own check' } : {}),
      },
    })
  })
}

/**
 * A checked claim whose content changes is no longer checked. Without a verdict or a
 * rationale it goes back to research. A claim in review or verified whose text, verdict
 * or rationale changed goes (back) to review with the editor as submitter, so that
 * someone else approves the change: otherwise a reviewer could rewrite a colleague's
 * verdict and approve it themselves.
 */
export function statusAfterEdit(
  before: { status: ClaimStatus; text: string; verdict: string | null; rationale: string | null },
  after: { text: string; verdict: string | null; rationale: string | null },
  actorId: string,
) {
  const checked = before.status === 'in_review' || before.status === 'verified'
  if (!checked) return null
  if (!after.verdict || !after.rationale) return backToResearch
  const contentChanged =
    after.text !== before.text || after.verdict !== before.verdict || after.rationale !== before.rationale
  return contentChanged ? backToReview(actorId) : null
}

/**
 * Evidence taken away from a checked claim changes what was checked: with nothing left
 * to rest on it goes back to research, otherwise it is reviewed again with the editor who
 * removed it as submitter, for the same reason as an edit.
 */
export function statusAfterEvidenceRemoved(status: ClaimStatus, remainingVerdictEvidence: number, actorId: string) {
  if (status !== 'in_review' && status !== 'verified') return null
  return remainingVerdictEvidence === 0 ? backToResearch : backToReview(actorId)
}

/** Why the desk moved a claim by itself, for the history. */
export const automaticMoveReasons = {
  edited: 'The checked text, verdict or rationale was edited; another editor has to approve the change.',
  incomplete: 'The verdict or rationale was removed.',
  evidenceRemoved: 'Evidence the check relied on was removed; another editor has to approve the change.',
  evidenceGone: 'The last evidence the check relied on was removed.',
}

const backToResearch = {
  status: 'researching' as const,
  submittedById: null,
  submittedAt: null,
  approvedById: null,
  approvedAt: null,
}

function backToReview(actorId: string) {
  return {
    status: 'in_review' as const,
    submittedById: actorId,
    submittedAt: new Date(),
    approvedById: null,
    approvedAt: null,
  }
}

/**
 * Hands a claim to an editor (or to nobody). The form says whom it saw as assignee; if a
 * colleague reassigned the claim meanwhile, nothing changes and the editor is told.
 */
export function assignClaim(
  claimId: number,
  input: { assigneeId: string | null; expectedAssigneeId: string | null },
  actorId: string,
) {
  db.transaction((tx) => {
    const claim = tx.select().from(claims).where(eq(claims.id, claimId)).get()
    if (!claim) throw new NotFoundError('Claim')
    if (claim.deletedAt) throw new RefusedError('The claim is in the trash; restore it first.')
    const nameOf = (id: string | null) =>
      id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? null) : null
    if (claim.assigneeId !== input.expectedAssigneeId) {
      throw new RefusedError(
        `Meanwhile the claim was ${claim.assigneeId ? `assigned to ${nameOf(claim.assigneeId)}` : 'unassigned'}. Choose again if you still want to change it.`,
      )
    }
    if (claim.assigneeId === input.assigneeId) return
    if (input.assigneeId) {
      const assignee = tx.select().from(users).where(eq(users.id, input.assigneeId)).get()
      if (!assignee || assignee.disabledAt || assignee.role === 'viewer') {
        throw new FieldError({ assigneeId: ['Claims can be assigned to active editors and admins only.'] })
      }
    }
    tx.update(claims)
      .set({ assigneeId: input.assigneeId, updatedById: actorId, updatedAt: new Date() })
      .where(eq(claims.id, claimId))
      .run()
    recordClaimEvent(tx, {
      claimId,
      actorId,
      type: 'assigned',
      before: { assignee: nameOf(claim.assigneeId) },
      after: { assignee: nameOf(input.assigneeId) },
    })
  })
}
