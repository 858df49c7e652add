// The bench's import input (bench/bulk.ts): a generated file with the export's columns,
// speakers repeated across rows, a new source for most rows, every status, tags and
// evidence URLs (two for most checked claims).
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { sheetColumns } from '#app/domain/export/sheet.ts'

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
// Made inside importBenchFile(), so the rows are garbage before the clock starts.
const generateRows = (rowCount: number) =>
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

/** A file of `rowCount` rows with the export's columns, the same each time for the same arguments. */
export async function importBenchFile(rowCount: number, format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  seed = 20_240_611
  const rows = generateRows(rowCount)
  if (format === 'csv') return Buffer.from(`\uFEFF${stringify(rows, { header: true, columns: keys })}`)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Claims')
  sheet.addRow(sheetColumns.map((c) => c.label))
  for (const row of rows) sheet.addRow(keys.map((k) => row[k]))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
