import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/permissions.server.ts'
import { statusLabels, verdictLabels } from '#app/domain/labels.ts'
import { suggestClaims } from '#app/domain/links.server.ts'
import { shorten } from '#app/utils/format.ts'

/** Suggestions for the link form's other-claim picker; the label ends in the number the server reads back. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  return {
    suggestions: suggestClaims(q).map((c) => ({
      id: c.id,
      label: `${shorten(c.text, 70)} (#${c.id})`,
      detail: [statusLabels[c.status], c.verdict ? verdictLabels[c.verdict] : null].filter(Boolean).join(' · '),
    })),
  }
}
