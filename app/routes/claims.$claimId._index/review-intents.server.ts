import { parseWithZod } from '@conform-to/zod/v4'
import { assignClaim, moveClaim } from '#app/domain/review.server.ts'
import { sectionDone, sectionInvalid, sectionRefused } from '#app/utils/responses.server.ts'
import { AssignSchema, ReviewSchema } from '#app/validation/review.ts'
import type { ClaimIntentHandler } from './intents.server.ts'

export const reviewIntents: Record<string, ClaimIntentHandler> = {
  review: ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: ReviewSchema })
    if (submission.status !== 'success') return sectionInvalid('review', submission)
    try {
      moveClaim(claimId, submission.value, user)
    } catch (error) {
      return sectionRefused(
        'review',
        submission,
        error,
        'Someone changed this claim since you opened it, so nothing was done. The page now shows their change; decide again.',
      )
    }
    return sectionDone('review', submission)
  },
  assign: ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: AssignSchema })
    if (submission.status !== 'success') return sectionInvalid('assign', submission)
    try {
      assignClaim(
        claimId,
        {
          assigneeId: submission.value.assigneeId ?? null,
          expectedAssigneeId: submission.value.expectedAssigneeId ?? null,
        },
        user.id,
      )
    } catch (error) {
      return sectionRefused('assign', submission, error, 'The assignment changed meanwhile; choose again.')
    }
    return sectionDone('assign', submission)
  },
}
