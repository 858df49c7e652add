// The import preview's sections: what the import would do, every problem, the duplicates,
// the speakers and sources it would match or add, and the first claims as they would be
// stored. Presentational: the route loads the staged import and posts the forms.
import { getFormProps, getSelectProps, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { columnLetter, importFields, type ColumnMapping } from '#app/domain/import/fields.ts'
import { plural } from '#app/domain/import/report-text.ts'
import type {
  ImportProblem,
  ImportReport,
  PreviewClaim,
  ReportedDuplicate,
  ReportedSource,
  ReportedSpeaker,
} from '#app/domain/import/report.ts'
import { evidenceRoleLabels } from '#app/domain/labels.ts'
import type { StagedImportStatus } from '#app/domain/vocabulary.ts'
import { formatCount, shorten } from '#app/utils/format.ts'
import { ImportMappingSchema } from '#app/validation/import.ts'
import { FormErrors, SelectField, useDeskForm } from './forms.tsx'
import { StatusBadge, VerdictBadge } from './ui/badges.tsx'
import { ListTable } from './ui/layout.tsx'
import { Pagination } from './ui/pagination.tsx'

const statusNames: Record<StagedImportStatus, string> = {
  staged: 'Awaiting import',
  committed: 'Imported',
  discarded: 'Discarded',
}

export function ImportStatusBadge({ status }: { status: StagedImportStatus }) {
  return <span className={`badge import-${status}`}>{statusNames[status]}</span>
}

/** The headline numbers of the preview. */
export function ImportCounts({
  report,
}: {
  report: Omit<ImportReport, 'problems' | 'duplicates'> & { duplicateCount: number }
}) {
  const stats = [
    { value: report.rowCount, label: report.format === 'json' ? 'claims in the file' : 'rows in the file' },
    {
      value: report.problemRowCount,
      label: `${report.format === 'json' ? 'claim' : 'row'}${report.problemRowCount === 1 ? '' : 's'} with problems`,
      href: '#problems-heading',
    },
    {
      value: report.duplicateCount,
      label: report.duplicateCount === 1 ? 'duplicate' : 'duplicates',
      href: '#duplicates-heading',
    },
    {
      value: report.speakers.created,
      label: `new speakers, ${formatCount(report.speakers.matched)} on the desk`,
      href: '#speakers-heading',
    },
    {
      value: report.sources.created,
      label: `new sources, ${formatCount(report.sources.matched)} on the desk`,
      href: '#sources-heading',
    },
  ]
  return (
    <div className="stats">
      {stats.map((stat) =>
        stat.href ? (
          <a key={stat.label} className="stat" href={stat.href}>
            <strong>{formatCount(stat.value)}</strong>
            {stat.label}
          </a>
        ) : (
          <div key={stat.label} className="stat">
            <strong>{formatCount(stat.value)}</strong>
            {stat.label}
          </div>
        ),
      )}
    </div>
  )
}

/**
 * The import button, with why it cannot be pressed yet, the choice to import duplicates
 * too, and, while the server imports, what it is doing.
 */
export function CommitForm({
  report,
  duplicateCount,
  refusal,
}: {
  report: Pick<ImportReport, 'checkedAt' | 'problemRowCount' | 'claimsToImport' | 'claimsWithDuplicates'>
  duplicateCount: number
  refusal: string | null
}) {
  const navigation = useNavigation()
  const [withDuplicates, setWithDuplicates] = useState(false)
  const count = withDuplicates ? report.claimsWithDuplicates : report.claimsToImport
  const importing = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'import'
  const discarding = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'discard'
  const blocked =
    report.problemRowCount > 0
      ? `Fix the ${plural(report.problemRowCount, 'row', 'rows')} with problems first: correct the file and upload it again, or match the columns below.`
      : count === 0
        ? 'There is nothing to import: every row repeats a claim.'
        : null
  return (
    <section className="card import-commit" aria-labelledby="commit-heading">
      <h2 id="commit-heading">Import</h2>
      {refusal ? (
        <div className="alert error" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      <Form method="post" className="stack-form">
        <input type="hidden" name="checkedAt" value={report.checkedAt} />
        {duplicateCount > 0 ? (
          <label className="checkbox">
            <input
              type="checkbox"
              name="includeDuplicates"
              checked={withDuplicates}
              onChange={(e) => setWithDuplicates(e.currentTarget.checked)}
              disabled={report.problemRowCount > 0}
            />
            Also import the {plural(duplicateCount, 'duplicate', 'duplicates')} (
            {formatCount(report.claimsWithDuplicates)} claims in all); otherwise{' '}
            {duplicateCount === 1 ? 'it is' : 'they are'} left out
          </label>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="import"
            className="primary"
            disabled={blocked !== null || importing || discarding}
            aria-describedby={blocked ? 'commit-blocked' : undefined}
          >
            Import {plural(count, 'claim', 'claims')}
          </button>
          <button type="submit" name="intent" value="discard" className="danger" disabled={importing || discarding}>
            Discard
          </button>
        </div>
        {blocked ? (
          <p id="commit-blocked" className="small muted">
            {blocked}
          </p>
        ) : (
          <p className="small muted">
            All {plural(count, 'claim', 'claims')} are imported in one go, or none: a problem halfway leaves the desk as
            it is.
          </p>
        )}
        {importing ? (
          <div className="upload-progress" role="status" aria-live="polite">
            <progress aria-label="Importing" />
            <p>Importing {plural(count, 'claim', 'claims')}… this takes a few seconds.</p>
          </div>
        ) : null}
      </Form>
    </section>
  )
}

/** Which column fills which claim field; sent back, the rows are checked again. */
export function MappingForm({
  headers,
  mapping,
  rowCount,
  lastResult,
}: {
  headers: string[]
  mapping: ColumnMapping
  rowCount: number
  lastResult: SubmissionResult<string[]> | null | undefined
}) {
  const navigation = useNavigation()
  const [form, fields] = useDeskForm({
    id: 'import-mapping',
    schema: ImportMappingSchema,
    lastResult,
    defaultValue: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v === null ? '' : String(v)])),
  })
  const checking = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'map'
  const options = [
    { value: '', label: '— not in the file —' },
    ...headers.map((heading, index) => ({
      value: String(index),
      label: `${columnLetter(index)}: ${heading || '(no heading)'}`,
    })),
  ]
  return (
    <section className="card" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Columns</h2>
      <p className="small muted">
        Which column of the file fills which claim field. Columns named as in the desk’s export are matched already;
        change any, then check the rows again.
      </p>
      <Form method="post" className="stack-form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="map" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="form-row import-mapping">
          {importFields.map((field) => (
            <SelectField
              key={field.key}
              label={
                <>
                  {field.label}
                  {field.required ? <span className="muted"> (required)</span> : null}
                </>
              }
              selectProps={getSelectProps(fields[field.key])}
              options={options}
              errors={fields[field.key].errors}
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={checking}>
            Check again with these columns
          </button>
          {checking ? (
            <span className="small muted" role="status">
              Checking {plural(rowCount, 'row', 'rows')}…
            </span>
          ) : null}
        </div>
      </Form>
    </section>
  )
}

type Page<T> = { rows: T[]; total: number; page: number; pageCount: number }

export function ProblemsTable({ problems, format }: { problems: Page<ImportProblem>; format: string }) {
  return (
    <section className="card" aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems</h2>
      {problems.total === 0 ? (
        <p className="muted">None: every row can be imported.</p>
      ) : (
        <>
          <p className="small muted">
            {plural(problems.total, 'problem', 'problems')}, by{' '}
            {format === 'json' ? 'position in the file' : 'row as your spreadsheet numbers it'}. Nothing is imported
            until all are fixed.
          </p>
          <ListTable
            headings={[format === 'json' ? 'Claim' : 'Row', format === 'json' ? 'Field' : 'Column', 'Problem']}
            empty=""
            rowCount={problems.rows.length}
          >
            {problems.rows.map((problem, index) => (
              <tr key={`${problem.row}-${index}`}>
                <td className="nowrap">{formatCount(problem.row)}</td>
                <td>{problem.column ? <code>{problem.column}</code> : <span className="muted">the whole row</span>}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </ListTable>
          <Pagination page={problems.page} pageCount={problems.pageCount} />
        </>
      )}
    </section>
  )
}

export function DuplicatesTable({ duplicates }: { duplicates: Page<ReportedDuplicate> }) {
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Duplicates</h2>
      {duplicates.total === 0 ? (
        <p className="muted">No row repeats a claim on the desk or an earlier row.</p>
      ) : (
        <>
          <p className="small muted">
            Rows with the same words (case, accents and punctuation aside) and the same speaker as a claim on the desk
            or an earlier row. They are left out unless you import them too.
          </p>
          <ListTable headings={['Row', 'Claim', 'Repeats']} empty="" rowCount={duplicates.rows.length}>
            {duplicates.rows.map((duplicate) => (
              <tr key={duplicate.row}>
                <td className="nowrap">{formatCount(duplicate.row)}</td>
                <td>{duplicate.text}</td>
                <td>
                  {'claimId' in duplicate.of ? (
                    <Link to={`/claims/${duplicate.of.claimId}`}>
                      #{duplicate.of.claimId} {shorten(duplicate.of.text, 80)}
                    </Link>
                  ) : (
                    <>row {formatCount(duplicate.of.row)} of this file</>
                  )}
                </td>
              </tr>
            ))}
          </ListTable>
          <Pagination page={duplicates.page} pageCount={duplicates.pageCount} param="duplicates" />
        </>
      )}
    </section>
  )
}

function Matched({ match, href }: { match: { id: number; label: string; by?: string } | null; href: string }) {
  if (!match) return <span className="badge import-new">New</span>
  return (
    <>
      <Link to={href}>
        #{match.id} {match.label}
      </Link>
      {match.by ? <div className="small muted">by “{match.by}”</div> : null}
    </>
  )
}

function MoreListed({ total, listed }: { total: number; listed: number }) {
  return total > listed ? (
    <p className="small muted">
      The first {formatCount(listed)} of {formatCount(total)} are listed, new ones first.
    </p>
  ) : null
}

export function SpeakersTable({ speakers }: { speakers: ImportReport['speakers'] }) {
  const total = speakers.matched + speakers.created
  return (
    <section className="card" aria-labelledby="speakers-heading">
      <h2 id="speakers-heading">Speakers</h2>
      <ListTable
        headings={['In the file', 'On the desk', 'Rows']}
        empty="No row names a speaker."
        rowCount={speakers.list.length}
      >
        {speakers.list.map((speaker: ReportedSpeaker) => (
          <tr key={`${speaker.name}-${speaker.match?.id ?? 'new'}`}>
            <td>
              {speaker.name}
              {speaker.role ? <div className="small muted">{speaker.role}</div> : null}
              {speaker.aliases.length > 0 ? <div className="small muted">also {speaker.aliases.join(', ')}</div> : null}
            </td>
            <td>
              <Matched
                match={speaker.match ? { id: speaker.match.id, label: speaker.match.name, by: speaker.match.by } : null}
                href={`/speakers/${speaker.match?.id}`}
              />
            </td>
            <td>{formatCount(speaker.rowCount)}</td>
          </tr>
        ))}
      </ListTable>
      <MoreListed total={total} listed={speakers.listed} />
    </section>
  )
}

export function SourcesTable({ sources }: { sources: ImportReport['sources'] }) {
  const total = sources.matched + sources.created
  return (
    <section className="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {sources.titledByUrl > 0 ? (
        <p className="small muted">
          {plural(sources.titledByUrl, 'new source is', 'new sources are')} known only by a URL and titled with it; give{' '}
          {sources.titledByUrl === 1 ? 'it' : 'them'} a title on the source page later.
        </p>
      ) : null}
      <ListTable
        headings={['In the file', 'On the desk', 'Rows']}
        empty="No row names a source."
        rowCount={sources.list.length}
      >
        {sources.list.map((source: ReportedSource) => (
          <tr key={`${source.url ?? source.title}-${source.match?.id ?? 'new'}`}>
            <td className="source-cell">
              <div className="clamp-2">
                {source.titledByUrl ? <span className="mono">{source.title}</span> : source.title}
              </div>
              {source.outlet ? <div className="small muted">{source.outlet}</div> : null}
            </td>
            <td>
              <Matched
                match={source.match ? { id: source.match.id, label: shorten(source.match.title, 60) } : null}
                href={`/sources/${source.match?.id}`}
              />
            </td>
            <td>{formatCount(source.rowCount)}</td>
          </tr>
        ))}
      </ListTable>
      <MoreListed total={total} listed={sources.listed} />
    </section>
  )
}

/** The first claims as they will be stored, with their speaker and source on this desk. */
export function PreviewTable({ claims, total, format }: { claims: PreviewClaim[]; total: number; format: string }) {
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">First claims as they will be stored</h2>
      {total > claims.length ? (
        <p className="small muted">
          The first {formatCount(claims.length)} of {formatCount(total)}.
        </p>
      ) : null}
      <ListTable
        headings={[format === 'json' ? 'No.' : 'Row', 'Claim', 'Speaker', 'Source', 'Status', 'Evidence']}
        empty="No row can be imported as it is."
        rowCount={claims.length}
      >
        {claims.map((claim) => (
          <tr key={claim.row}>
            <td className="nowrap">{formatCount(claim.row)}</td>
            <td className="claim-cell">
              <div>{shorten(claim.text, 200)}</div>
              <div className="meta-line small muted">
                <span>{claim.language}</span>
                {claim.claimedOn ? <span>{claim.claimedOn}</span> : null}
                {claim.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </div>
            </td>
            <td>
              {claim.speaker ? (
                <NewOrKnown name={claim.speaker.name} id={claim.speaker.id} />
              ) : (
                <span className="muted">Unattributed</span>
              )}
            </td>
            <td className="source-cell">
              {claim.source ? (
                <NewOrKnown name={shorten(claim.source.title, 80)} id={claim.source.id} />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <StatusBadge status={claim.status} />
              <div>
                <VerdictBadge verdict={claim.verdict} />
              </div>
            </td>
            <td className="small">
              {claim.evidence.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <ul className="plain">
                  {claim.evidence.map((item, index) => (
                    <li key={index}>
                      <span className={`badge role-${item.role}`}>{evidenceRoleLabels[item.role]}</span>{' '}
                      <span className="clamp-2">{shorten(item.title, 60)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </section>
  )
}

function NewOrKnown({ name, id }: { name: string; id: number | null }) {
  return (
    <>
      {name}
      <div className="small muted">{id === null ? 'new' : `on the desk as #${id}`}</div>
    </>
  )
}
