import { describe, expect, test } from 'vitest'
import { missingForReview, refusalOf, statusAfterEdit, statusAfterEvidenceRemoved } from '#app/domain/review.server.ts'
import { claimStatuses, reviewMoves, type ClaimStatus, type ReviewMove } from '#app/domain/vocabulary.ts'

const checker = { id: 'checker', role: 'editor' as const }
const colleague = { id: 'colleague', role: 'editor' as const }
const admin = { id: 'checker', role: 'admin' as const }

function state(status: ClaimStatus, overrides: Partial<Parameters<typeof refusalOf>[1]> = {}) {
  return {
    status,
    verdict: 'false',
    rationale: 'The ministry says otherwise.',
    submittedById: status === 'in_review' || status === 'verified' ? checker.id : null,
    verdictEvidence: 1,
    ...overrides,
  }
}

describe('which move is allowed from which status', () => {
  // The whole table: every move from every status, for a complete check by a colleague.
  const allowed: Record<ClaimStatus, ReviewMove[]> = {
    new: ['start', 'reject'],
    researching: ['submit', 'reject'],
    in_review: ['approve', 'send_back', 'reject'],
    verified: ['send_back', 'reject'],
    rejected: ['send_back'],
  }
  for (const status of claimStatuses) {
    for (const move of reviewMoves) {
      const expected = allowed[status].includes(move)
      test(`${move} from ${status} is ${expected ? 'allowed' : 'refused'}`, () => {
        const refusal = refusalOf(move, state(status), colleague)
        if (expected) expect(refusal).toBeNull()
        else expect(refusal).toMatch(/\w+/)
      })
    }
  }
})

describe('refusals say why', () => {
  test('a new claim cannot skip research', () => {
    expect(refusalOf('submit', state('new'), checker)).toBe(
      'Start research first: a new claim goes to Researching before review.',
    )
  })

  test('submitting lists everything the check lacks', () => {
    const bare = state('researching', { verdict: null, rationale: null, verdictEvidence: 0 })
    expect(refusalOf('submit', bare, checker)).toBe(
      'Before review the claim needs a verdict, a rationale and at least one evidence source that supports, refutes or gives context.',
    )
    expect(refusalOf('submit', state('researching', { rationale: null }), checker)).toBe(
      'Before review the claim needs a rationale.',
    )
    expect(missingForReview(state('researching', { verdictEvidence: 0 }))).toEqual([
      'at least one evidence source that supports, refutes or gives context',
    ])
  })

  test('the editor who submitted cannot approve', () => {
    expect(refusalOf('approve', state('in_review'), checker)).toBe(
      'You submitted this check, so another editor has to approve it.',
    )
    expect(refusalOf('approve', state('in_review'), colleague)).toBeNull()
  })

  test('an admin approving their own check needs the explicit override', () => {
    expect(refusalOf('approve', state('in_review'), admin)).toMatch(/recorded override/)
    expect(refusalOf('approve', state('in_review'), admin, true)).toBeNull()
    // The override is only for admins.
    expect(refusalOf('approve', state('in_review'), checker, true)).toMatch(/another editor/)
  })

  test('approval needs a complete check even in review', () => {
    expect(refusalOf('approve', state('in_review', { verdictEvidence: 0 }), colleague)).toMatch(
      /cannot be approved without at least one evidence source/,
    )
  })

  test('a claim already where the move leads is refused', () => {
    expect(refusalOf('start', state('researching'), checker)).toBe(
      'Research has already started: the claim is Researching.',
    )
    expect(refusalOf('send_back', state('researching'), checker)).toBe('The claim is already in research.')
    expect(refusalOf('reject', state('rejected'), checker)).toBe('The claim is already rejected.')
  })
})

describe('edits to checked claims', () => {
  const verified = { status: 'verified' as const, text: 'A', verdict: 'false', rationale: 'R' }

  test('changing the text, verdict or rationale of a verified claim sends it back to review', () => {
    for (const change of [{ text: 'B' }, { verdict: 'mixed' }, { rationale: 'R2' }]) {
      expect(statusAfterEdit(verified, { ...verified, ...change }, 'editor')).toMatchObject({
        status: 'in_review',
        submittedById: 'editor',
        approvedById: null,
      })
    }
  })

  test('changing a claim in review makes the editor its submitter, so they cannot approve their own change', () => {
    const inReview = { ...verified, status: 'in_review' as const }
    expect(statusAfterEdit(inReview, { ...inReview, verdict: 'true' }, 'reviewer')).toMatchObject({
      status: 'in_review',
      submittedById: 'reviewer',
    })
    expect(statusAfterEdit(inReview, inReview, 'reviewer')).toBeNull()
  })

  test('removing the verdict or rationale of a checked claim sends it back to research', () => {
    expect(statusAfterEdit(verified, { ...verified, verdict: null }, 'editor')?.status).toBe('researching')
    expect(statusAfterEdit({ ...verified, status: 'in_review' }, { ...verified, rationale: null }, 'e')?.status).toBe(
      'researching',
    )
  })

  test('other edits leave the status alone', () => {
    expect(statusAfterEdit(verified, verified, 'editor')).toBeNull()
    expect(statusAfterEdit({ ...verified, status: 'researching' }, { ...verified, text: 'B' }, 'editor')).toBeNull()
  })

  test('removing evidence reopens a check that rested on it', () => {
    expect(statusAfterEvidenceRemoved('verified', 0, 'e')?.status).toBe('researching')
    expect(statusAfterEvidenceRemoved('verified', 2, 'e')?.status).toBe('in_review')
    expect(statusAfterEvidenceRemoved('in_review', 0, 'e')?.status).toBe('researching')
    // A reviewer who removes some of a colleague's evidence becomes the submitter.
    expect(statusAfterEvidenceRemoved('in_review', 1, 'reviewer')).toMatchObject({
      status: 'in_review',
      submittedById: 'reviewer',
    })
    expect(statusAfterEvidenceRemoved('researching', 0, 'e')).toBeNull()
  })
})
