import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { SpeakerForm } from '#app/components/speaker-form.tsx'
import { getSpeaker, updateSpeaker } from '#app/domain/speakers.server.ts'
import { replyToSaveError } from '#app/utils/conflict.server.ts'
import { redirectIfMerged } from '#app/utils/merged-speakers.server.ts'
import { invalid, orNotFound, parseRecordId, readFormData } from '#app/utils/responses.server.ts'
import { SpeakerEditSchema } from '#app/validation/speaker.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'Edit speaker · Claim desk' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  redirectIfMerged(id)
  return { speaker: orNotFound(() => getSpeaker(id), `There is no speaker #${id}.`) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  const submission = parseWithZod(await readFormData(request), { schema: SpeakerEditSchema })
  if (submission.status !== 'success') return invalid(submission)
  // Merged while the form was open: the speaker who has its claims now is where to edit.
  redirectIfMerged(id)
  try {
    orNotFound(() => updateSpeaker(id, submission.value, user.id), `There is no speaker #${id}.`)
    return redirect(`/speakers/${id}`)
  } catch (error) {
    return replyToSaveError(submission, error, 'speaker')
  }
}

export default function EditSpeakerPage() {
  const { speaker } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <p className="small">
        <Link to={`/speakers/${speaker.id}`}>← {speaker.name}</Link>
      </p>
      <PageHeader title="Edit speaker" />
      <div className="card">
        <SpeakerForm
          mode="edit"
          lastResult={actionData?.result}
          version={(actionData as { currentVersion?: number } | undefined)?.currentVersion ?? speaker.version}
          defaultValue={{
            name: speaker.name,
            kind: speaker.kind,
            role: speaker.role ?? '',
            organisation: speaker.organisation ?? '',
            country: speaker.country ?? '',
            wikidataId: speaker.wikidataId ?? '',
            aliases: speaker.aliases.join('\n'),
          }}
          cancelHref={`/speakers/${speaker.id}`}
        />
      </div>
    </main>
  )
}
