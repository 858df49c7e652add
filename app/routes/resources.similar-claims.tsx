import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { possibleDuplicatesOf } from '#app/domain/duplicates.server.ts'
import { findSpeakersByName } from '#app/domain/speakers.server.ts'
import { claimLimits } from '#app/validation/claim.ts'
import { db } from '#db/client.ts'

/** Possible duplicates of a claim being typed on the new-claim form (text, and the speaker typed so far). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const params = new URL(request.url).searchParams
  const text = (params.get('text') ?? '').slice(0, claimLimits.text)
  const speakers = findSpeakersByName(db, (params.get('speaker') ?? '').slice(0, 200))
  return { suggestions: possibleDuplicatesOf({ text, speakerId: speakers.length === 1 ? speakers[0]!.id : null }) }
}
