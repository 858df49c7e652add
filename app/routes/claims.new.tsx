import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ClaimForm } from '#app/components/claim-form.tsx'
import { NewClaimDuplicates, type DuplicateSuggestion } from '#app/components/possible-duplicates.tsx'
import { createClaim } from '#app/domain/claims.server.ts'
import { claimDraftFromPassage } from '#app/domain/sources.server.ts'
import { readFormData, replyWithFieldErrors } from '#app/utils/responses.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { possibleDuplicatesOfTyped } from '#app/domain/duplicates.server.ts'
import { linkTargetField } from '#app/domain/links.server.ts'
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
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: ClaimCreateSchema })
  // Sent back with a refused form, so an editor without JavaScript sees them too.
  const duplicates = () =>
    possibleDuplicatesOfTyped({
      text: String(formData.get('text') ?? ''),
      speakerName: String(formData.get('speakerName') ?? ''),
    })
  if (submission.status !== 'success') return data({ result: submission.reply(), duplicates: duplicates() }, 400)
  try {
    const id = createClaim(submission.value, user.id)
    return redirect(`/claims/${id}`)
  } catch (error) {
    const linkRefusal = error instanceof FieldError ? error.fieldErrors[linkTargetField] : undefined
    if (linkRefusal) {
      // The link was refused (the other claim was trashed meanwhile, say): nothing was created.
      return data({ result: submission.reply({ formErrors: linkRefusal }), duplicates: duplicates() }, 409)
    }
    return replyWithFieldErrors(submission, error)
  }
}

export default function NewClaimPage() {
  const { draft } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <PageHeader title="New claim" intro="Log a checkable statement with who made it and where it appeared." />
      <div className="grid-2 new-claim">
        <div className="card">
          <ClaimForm
            mode="create"
            lastResult={actionData?.result}
            defaultValue={draft}
            cancelHref={draft.sourceId ? `/sources/${draft.sourceId}` : '/claims'}
          />
        </div>
        <aside>
          <NewClaimDuplicates
            formId="claim-create"
            initial={
              actionData && 'duplicates' in actionData ? (actionData.duplicates as DuplicateSuggestion[]) : undefined
            }
          />
        </aside>
      </div>
    </main>
  )
}
