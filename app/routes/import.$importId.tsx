// /import/:importId: the dry-run preview of an uploaded file, its column mapping, and the
// buttons that import it or discard it; once imported, what was added.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import {
  CommitForm,
  DuplicatesTable,
  ImportCounts,
  ImportStatusBadge,
  MappingForm,
  PreviewTable,
  ProblemsTable,
  SourcesTable,
  SpeakersTable,
} from '#app/components/import-preview.tsx'
import { PageHeader } from '#app/components/ui/layout.tsx'
import { completeMapping } from '#app/domain/import/fields.ts'
import { plural } from '#app/domain/import/report-text.ts'
import { linkLabels } from '#app/domain/labels.ts'
import type { LinkType } from '#app/domain/vocabulary.ts'
import {
  commitStagedImport,
  discardStagedImport,
  getStagedImport,
  remapStagedImport,
  type ImportUser,
} from '#app/domain/import/staging.server.ts'
import { FieldError, NotFoundError, RefusedError } from '#app/utils/errors.server.ts'
import { formatBytes, formatCount, formatDateTime } from '#app/utils/format.ts'
import { pageOf } from '#app/utils/lists.ts'
import { handlerForIntent, notFound, orNotFound, parseRecordId, readFormData } from '#app/utils/responses.server.ts'
import { queryParams } from '#app/utils/url.ts'
import {
  ImportCommitSchema,
  ImportDiscardSchema,
  ImportMappingSchema,
  ImportPreviewQuerySchema,
} from '#app/validation/import.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Import ${data.staged.fileName} · Claim desk` : 'Import · Claim desk' },
]

/** Problems and duplicates per page: a badly matched column can give every row one. */
const perPage = 100

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.importId, 'Import')
  const { report, ...staged } = orNotFound(() => getStagedImport(id, user), `There is no import #${id}.`)
  const query = ImportPreviewQuerySchema.parse(queryParams(request.url))
  const { problems, duplicates, ...summary } = report
  const slice = <T,>(list: T[], page: number) =>
    pageOf(list.slice((page - 1) * perPage, page * perPage), list.length, page, perPage)
  return {
    staged,
    report: { ...summary, duplicateCount: duplicates.length },
    problems: slice(problems, query.page),
    duplicates: slice(duplicates, query.duplicates),
  }
}

type Handler = (id: number, user: ImportUser, formData: FormData) => Promise<Response | ReturnType<typeof data>>

const intents = new Map<string, Handler>([
  [
    'map',
    async (id, user, formData) => {
      const submission = parseWithZod(formData, { schema: ImportMappingSchema })
      if (submission.status !== 'success') return data({ form: 'map', result: submission.reply() }, 400)
      const { intent: _intent, ...mapping } = submission.value
      try {
        await remapStagedImport(id, user, completeMapping(mapping))
      } catch (error) {
        if (error instanceof FieldError) {
          return data({ form: 'map', result: submission.reply({ fieldErrors: error.fieldErrors }) }, 400)
        }
        throw error
      }
      return redirect(`/import/${id}`)
    },
  ],
  [
    'import',
    async (id, user, formData) => {
      const submission = parseWithZod(formData, { schema: ImportCommitSchema })
      if (submission.status !== 'success') {
        return data(
          { form: 'import', refusal: 'The form was incomplete, so nothing was imported. Reload the page.' },
          400,
        )
      }
      await commitStagedImport(id, user, {
        includeDuplicates: submission.value.includeDuplicates ?? false,
        checkedAt: submission.value.checkedAt,
      })
      return redirect(`/import/${id}`)
    },
  ],
  [
    'discard',
    async (id, user, formData) => {
      parseWithZod(formData, { schema: ImportDiscardSchema })
      discardStagedImport(id, user)
      return redirect('/import')
    },
  ],
])

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const id = parseRecordId(params.importId, 'Import')
  const formData = await readFormData(request)
  const handler = handlerForIntent(intents, formData)
  try {
    return await handler(id, user, formData)
  } catch (error) {
    if (error instanceof NotFoundError) notFound(`There is no import #${id}.`)
    // From any of the forms (imported or discarded meanwhile, an old preview): shown by the import button.
    if (error instanceof RefusedError) return data({ form: 'import', refusal: error.message }, 409)
    throw error
  }
}

export default function ImportPreviewPage() {
  const { staged, report, problems, duplicates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as
    | { form: 'map'; result: Parameters<typeof MappingForm>[0]['lastResult'] }
    | { form: 'import'; refusal: string }
    | undefined
  const uploaded = `${staged.format.toUpperCase()}, ${formatBytes(staged.sizeBytes)}, uploaded ${formatDateTime(staged.createdAt)}${staged.ownerName ? ` by ${staged.ownerName}` : ''}`
  return (
    <main id="main">
      <p className="small">
        <Link to="/import">← Import</Link>
      </p>
      <PageHeader
        title={
          <>
            {staged.status === 'staged' ? 'Preview: ' : ''}
            {staged.fileName}
          </>
        }
        intro={uploaded}
        actions={<ImportStatusBadge status={staged.status} />}
      />
      {staged.status === 'committed' ? (
        <section className="card" aria-labelledby="result-heading">
          <div className="alert ok" role="status">
            <h2 id="result-heading">
              Imported {formatCount(staged.createdClaimCount ?? 0)}{' '}
              {staged.createdClaimCount === 1 ? 'claim' : 'claims'}
            </h2>
            <p>
              From {staged.fileName}
              {staged.committedAt ? `, ${formatDateTime(staged.committedAt)}` : ''}. Each claim’s history names this
              file and its row.
            </p>
            {report.imported ? (
              <p>
                {plural(report.imported.speakersCreated, 'new speaker', 'new speakers')} and{' '}
                {plural(report.imported.sourcesCreated, 'new source', 'new sources')} were added
                {report.imported.links > 0
                  ? `, and ${plural(report.imported.links, 'link', 'links')} between claims`
                  : ''}
                {report.claimsWithDuplicates > report.imported.claims
                  ? `; ${plural(report.claimsWithDuplicates - report.imported.claims, 'row that repeated a claim was', 'rows that repeated a claim were')} left out`
                  : ''}
                .
              </p>
            ) : null}
          </div>
          <div className="actions">
            <Link className="button primary" to="/claims?sort=created">
              See them in the claims list
            </Link>
            <Link className="button" to="/import">
              Import another file
            </Link>
          </div>
        </section>
      ) : staged.status === 'discarded' ? (
        <div className="alert info" role="status">
          <p>
            This import was discarded; nothing from it was added to the desk. <Link to="/import">Upload a file</Link>
          </p>
        </div>
      ) : (
        <>
          {report.problemRowCount > 0 ? (
            <div className="alert error">
              <p>
                <strong>
                  {formatCount(report.problemRowCount)} of {formatCount(report.rowCount)}{' '}
                  {report.format === 'json' ? 'claims' : 'rows'} {report.problemRowCount === 1 ? 'has' : 'have'}{' '}
                  problems
                </strong>
                , listed below with what to do. Nothing is imported until all are fixed: correct the file and upload it
                again{staged.mapping ? ', or match the columns differently' : ''}.
              </p>
            </div>
          ) : (
            <div className="alert ok">
              <p>
                <strong>Every {report.format === 'json' ? 'claim' : 'row'} can be imported.</strong> Check the speakers
                and sources it would add and the first claims below, then import.
              </p>
            </div>
          )}
          <ImportNotes report={report} />
          <ImportCounts report={report} />
          <CommitForm
            report={report}
            duplicateCount={report.duplicateCount}
            refusal={actionData?.form === 'import' ? actionData.refusal : null}
          />
          <ProblemsTable problems={problems} format={report.format} />
          {staged.mapping ? (
            <MappingForm
              headers={staged.headers}
              mapping={staged.mapping}
              rowCount={report.rowCount}
              lastResult={actionData?.form === 'map' ? actionData.result : undefined}
            />
          ) : null}
          <DuplicatesTable duplicates={duplicates} />
          <div className="import-matches">
            <SpeakersTable speakers={report.speakers} />
            <SourcesTable sources={report.sources} />
          </div>
          <PreviewTable claims={report.preview} total={report.claimsToImport} format={report.format} />
        </>
      )}
    </main>
  )
}

/** How the file was read and what the import does that the editor may not expect. */
function ImportNotes({ report }: { report: ReturnType<typeof useLoaderData<typeof loader>>['report'] }) {
  const notes = [...report.notes]
  if (report.contextEvidence > 0) {
    notes.push(
      `${formatCount(report.contextEvidence)} evidence ${report.contextEvidence === 1 ? 'URL is' : 'URLs are'} attached as context: a sheet does not say whether a source supports or refutes the claim. Change the role on the claim page where it does.`,
    )
  }
  if (report.links.kept > 0) {
    notes.push(
      `${plural(report.links.kept, 'link between the imported claims is', 'links between the imported claims are')} kept.`,
    )
  }
  if (notes.length === 0 && report.links.skipped.length === 0) return null
  return (
    <div className="alert info">
      <ul className="refusals">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
        {report.links.skipped.length > 0 ? (
          <li>
            {formatCount(report.links.skipped.length)} {report.links.skipped.length === 1 ? 'link is' : 'links are'}{' '}
            left out:
            <ul>
              {report.links.skipped.slice(0, 20).map((link, index) => (
                <li key={index}>
                  Claim {link.row} of the file {linkLabels[link.type as LinkType]?.outgoing ?? link.type} id {link.to}:{' '}
                  {link.reason}
                </li>
              ))}
              {report.links.skipped.length > 20 ? <li>and {report.links.skipped.length - 20} more</li> : null}
            </ul>
          </li>
        ) : null}
      </ul>
    </div>
  )
}
