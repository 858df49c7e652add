import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { suggestSpeakers } from '#app/domain/speakers.server.ts'
import { recordId } from '#app/validation/common.ts'

/** Suggestions for the speaker picker; `except` leaves one speaker out (the one being merged). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const params = new URL(request.url).searchParams
  const q = (params.get('q') ?? '').slice(0, 200)
  const exceptId = recordId('Speaker')
    .optional()
    .catch(undefined)
    .parse(params.get('except') ?? undefined)
  return {
    suggestions: suggestSpeakers(q, { exceptId }).map((s) => ({ id: s.id, label: s.name, detail: s.role })),
  }
}
