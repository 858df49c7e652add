// The claim page holds several small forms; each names its `intent`, and the page's action
// hands the request to the handler registered for it here.
import type { SessionUser } from '#app/auth/session.server.ts'

export type ClaimIntentArgs = { formData: FormData; user: SessionUser; claimId: number }
export type ClaimIntentHandler = (args: ClaimIntentArgs) => unknown
