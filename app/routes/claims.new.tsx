import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ClaimForm } from '#app/components/claim-form.tsx'
import { createClaim } from '#app/domain/claims.server.ts'
import { claimDraftFromPassage } from '#app/domain/sources.server.ts'
import { invalid, replyWithFieldErrors } from '#app/utils/responses.server.ts'
import { ClaimFromPassageQuerySchema } from '#app/validation/annotation.ts'
import { ClaimCreateSchema } from '#app/validation/claim.ts'
import { queryParams } from '#app/utils/url.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'New claim · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request)
  // "Create claim from passage" on a source page links here with the passage and the source.
  const { source, quote } = ClaimFromPassageQuerySchema.parse(queryParams(request.url))
  return { draft: claimDraftFromPassage({ sourceId: source, quote }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const submission = parseWithZod(await request.formData(), { schema: ClaimCreateSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    const id = createClaim(submission.value, user.id)
    return redirect(`/claims/${id}`)
  } catch (error) {
    return replyWithFieldErrors(submission, error)
  }
}

export default function NewClaimPage() {
  const { draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <PageHeader title="New claim" intro="Log a checkable statement with who made it and where it appeared." />
      <div className="card">
        <ClaimForm
          mode="create"
          lastResult={actionData?.result}
          defaultValue={draft}
          cancelHref={draft.sourceId ? `/sources/${draft.sourceId}` : '/claims'}
        />
      </div>
    </main>
  )
}
