import { parseWithZod } from '@conform-to/zod/v4'
import { redirect } from '@remix-run/node'
import { deleteClaim, restoreClaim } from '#app/domain/claims.server.ts'
import { orNotFound, sectionInvalid, sectionRefused } from '#app/utils/responses.server.ts'
import { ClaimDeleteSchema } from '#app/validation/claim.ts'
import type { ClaimIntentHandler } from './intents.server.ts'

export const trashIntents: Record<string, ClaimIntentHandler> = {
  delete: ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: ClaimDeleteSchema })
    if (submission.status !== 'success') return sectionInvalid('trash', submission)
    try {
      orNotFound(() => deleteClaim(claimId, submission.value.version, user.id), `There is no claim #${claimId}.`)
    } catch (error) {
      return sectionRefused(
        'trash',
        submission,
        error,
        'Someone changed this claim since you opened it. Look at their change, then delete again if you still want to.',
      )
    }
    return redirect('/claims/trash')
  },
  restore: ({ user, claimId }) => {
    orNotFound(() => restoreClaim(claimId, user.id), `There is no claim #${claimId}.`)
    return redirect(`/claims/${claimId}`)
  },
}
