import { redirect } from '@remix-run/node'
import { findMergedSpeaker } from '#app/domain/speakers.server.ts'

/**
 * A merged speaker's pages (bookmarks, old links, a form left open during the merge)
 * lead to the speaker who has its claims now, which says what happened.
 */
export function redirectIfMerged(speakerId: number) {
  const mergedAway = findMergedSpeaker(speakerId)
  if (mergedAway) throw redirect(`/speakers/${mergedAway.mergedIntoId}?merged=${speakerId}`)
}
