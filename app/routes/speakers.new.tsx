import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { SpeakerForm } from '#app/components/speaker-form.tsx'
import { createSpeaker } from '#app/domain/speakers.server.ts'
import { invalid, readFormData, replyWithFieldErrors } from '#app/utils/responses.server.ts'
import { SpeakerCreateSchema } from '#app/validation/speaker.ts'
import { PageHeader } from '#app/components/ui/layout.tsx'

export const meta: MetaFunction = () => [{ title: 'New speaker · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const submission = parseWithZod(await readFormData(request), { schema: SpeakerCreateSchema })
  if (submission.status !== 'success') return invalid(submission)
  try {
    return redirect(`/speakers/${createSpeaker(submission.value, user.id)}`)
  } catch (error) {
    return replyWithFieldErrors(submission, error)
  }
}

export default function NewSpeakerPage() {
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <PageHeader title="New speaker" />
      <div className="card">
        <SpeakerForm mode="create" lastResult={actionData?.result} cancelHref="/speakers" />
      </div>
    </main>
  )
}
