// /import: upload a sheet or a JSON export for a dry-run preview; the editor's recent
// uploads. (A route file named import.tsx would be the layout of /import/:importId.)
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { ImportUploadForm } from '#app/components/import-upload.tsx'
import { ImportStatusBadge } from '#app/components/import-preview.tsx'
import { ListTable, PageHeader } from '#app/components/ui/layout.tsx'
import { ignoredSheetColumns, importFields } from '#app/domain/import/fields.ts'
import { listRecentImports } from '#app/domain/import/staging.server.ts'
import { importLimitsOf } from '#app/utils/env.server.ts'
import { formatBytes, formatCount, formatDateTime } from '#app/utils/format.ts'
import { receiveImportUpload } from '#app/utils/import-upload.server.ts'

export const meta: MetaFunction = () => [{ title: 'Import · Claim desk' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEditor(request)
  return { limits: importLimitsOf(), recent: listRecentImports(user.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const outcome = await receiveImportUpload(request, user)
  if ('staged' in outcome) return redirect(`/import/${outcome.staged}`)
  return data({ result: outcome.result }, outcome.status)
}

export default function ImportPage() {
  const { limits, recent } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <main id="main">
      <PageHeader
        title="Import claims"
        intro="Add claims in bulk from a spreadsheet or from another desk’s JSON export. You see a preview of every row first; then all rows are imported, or none."
      />
      <div className="grid-2">
        <div>
          <section className="card" aria-labelledby="upload-heading">
            <h2 id="upload-heading">Upload a file</h2>
            <ImportUploadForm lastResult={actionData?.result} maxBytes={limits.maxBytes} />
          </section>
          <section className="card" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Your recent imports</h2>
            <ListTable
              headings={['File', 'Uploaded', 'Rows', 'Status']}
              empty="No imports yet."
              rowCount={recent.length}
              className="middle"
            >
              {recent.map((staged) => (
                <tr key={staged.id}>
                  <td>
                    <Link to={`/import/${staged.id}`}>{staged.fileName}</Link>
                    <div className="small muted">
                      {staged.format.toUpperCase()}, {formatBytes(staged.sizeBytes)}
                    </div>
                  </td>
                  <td className="nowrap">{formatDateTime(staged.createdAt)}</td>
                  <td>{formatCount(staged.rowCount)}</td>
                  <td>
                    <ImportStatusBadge status={staged.status} />
                    {staged.status === 'committed' ? (
                      <div className="small muted">{formatCount(staged.createdClaimCount ?? 0)} claims added</div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </ListTable>
          </section>
        </div>
        <aside className="card import-help" aria-labelledby="help-heading">
          <h2 id="help-heading">What the file needs</h2>
          <p className="small">
            A header row, then one claim per row: the columns of the desk’s CSV export (as keys, such as{' '}
            <code>speaker_role</code>) or of its XLSX export (as labels, such as “Speaker role”). Only the claim is
            required; other headings can be matched to claim fields in the preview. CSV may be separated by commas,
            semicolons or tabs; in XLSX the first sheet is read.
          </p>
          <dl className="facts import-columns">
            {importFields.map((field) => (
              <div key={field.key}>
                <dt>
                  <code>{field.key}</code> <span className="muted">or “{field.label}”</span>
                  {field.required ? <span className="badge required">Required</span> : null}
                </dt>
                <dd>
                  {field.about}
                  {field.note && !field.required ? <span className="muted"> {field.note}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
          <p className="small muted">
            {ignoredSheetColumns.map((c) => c.key).join(' and ')} are the exporting desk’s own and are not imported. A
            JSON export brings its speakers, sources, evidence with roles and links as they are.
          </p>
          <p className="small muted">
            At most {formatBytes(limits.maxBytes)} and {formatCount(limits.maxRows)} rows per file.
          </p>
        </aside>
      </div>
    </main>
  )
}
