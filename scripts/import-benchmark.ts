// npx tsx scripts/import-benchmark.ts [--rows 100000] [--format csv|xlsx] [--into-bench-desk]
// Times importClaims() on a generated file with the export's columns: speakers repeated
// across rows, a new source for most rows, every status, tags and evidence URLs (two for
// most checked claims). Runs on a throwaway database, or on a copy of the benchmark desk
// (100k claims, bench/) with --into-bench-desk; never on DATABASE_URL's. SAVE_FILE=path
// keeps the generated file. The design target is 100k rows in at most 10 s (DESIGN.md).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { sheetColumns } from '#app/domain/export/sheet.ts'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    format: { type: 'string', default: 'csv' },
    'into-bench-desk': { type: 'boolean', default: false },
  },
})
const rowCount = Number(values.rows)
const format = values.format as 'csv' | 'xlsx'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-import-bench-'))
const databaseFile = path.join(dir, 'desk.db')
if (values['into-bench-desk']) {
  const { benchDeskFile, ensureBenchDesk } = await import('#bench/generate.ts')
  ensureBenchDesk()
  fs.copyFileSync(benchDeskFile, databaseFile)
}
process.env.DATABASE_URL = databaseFile

const { getConnection, closeDatabase } = await import('#db/client.ts')
const { migrateDatabase } = await import('#db/migrate.ts')
const { importClaims } = await import('#app/domain/import/import-claims.server.ts')
migrateDatabase(getConnection().db)

// A small seeded generator, so two runs import the same file.
let seed = 20_240_611
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!

const subjects = ['Nordkorea', 'Russland', 'Die Regierung', 'Das Ministerium', 'Pjöngjang', 'Moskau', 'Die Armee']
const verbs = ['lieferte', 'schickte', 'kaufte', 'verkaufte', 'testete', 'verlegte', 'bestellte']
const objects = ['Granaten', 'Raketen', 'Soldaten', 'Panzer', 'Drohnen', 'Artilleriegeschosse', 'Munition']
const outlets = ['Tagesschau', 'Spiegel', 'Zeit', 'FAZ', 'SZ', 'Reuters', 'AP', 'BBC']
const tagNames = ['nordkorea', 'russland', 'ukraine', 'sanktionen', 'waffen', 'diplomatie', 'wirtschaft', 'un']
const statuses = ['new', 'researching', 'rejected', 'in_review', 'verified'] as const
const verdicts = ['true', 'mostly_true', 'mixed', 'misleading', 'mostly_false', 'false', 'unverifiable'] as const
const day = (n: number) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)

const keys = sheetColumns.map((c) => c.key)
// Made inside fileBytes(), so the rows are garbage before the clock starts.
const generateRows = () =>
  Array.from({ length: rowCount }, (_, i) => {
    const status = pick(statuses)
    const checked = status === 'in_review' || status === 'verified'
    const verdict = checked || random() < 0.2 ? pick(verdicts) : ''
    const source = Math.floor(random() * Math.max(1, rowCount / 5))
    const attributed = random() < 0.9
    return {
      id: String(i + 1),
      claim: `${pick(subjects)} ${pick(verbs)} im Jahr ${2015 + (i % 10)} mehr als ${i * 7 + 100} ${pick(objects)} (Meldung ${i}).`,
      quote: random() < 0.3 ? `„Wir haben ${i} ${pick(objects)} geliefert“, sagte der Sprecher.` : '',
      language: random() < 0.8 ? 'de' : 'en',
      speaker: attributed ? `Sprecher Nummer ${Math.floor(random() * 2000)}` : '',
      speaker_role: attributed ? 'Sprecher' : '',
      source_title: `Bericht ${source} über ${pick(objects)}`,
      outlet: pick(outlets),
      source_url: `https://news.example.org/${source}/bericht`,
      published: day(source % 1000),
      claimed_on: day(i % 1000),
      status,
      verdict,
      rationale: verdict ? 'Die Zahlen des Ministeriums widersprechen der Aussage deutlich.' : '',
      evidence_urls:
        checked || random() < 0.3 ? `https://evidence.example.org/${i % 50_000}\nhttps://archive.example.org/${i}` : '',
      tags: [pick(tagNames), pick(tagNames)].join(', '),
      checked_by: checked ? 'Anna Beispiel' : '',
      approved_by: status === 'verified' ? 'Ben Beispiel' : '',
      verified_at: status === 'verified' ? `${day(i % 1000)}T10:00:00.000Z` : '',
      permalink: `https://desk.example.org/claims/${i + 1}`,
    } satisfies Record<(typeof keys)[number], string>
  })

async function fileBytes(): Promise<Uint8Array> {
  const rows = generateRows()
  if (format === 'csv') return Buffer.from(`\uFEFF${stringify(rows, { header: true, columns: keys })}`)
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Claims')
    sheet.addRow(sheetColumns.map((c) => c.label))
    for (const row of rows) sheet.addRow(keys.map((k) => row[k]))
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  }
  throw new Error('--format is csv or xlsx.')
}

const bytes = await fileBytes()
if (process.env.SAVE_FILE) fs.writeFileSync(process.env.SAVE_FILE, bytes)
console.log(`${rowCount.toLocaleString('en')} rows, ${(bytes.byteLength / 1e6).toFixed(1)} MB ${format}`)
const started = performance.now()
const outcome = await importClaims({ name: `bench.${format}`, bytes }, { maxRows: rowCount })
const seconds = (performance.now() - started) / 1000
if (!outcome.imported) {
  console.log(outcome.report.problems.slice(0, 10))
  throw new Error(`Nothing was imported: ${outcome.report.problems.length} problems.`)
}
console.log(
  `imported ${outcome.imported.claims.toLocaleString('en')} claims (${outcome.report.duplicates.length} duplicates left out), ` +
    `${outcome.imported.speakersCreated} speakers, ${outcome.imported.sourcesCreated} sources, ${outcome.imported.evidence} evidence in ${seconds.toFixed(2)} s (target ≤ 10 s)`,
)
closeDatabase()
fs.rmSync(dir, { recursive: true, force: true })
