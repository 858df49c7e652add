import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { possibleDuplicatesOfTyped } from '#app/domain/duplicates.server.ts'

/** Possible duplicates of a claim being typed on the new-claim form (text, and the speaker typed so far). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const params = new URL(request.url).searchParams
  return {
    suggestions: possibleDuplicatesOfTyped({
      text: params.get('text') ?? '',
      speakerName: params.get('speaker') ?? '',
    }),
  }
}
