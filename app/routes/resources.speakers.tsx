import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { suggestSpeakers } from '#app/domain/speakers.server.ts'

/** Suggestions for the speaker picker. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  return {
    suggestions: suggestSpeakers(q).map((s) => ({ id: s.id, label: s.name, detail: s.role })),
  }
}
