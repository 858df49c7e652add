import { parseWithZod } from '@conform-to/zod/v4'
import { claimIdFromReference, linkClaims, unlinkClaims } from '#app/domain/links.server.ts'
import { sectionDone, sectionInvalid, sectionRefused } from '#app/utils/responses.server.ts'
import { LinkAddSchema, LinkRemoveSchema } from '#app/validation/link.ts'
import type { ClaimIntentHandler } from './intents.server.ts'

const staleMessage = 'The links changed since you opened the page; look again and retry.'

export const linkIntents: Record<string, ClaimIntentHandler> = {
  'add-link': ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: LinkAddSchema })
    if (submission.status !== 'success') return sectionInvalid('add-link', submission)
    const { type, otherClaim, note } = submission.value
    try {
      linkClaims({ fromClaimId: claimId, toClaimId: claimIdFromReference(otherClaim), type, note }, user.id)
    } catch (error) {
      return sectionRefused('add-link', submission, error, staleMessage)
    }
    return sectionDone('add-link', submission)
  },
  'remove-link': ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: LinkRemoveSchema })
    const form = `remove-link-${String(formData.get('linkId'))}`
    if (submission.status !== 'success') return sectionInvalid(form, submission)
    try {
      unlinkClaims(claimId, submission.value.linkId, user.id)
    } catch (error) {
      return sectionRefused(form, submission, error, staleMessage)
    }
    return sectionDone(form, submission)
  },
}
