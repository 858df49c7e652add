import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { SourceForm } from '#app/components/source-form.tsx'
import { createSource } from '#app/domain/sources.server.ts'
import { invalid, readFormData, replyWithFieldErrors } from '#app/utils/responses.server.ts'
import { SourceCreateSchema } from '#app/validation/source.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'New source · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const submission = parseWithZod(await readFormData(request), { schema: SourceCreateSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    return redirect(`/sources/${createSource(submission.value, user.id)}`)
  } catch (error) {
    return replyWithFieldErrors(submission, error)
  }
}

export default function NewSourcePage() {
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <PageHeader title="New source" />
      <div className="card">
        <SourceForm
          mode="create"
          lastResult={actionData?.result}
          defaultValue={{ kind: 'article' }}
          cancelHref="/sources"
        />
      </div>
    </main>
  )
}
