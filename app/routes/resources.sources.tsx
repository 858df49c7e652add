import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { suggestSources } from '#app/domain/sources.server.ts'

/** Suggestions for the source picker. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  return {
    suggestions: suggestSources(q).map((s) => ({
      id: s.id,
      label: `${s.title} (#${s.id})`,
      detail: [s.outlet, s.publishedOn].filter(Boolean).join(', '),
    })),
  }
}
