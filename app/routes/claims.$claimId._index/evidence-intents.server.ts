import { parseWithZod } from '@conform-to/zod/v4'
import { attachEvidence, removeEvidence } from '#app/domain/evidence.server.ts'
import { sectionDone, sectionInvalid, sectionRefused } from '#app/utils/responses.server.ts'
import { EvidenceAttachSchema, EvidenceRemoveSchema } from '#app/validation/evidence.ts'
import type { ClaimIntentHandler } from './intents.server.ts'

const staleMessage = 'The evidence changed since you opened the page; look again and retry.'

export const evidenceIntents: Record<string, ClaimIntentHandler> = {
  'attach-evidence': ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: EvidenceAttachSchema })
    if (submission.status !== 'success') return sectionInvalid('attach-evidence', submission)
    try {
      attachEvidence(claimId, submission.value, user.id)
    } catch (error) {
      return sectionRefused('attach-evidence', submission, error, staleMessage)
    }
    return sectionDone('attach-evidence', submission)
  },
  'remove-evidence': ({ formData, user, claimId }) => {
    const submission = parseWithZod(formData, { schema: EvidenceRemoveSchema })
    const form = `remove-evidence-${String(formData.get('evidenceId'))}`
    if (submission.status !== 'success') return sectionInvalid(form, submission)
    try {
      removeEvidence(claimId, submission.value.evidenceId, user.id)
    } catch (error) {
      return sectionRefused(form, submission, error, staleMessage)
    }
    return sectionDone(form, submission)
  },
}
