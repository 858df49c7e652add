// npm run import -- claims.csv [--dry-run] [--as editor@example.org] [--include-duplicates]
//                             [--column speaker="Wer hat es gesagt" ...]
// Imports a CSV, XLSX or JSON export into the desk at DATABASE_URL, as the import page
// does: every row is checked first; with any problem nothing is written and every
// problem is printed (exit 1). Without --as the history names the import script.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { importFieldKeys, type ImportFieldKey } from '#app/domain/import/fields.ts'
import { importActorByEmail, importClaims } from '#app/domain/import/import-claims.server.ts'
import { plural, reportLines } from '#app/domain/import/report-text.ts'
import { FieldError, RefusedError } from '#app/utils/errors.server.ts'

const usage = `Usage: npm run import -- FILE [--dry-run] [--as EDITOR-EMAIL] [--include-duplicates] [--column FIELD=HEADING ...]
  FILE                  a .csv, .xlsx or .json (a Claim desk JSON export)
  --dry-run             check and print the preview; write nothing
  --as EMAIL            the editor or admin the history names (default: the import script)
  --include-duplicates  also import rows that repeat a claim on the desk or an earlier row
  --column FIELD=HEADING  the column that fills a claim field, e.g. --column speaker="Wer"
                        (fields: ${importFieldKeys.join(', ')})`

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

function parseColumns(pairs: string[]) {
  const columns: Partial<Record<ImportFieldKey, string | null>> = {}
  for (const pair of pairs) {
    const match = /^([a-z_]+)=(.*)$/.exec(pair)
    if (!match) fail(`--column takes FIELD=HEADING, not “${pair}”.\n${usage}`)
    columns[match[1] as ImportFieldKey] = match[2]!.trim() || null
  }
  return columns
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      'include-duplicates': { type: 'boolean', default: false },
      column: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(usage)
    return
  }
  if (positionals.length !== 1) fail(usage)
  const filePath = positionals[0]!
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) fail(`There is no file ${filePath}.`)
  const columns = parseColumns(values.column)

  const { db, file } = getConnection()
  migrateDatabase(db)
  let actor: { id: string; name: string } | null = null
  try {
    actor = values.as ? importActorByEmail(values.as) : null
  } catch (error) {
    if (error instanceof RefusedError) fail(error.message)
    throw error
  }

  const name = path.basename(filePath)
  try {
    const started = performance.now()
    const outcome = await importClaims(
      { name, bytes: fs.readFileSync(filePath) },
      {
        actorId: actor?.id ?? null,
        dryRun: values['dry-run'],
        includeDuplicates: values['include-duplicates'],
        columns,
      },
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    for (const line of reportLines(outcome.report, name)) console.log(line)
    console.log('')
    if (outcome.report.problems.length > 0) {
      fail(`Nothing was imported into ${file}: fix the problems above and run the import again.`, 1)
    }
    const count = values['include-duplicates'] ? outcome.report.claimsWithDuplicates : outcome.report.claimsToImport
    if (!outcome.imported) {
      console.log(`Dry run: ${plural(count, 'claim', 'claims')} would be imported into ${file}. Nothing was written.`)
      return
    }
    const { claims, speakersCreated, sourcesCreated, evidence, links } = outcome.imported
    console.log(
      `Imported ${plural(claims, 'claim', 'claims')} into ${file} in ${seconds} s, as ${actor ? actor.name : 'the import script'}: ` +
        `${plural(speakersCreated, 'new speaker', 'new speakers')}, ${plural(sourcesCreated, 'new source', 'new sources')}, ` +
        `${plural(evidence, 'piece', 'pieces')} of evidence, ${plural(links, 'link', 'links')}.`,
    )
  } catch (error) {
    if (error instanceof FieldError) fail(Object.values(error.fieldErrors).flat().join('\n'))
    throw error
  }
}

await main()
