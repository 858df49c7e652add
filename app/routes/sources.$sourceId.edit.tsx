import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { SourceForm } from '#app/components/source-form.tsx'
import { getSource, updateSource } from '#app/domain/sources.server.ts'
import { replyToSaveError } from '#app/utils/conflict.server.ts'
import { invalid, orNotFound, parseRecordId, readFormData } from '#app/utils/responses.server.ts'
import { SourceEditSchema } from '#app/validation/source.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'Edit source · Claim desk' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request)
  const id = parseRecordId(params.sourceId, 'Source')
  return { source: orNotFound(() => getSource(id), `There is no source #${id}.`) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.sourceId, 'Source')
  const submission = parseWithZod(await readFormData(request), { schema: SourceEditSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    orNotFound(() => updateSource(id, submission.value, user.id), `There is no source #${id}.`)
    return redirect(`/sources/${id}`)
  } catch (error) {
    return replyToSaveError(submission, error, 'source')
  }
}

export default function EditSourcePage() {
  const { source } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <p className="small">
        <Link to={`/sources/${source.id}`}>← {source.title}</Link>
      </p>
      <PageHeader title="Edit source" />
      <div className="card">
        <SourceForm
          mode="edit"
          lastResult={actionData?.result}
          version={(actionData as { currentVersion?: number } | undefined)?.currentVersion ?? source.version}
          defaultValue={{
            title: source.title,
            url: source.url ?? '',
            outlet: source.outlet ?? '',
            author: source.author ?? '',
            publishedOn: source.publishedOn ?? '',
            language: source.language ?? '',
            kind: source.kind,
            excerpt: source.excerpt ?? '',
            archiveUrl: source.archiveUrl ?? '',
            retrievedOn: source.retrievedOn ?? '',
            notes: source.notes ?? '',
          }}
          cancelHref={`/sources/${source.id}`}
        />
      </div>
    </main>
  )
}
