import { z } from 'zod'
import { linkTypes } from '#app/domain/vocabulary.ts'
import { optionalText, recordId, requiredText } from './common.ts'

export const linkLimits = { otherClaim: 1100, note: 1000 }

/** "This claim <type> <other claim>", with why, from the claim page's links section. */
export const LinkAddSchema = z.object({
  intent: z.literal('add-link'),
  type: z.enum(linkTypes, { error: 'Pick how this claim relates to the other one.' }),
  // A number ("12", "#12"), a suggestion ("Claim text … (#12)") or words of its text.
  otherClaim: requiredText('The other claim', linkLimits.otherClaim),
  note: optionalText('The note', linkLimits.note),
})

export const LinkRemoveSchema = z.object({ intent: z.literal('remove-link'), linkId: recordId('Link') })
