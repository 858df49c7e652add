// The review workflow, evidence and assignment against a real database: what each action
// writes (the claim and exactly its history events), what it refuses, and races.
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createClaim, getClaim, updateClaim } from '#app/domain/claims.server.ts'
import { attachEvidence, listEvidence, removeEvidence } from '#app/domain/evidence.server.ts'
import { assignClaim, moveClaim } from '#app/domain/review.server.ts'
import { createSource } from '#app/domain/sources.server.ts'
import { setUserDisabled } from '#app/domain/users.server.ts'
import { ConflictError, FieldError, RefusedError } from '#app/utils/errors.server.ts'
import type { ReviewInput } from '#app/validation/review.ts'
import * as claimPage from '#app/routes/claims.$claimId._index/route.tsx'
import { db } from '#db/client.ts'
import { claimEvents } from '#db/schema.ts'
import { formRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

const admin = { ...(await makeUser('admin')), role: 'admin' as const }
const checker = { ...(await makeUser('editor')), role: 'editor' as const }
const colleague = { ...(await makeUser('editor')), role: 'editor' as const }
const viewerUser = await makeUser('viewer')
const ministry = createSource(
  { title: 'Ministry figures', url: 'https://example.org/ministry', kind: 'dataset' },
  checker.id,
)

/** Events written since `afterId`, oldest first, as type + fields. */
function eventsSince(claimId: number, afterId: number) {
  return db
    .select()
    .from(claimEvents)
    .where(eq(claimEvents.claimId, claimId))
    .all()
    .filter((e) => e.id > afterId)
    .map((e) => ({ type: e.type, actorId: e.actorId, before: e.before, after: e.after }))
}

function lastEventId() {
  return db.select().from(claimEvents).all().at(-1)?.id ?? 0
}

/** Records what `action` writes to the claim's history. */
function eventsOf(claimId: number, action: () => void) {
  const mark = lastEventId()
  action()
  return eventsSince(claimId, mark)
}

function move(
  claimId: number,
  moveName: ReviewInput['move'],
  actor: { id: string; role: 'editor' | 'admin' },
  extra: Partial<ReviewInput> = {},
) {
  moveClaim(claimId, { intent: 'review', move: moveName, version: getClaim(claimId).version, ...extra }, actor)
}

function claimReadyForReview() {
  const id = createClaim(
    { text: `Nordkorea schickte 10.000 Soldaten ${Math.random()}`, language: 'de', tags: [] },
    checker.id,
  )
  move(id, 'start', checker)
  const { version } = getClaim(id)
  updateClaim(
    id,
    {
      text: getClaim(id).text,
      language: 'de',
      tags: [],
      verdict: 'mostly_true',
      rationale: 'US and South Korean intelligence agree.',
      version,
    },
    checker.id,
  )
  attachEvidence(
    id,
    { intent: 'attach-evidence', role: 'supports', sourceRef: 'Ministry figures', note: 'Table 2' },
    checker.id,
  )
  return id
}

describe('moving a claim through review', () => {
  test('each move writes the status and exactly one status event', () => {
    const id = claimReadyForReview()
    expect(eventsOf(id, () => move(id, 'submit', checker))).toEqual([
      {
        type: 'status_changed',
        actorId: checker.id,
        before: { status: 'researching' },
        after: { status: 'in_review' },
      },
    ])
    expect(getClaim(id)).toMatchObject({ status: 'in_review', submittedById: checker.id })
    expect(eventsOf(id, () => move(id, 'approve', colleague))).toEqual([
      { type: 'status_changed', actorId: colleague.id, before: { status: 'in_review' }, after: { status: 'verified' } },
    ])
    expect(getClaim(id)).toMatchObject({ status: 'verified', submittedById: checker.id, approvedById: colleague.id })
  })

  test('sending back and rejecting record the reason and clear the stamps', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    expect(eventsOf(id, () => move(id, 'send_back', colleague, { reason: 'Second source needed.' }))).toEqual([
      {
        type: 'status_changed',
        actorId: colleague.id,
        before: { status: 'in_review' },
        after: { status: 'researching', reason: 'Second source needed.' },
      },
    ])
    expect(getClaim(id)).toMatchObject({ status: 'researching', submittedById: null, approvedById: null })
    move(id, 'reject', colleague, { reason: 'Out of scope.' })
    expect(getClaim(id).status).toBe('rejected')
  })

  test('an incomplete check is refused with what it lacks, and nothing is written', () => {
    const id = createClaim({ text: 'Eine Behauptung ohne Beleg', language: 'de', tags: [] }, checker.id)
    move(id, 'start', checker)
    const before = getClaim(id)
    const mark = lastEventId()
    expect(() => move(id, 'submit', checker)).toThrow(
      new RefusedError(
        'Before review the claim needs a verdict, a rationale and at least one evidence source that supports, refutes or gives context.',
      ),
    )
    expect(getClaim(id)).toEqual(before)
    expect(eventsSince(id, mark)).toEqual([])
  })

  test('the checker cannot approve their own check', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    expect(() => move(id, 'approve', checker)).toThrow(RefusedError)
    expect(getClaim(id).status).toBe('in_review')
  })

  test('a colleague who rewrites the verdict of a check in review cannot then approve it', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    updateClaim(
      id,
      {
        text: getClaim(id).text,
        language: 'de',
        tags: [],
        verdict: 'false',
        rationale: 'Anders gesehen.',
        version: getClaim(id).version,
      },
      colleague.id,
    )
    expect(getClaim(id)).toMatchObject({ status: 'in_review', submittedById: colleague.id })
    expect(() => move(id, 'approve', colleague)).toThrow(
      'You submitted this check, so another editor has to approve it.',
    )
    move(id, 'approve', checker)
    expect(getClaim(id)).toMatchObject({ status: 'verified', approvedById: checker.id })
  })

  test('changing the evidence of a claim in review makes an approval from the older page a conflict', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    const seen = getClaim(id).version
    attachEvidence(id, { intent: 'attach-evidence', role: 'context', sourceRef: 'Ministry figures' }, checker.id)
    expect(() => moveClaim(id, { intent: 'review', move: 'approve', version: seen }, colleague)).toThrow(ConflictError)
    expect(getClaim(id).status).toBe('in_review')
  })

  test('an admin override needs a reason and is recorded as an override', () => {
    const id = createClaim({ text: 'Admin check', language: 'de', tags: [] }, admin.id)
    move(id, 'start', admin)
    updateClaim(
      id,
      {
        text: 'Admin check',
        language: 'de',
        tags: [],
        verdict: 'false',
        rationale: 'No.',
        version: getClaim(id).version,
      },
      admin.id,
    )
    attachEvidence(id, { intent: 'attach-evidence', role: 'refutes', sourceRef: 'Ministry figures' }, admin.id)
    move(id, 'submit', admin)
    expect(() => move(id, 'approve', admin)).toThrow(/recorded override/)
    expect(() => move(id, 'approve', admin, { override: true })).toThrow(FieldError)
    const events = eventsOf(id, () => move(id, 'approve', admin, { override: true, reason: 'Deadline; desk empty.' }))
    expect(events).toEqual([
      {
        type: 'status_changed',
        actorId: admin.id,
        before: { status: 'in_review' },
        after: { status: 'verified', reason: 'Deadline; desk empty.', override: 'An admin approved their own check' },
      },
    ])
  })

  test('two editors moving the same claim at once: the second gets a conflict and changes nothing', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    const seen = getClaim(id).version
    moveClaim(id, { intent: 'review', move: 'approve', version: seen }, colleague)
    expect(() => moveClaim(id, { intent: 'review', move: 'send_back', version: seen, reason: 'Wait' }, admin)).toThrow(
      ConflictError,
    )
    expect(getClaim(id).status).toBe('verified')
  })

  test('a claim in the trash cannot be moved', async () => {
    const id = claimReadyForReview()
    const { deleteClaim } = await import('#app/domain/claims.server.ts')
    deleteClaim(id, getClaim(id).version, checker.id)
    expect(() => move(id, 'submit', checker)).toThrow('The claim is in the trash; restore it first.')
  })
})

describe('evidence', () => {
  test('attaching writes one event with the source by name and number', () => {
    const id = createClaim({ text: 'Beleg-Test', language: 'de', tags: [] }, checker.id)
    const events = eventsOf(id, () =>
      attachEvidence(
        id,
        { intent: 'attach-evidence', role: 'refutes', sourceRef: 'Ministry figures', note: 'p. 2' },
        checker.id,
      ),
    )
    expect(events).toEqual([
      {
        type: 'evidence_added',
        actorId: checker.id,
        before: null,
        after: { source: `Ministry figures (#${ministry})`, role: 'refutes', note: 'p. 2' },
      },
    ])
  })

  test('the same source in the same role twice is refused at the field', () => {
    const id = createClaim({ text: 'Doppelt', language: 'de', tags: [] }, checker.id)
    attachEvidence(id, { intent: 'attach-evidence', role: 'context', sourceRef: 'Ministry figures' }, checker.id)
    expect(() =>
      attachEvidence(id, { intent: 'attach-evidence', role: 'context', sourceRef: 'Ministry figures' }, checker.id),
    ).toThrow(new FieldError({ sourceRef: ['This source is already attached as “Context”.'] }))
    // Another role for the same source is a different statement and is allowed.
    attachEvidence(id, { intent: 'attach-evidence', role: 'supports', sourceRef: 'Ministry figures' }, checker.id)
    expect(listEvidence(id).map((e) => e.role)).toEqual(['context', 'supports'])
  })

  test('a new source can be described inline', () => {
    const id = createClaim({ text: 'Inline-Quelle', language: 'de', tags: [] }, checker.id)
    attachEvidence(
      id,
      {
        intent: 'attach-evidence',
        role: 'supports',
        newSource: true,
        newSourceTitle: 'UN panel report',
        newSourceUrl: 'https://un.example/report',
      },
      checker.id,
    )
    expect(listEvidence(id)).toMatchObject([
      { title: 'UN panel report', url: 'https://un.example/report', role: 'supports' },
    ])
  })

  test('removing is soft, writes one event, and refuses the claim’s own origin', () => {
    const id = createClaim({ text: 'Entfernen', language: 'de', tags: [], sourceRef: 'Ministry figures' }, checker.id)
    const origin = listEvidence(id)[0]!
    expect(origin.role).toBe('origin')
    expect(() => removeEvidence(id, origin.id, checker.id)).toThrow(/first appeared/)
    const evidenceId = attachEvidence(
      id,
      { intent: 'attach-evidence', role: 'context', sourceRef: 'Ministry figures' },
      checker.id,
    )
    expect(eventsOf(id, () => removeEvidence(id, evidenceId, colleague.id))).toEqual([
      {
        type: 'evidence_removed',
        actorId: colleague.id,
        before: { source: `Ministry figures (#${ministry})`, role: 'context', note: null },
        after: null,
      },
    ])
    expect(listEvidence(id).map((e) => e.id)).not.toContain(evidenceId)
    expect(() => removeEvidence(id, evidenceId, colleague.id)).toThrow(/already removed/)
  })

  test('removing the last evidence of a verified claim sends it back to research, in the same transaction', () => {
    const id = claimReadyForReview()
    move(id, 'submit', checker)
    move(id, 'approve', colleague)
    const [supporting] = listEvidence(id).filter((e) => e.role === 'supports')
    const events = eventsOf(id, () => removeEvidence(id, supporting!.id, colleague.id))
    expect(events.map((e) => e.type)).toEqual(['evidence_removed', 'status_changed'])
    expect(events[1]).toMatchObject({ before: { status: 'verified' }, after: { status: 'researching' } })
    expect(getClaim(id)).toMatchObject({ status: 'researching', approvedById: null, submittedById: null })
  })
})

describe('assignment', () => {
  test('assigning writes one event with the names, and a stale form is refused', () => {
    const id = createClaim({ text: 'Zuweisung', language: 'de', tags: [] }, checker.id)
    expect(
      eventsOf(id, () => assignClaim(id, { assigneeId: colleague.id, expectedAssigneeId: null }, checker.id)),
    ).toEqual([
      { type: 'assigned', actorId: checker.id, before: { assignee: null }, after: { assignee: colleague.name } },
    ])
    expect(() => assignClaim(id, { assigneeId: checker.id, expectedAssigneeId: null }, admin.id)).toThrow(
      `Meanwhile the claim was assigned to ${colleague.name}. Choose again if you still want to change it.`,
    )
    expect(getClaim(id).assigneeId).toBe(colleague.id)
    // Choosing the current assignee again changes nothing and writes nothing.
    expect(
      eventsOf(id, () => assignClaim(id, { assigneeId: colleague.id, expectedAssigneeId: colleague.id }, checker.id)),
    ).toEqual([])
  })

  test('only active editors and admins can be assigned', async () => {
    const id = createClaim({ text: 'Nur Redaktion', language: 'de', tags: [] }, checker.id)
    expect(() => assignClaim(id, { assigneeId: viewerUser.id, expectedAssigneeId: null }, checker.id)).toThrow(
      FieldError,
    )
    const leaver = await makeUser('editor')
    await setUserDisabled(admin.id, leaver.id, true)
    expect(() => assignClaim(id, { assigneeId: leaver.id, expectedAssigneeId: null }, checker.id)).toThrow(FieldError)
    expect(getClaim(id).assigneeId).toBeNull()
  })
})

describe('the claim page action', () => {
  async function post(cookie: string, claimId: number, fields: Record<string, string>) {
    return claimPage.action({
      request: formRequest(`/claims/${claimId}?index`, fields, cookie),
      params: { claimId: String(claimId) },
      context: {},
    })
  }

  test('a refused move answers 409 with the reason for the review form, and a viewer gets 403', async () => {
    const editorSession = await signedIn('editor')
    const id = createClaim({ text: 'Seitenaktion', language: 'de', tags: [] }, checker.id)
    const reply = (await post(editorSession.cookie, id, {
      intent: 'review',
      move: 'submit',
      version: String(getClaim(id).version),
    })) as {
      init: { status: number }
      data: { form: string; result: { error: Record<string, string[]> } }
    }
    expect(reply.init.status).toBe(409)
    expect(reply.data.form).toBe('review')
    expect(reply.data.result.error['']).toEqual([
      'Start research first: a new claim goes to Researching before review.',
    ])

    const viewer = await signedIn('viewer')
    await expect(post(viewer.cookie, id, { intent: 'review', move: 'start', version: '1' })).rejects.toMatchObject({
      init: { status: 403 },
    })
    expect(getClaim(id).status).toBe('new')
  })

  test('an unknown intent is a 400, not a 500', async () => {
    const editorSession = await signedIn('editor')
    const id = createClaim({ text: 'Unbekannt', language: 'de', tags: [] }, checker.id)
    for (const intent of ['constructor', '__proto__', 'toString', 'nonsense']) {
      await expect(post(editorSession.cookie, id, { intent })).rejects.toMatchObject({ init: { status: 400 } })
    }
  })
})
