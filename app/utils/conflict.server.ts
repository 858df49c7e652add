import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { ConflictError } from './errors.server.ts'
import { replyWithFieldErrors } from './responses.server.ts'

/**
 * For records edited as a whole (speakers, sources): a conflict keeps the editor's input,
 * says who won, and hands over the saved version so a second save is a deliberate overwrite.
 */
export function replyToSaveError(submission: Submission<unknown>, error: unknown, what: string) {
  if (error instanceof ConflictError) {
    const current = error.current as { version: number }
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Someone else saved this ${what} after you opened it, so your changes were not saved. Reload to see their version, or save again to replace it with yours.`,
          ],
        }),
        currentVersion: current.version,
      },
      { status: 409 },
    )
  }
  return replyWithFieldErrors(submission, error)
}
