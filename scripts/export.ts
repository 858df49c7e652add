// npm run export -- --format xlsx --out claims.xlsx [--status any] [--verdict false] [--speaker Schoigu]
//   [--source <id, URL or title>] [--outlet tagesschau.de] [--tag nordkorea] [--from 2024-01-01]
//   [--to 2024-12-31] [--updated-since 2024-11-01T00:00:00Z]
// The same export as the /export page and its download links, for scripts. Without --out
// the file goes to standard output. Honours DATABASE_URL; safe while the app runs.
import fs from 'node:fs'
import os from 'node:os'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { getConnection } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { openExport } from '#app/domain/export/files.server.ts'
import { countExport, resolveExportQuery } from '#app/domain/export/records.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { ExportPageSchema } from '#app/validation/export.ts'

const usage =
  'Usage: npm run export -- --format csv|xlsx|jsonld|json [--out FILE] [--status verified|any|…] [--verdict …] ' +
  '[--speaker NAME] [--source REF] [--outlet NAME] [--tag TAG] [--from DATE] [--to DATE] [--updated-since TIME]'

function fail(lines: string[]): never {
  for (const line of lines) console.error(line)
  console.error(usage)
  process.exit(2)
}

let args: ReturnType<typeof parseArgs>['values']
try {
  args = parseArgs({
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
      verdict: { type: 'string' },
      speaker: { type: 'string' },
      source: { type: 'string' },
      outlet: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'updated-since': { type: 'string' },
    },
  }).values
} catch (error) {
  fail([(error as Error).message])
}

const parsed = ExportPageSchema.safeParse({
  format: args.format,
  status: args.status,
  verdict: args.verdict,
  speakerName: args.speaker,
  sourceName: args.source,
  outlet: args.outlet,
  tag: args.tag,
  from: args.from,
  to: args.to,
  updatedSince: args['updated-since'],
})
if (!parsed.success) fail(parsed.error.issues.map((i) => `${String(i.path[0] ?? 'input')}: ${i.message}`))
const { format, ...query } = parsed.data

const { db } = getConnection()
migrateDatabase(db)
try {
  const count = countExport(resolveExportQuery(query).query, format)
  const { stream, fileName } = openExport(query, format, `${os.userInfo().username} (command line)`)
  await pipeline(stream, args.out ? fs.createWriteStream(String(args.out)) : process.stdout)
  console.error(`Exported ${count} claim${count === 1 ? '' : 's'} to ${args.out ?? 'standard output'} (${fileName}).`)
} catch (error) {
  if (error instanceof FieldError) fail(Object.values(error.fieldErrors).flat())
  throw error
}
