// Merging a speaker in two steps that work without JavaScript: choose the speaker who
// stays (a GET form, so the preview is an ordinary page), then confirm the preview,
// which carries the versions of both speakers it showed.
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ErrorList, FormActions, useDeskForm } from '#app/components/forms.tsx'
import { Picker } from '#app/components/picker.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'
import {
  findMergeTarget,
  getSpeaker,
  mergeSpeakers,
  previewSpeakerMerge,
  type SpeakerMergePreview,
} from '#app/domain/speakers.server.ts'
import { ConflictError, FieldError, RefusedError } from '#app/utils/errors.server.ts'
import { shorten } from '#app/utils/format.ts'
import { redirectIfMerged } from '#app/utils/merged-speakers.server.ts'
import { orNotFound, parseRecordId, readFormData } from '#app/utils/responses.server.ts'
import { SpeakerMergeSchema, SpeakerMergeTargetSchema } from '#app/validation/speaker.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Merge ${data.speaker.name} · Claim desk` : 'Merge speaker · Claim desk' },
]

const profileLabels: Record<SpeakerMergePreview['details'][number]['field'], string> = {
  role: 'Role or title',
  organisation: 'Organisation',
  country: 'Country',
  wikidataId: 'Wikidata id',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  redirectIfMerged(id)
  const speaker = orNotFound(() => getSpeaker(id), `There is no speaker #${id}.`)
  const searchParams = new URL(request.url).searchParams
  if (!searchParams.has('into')) return { speaker, preview: null, result: null }
  const submission = parseWithZod(searchParams, { schema: SpeakerMergeTargetSchema })
  if (submission.status !== 'success') return data({ speaker, preview: null, result: submission.reply() }, 400)
  try {
    const intoId = findMergeTarget(submission.value.into, submission.value.intoId)
    return { speaker, preview: previewSpeakerMerge(id, intoId), result: null }
  } catch (error) {
    const messages =
      error instanceof FieldError
        ? Object.values(error.fieldErrors).flat()
        : error instanceof RefusedError
          ? [error.message]
          : null
    if (!messages) throw error
    return data({ speaker, preview: null, result: submission.reply({ fieldErrors: { into: messages } }) }, 400)
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.speakerId, 'Speaker')
  const submission = parseWithZod(await readFormData(request), { schema: SpeakerMergeSchema })
  if (submission.status !== 'success') {
    return data({ error: 'The merge form was incomplete, so nothing was merged. Choose the speaker again.' }, 400)
  }
  try {
    orNotFound(() => mergeSpeakers({ ...submission.value, speakerId: id }, user.id), `There is no speaker #${id}.`)
  } catch (error) {
    if (error instanceof ConflictError) {
      return data(
        {
          error:
            'Someone changed one of the two speakers after you opened this preview, so nothing was merged. The preview now shows them as they are: check it and confirm again.',
        },
        409,
      )
    }
    if (error instanceof RefusedError) return data({ error: error.message }, 409)
    throw error
  }
  return redirect(`/speakers/${submission.value.intoSpeakerId}?merged=${id}`)
}

export default function MergeSpeakerPage() {
  const { speaker, preview, result } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <p className="small">
        <Link to={`/speakers/${speaker.id}`}>← {speaker.name}</Link>
      </p>
      <PageHeader
        title={<>Merge {speaker.name}</>}
        intro="For two entries that are one person or body: the other speaker stays, and gets this one’s claims and spellings."
      />
      {actionData?.error ? (
        <div className="alert error" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {preview ? (
        <MergePreview preview={preview} />
      ) : (
        <ChooseTarget speakerId={speaker.id} speakerName={speaker.name} result={result} />
      )}
    </main>
  )
}

function ChooseTarget({
  speakerId,
  speakerName,
  result,
}: {
  speakerId: number
  speakerName: string
  result: SubmissionResult<string[]> | null
}) {
  const navigation = useNavigation()
  const [form, fields] = useDeskForm({ id: 'merge-target', schema: SpeakerMergeTargetSchema, lastResult: result })
  const typed = (form.initialValue ?? {}) as Record<string, string | undefined>
  return (
    <section className="card merge-choose" aria-labelledby="choose-heading">
      <h2 id="choose-heading">1. Who stays?</h2>
      <Form method="get" className="stack-form" {...getFormProps(form)}>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Picker
          label="Merge into"
          hint={`The speaker who keeps everything; ${speakerName} disappears from lists. Any known spelling works.`}
          name="into"
          idName="intoId"
          defaultValue={typed.into ?? ''}
          defaultId={typed.intoId ?? ''}
          errors={[...(fields.into.errors ?? []), ...(fields.intoId.errors ?? [])]}
          resource={`/resources/speakers?except=${speakerId}`}
        />
        <p className="small muted">Nothing changes yet: the next step shows exactly what the merge will do.</p>
        <FormActions
          submitLabel="Preview the merge"
          cancelHref={`/speakers/${speakerId}`}
          busy={navigation.state === 'loading' && navigation.location.search.includes('into=')}
        />
      </Form>
    </section>
  )
}

function quoted(spellings: string[]) {
  return spellings.map((s) => `“${s}”`).join(', ')
}

function MergePreview({ preview }: { preview: SpeakerMergePreview }) {
  const navigation = useNavigation()
  const { speaker, into, aliases, filled, kept, details } = preview
  const moreClaims = preview.claimCount - preview.sampleClaims.length
  return (
    <section className="card merge-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        2. Merge {speaker.name} (#{speaker.id}) into {into.name} (#{into.id})
      </h2>
      <ul className="merge-steps">
        <li>
          {preview.claimCount === 0 ? (
            <>
              <strong>No claims move:</strong> {speaker.name} has none.
            </>
          ) : (
            <>
              <strong>
                {preview.claimCount} {preview.claimCount === 1 ? 'claim moves' : 'claims move'}
              </strong>{' '}
              to {into.name}
              {preview.trashedClaimCount > 0 ? ` (${preview.trashedClaimCount} of them in the trash)` : ''}; each
              records the merge in its history.
              <ul className="small">
                {preview.sampleClaims.map((claim) => (
                  <li key={claim.id}>
                    <Link to={`/claims/${claim.id}`}>
                      #{claim.id} {shorten(claim.text, 100)}
                    </Link>
                    {claim.deletedAt ? <span className="badge in-trash">In the trash</span> : null}
                  </li>
                ))}
                {moreClaims > 0 ? <li className="muted">and {moreClaims} more</li> : null}
              </ul>
            </>
          )}
        </li>
        <li>
          {aliases.moving.length > 0 ? (
            <>
              <strong>
                {aliases.moving.length === 1 ? 'This spelling moves' : `These ${aliases.moving.length} spellings move`}
              </strong>{' '}
              to {into.name}: {quoted(aliases.moving)}.
            </>
          ) : (
            <>
              <strong>No spellings move:</strong> {into.name} already has all of them.
            </>
          )}
          {aliases.dropped.length > 0 ? (
            <div className="small muted">
              Not added, as {into.name} already has a spelling that reads the same: {quoted(aliases.dropped)}.
            </div>
          ) : null}
        </li>
        <li>
          {filled.length > 0 ? (
            <>
              <strong>Filled in</strong> on {into.name}, which has none yet:{' '}
              {filled.map(({ field, value }) => `${profileLabels[field]} “${value}”`).join('; ')}.
            </>
          ) : (
            <>
              <strong>No details are filled in:</strong> {speaker.name} has nothing {into.name} lacks.
            </>
          )}
          {kept.length > 0 ? (
            <div className="small muted">
              Kept as {into.name} has them, since a merge never overwrites:{' '}
              {kept.map(({ field, value }) => `${profileLabels[field]} “${value}”`).join('; ')}.
            </div>
          ) : null}
        </li>
        <li>
          <strong>
            {speaker.name} (#{speaker.id}) leaves
          </strong>{' '}
          the speaker lists and pickers; links to its page lead to {into.name}.
        </li>
      </ul>
      <div className="table-wrap">
        <table className="merge-compare">
          <caption className="sr-only">The two speakers’ details and the result of the merge</caption>
          <thead>
            <tr>
              <th scope="col">Detail</th>
              <th scope="col">
                {speaker.name} (#{speaker.id})
              </th>
              <th scope="col">
                {into.name} (#{into.id})
              </th>
              <th scope="col">After the merge</th>
            </tr>
          </thead>
          <tbody>
            {details.map((detail) => {
              const isFilled = filled.some((f) => f.field === detail.field)
              return (
                <tr key={detail.field}>
                  <th scope="row">{profileLabels[detail.field]}</th>
                  <td>{detail.speaker ?? <span className="muted">—</span>}</td>
                  <td>{detail.into ?? <span className="muted">—</span>}</td>
                  <td className={isFilled ? 'filled' : undefined}>
                    {detail.after ?? <span className="muted">—</span>}
                    {isFilled ? <span className="sr-only"> (filled in)</span> : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <Form method="post" className="form-actions merge-confirm">
        <input type="hidden" name="intoSpeakerId" value={into.id} />
        <input type="hidden" name="speakerVersion" value={speaker.version} />
        <input type="hidden" name="intoVersion" value={into.version} />
        <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
          Merge into {into.name}
        </button>
        <Link className="button" to={`/speakers/${speaker.id}/merge`}>
          Choose another speaker
        </Link>
        <Link className="button" to={`/speakers/${speaker.id}`}>
          Cancel
        </Link>
      </Form>
    </section>
  )
}
