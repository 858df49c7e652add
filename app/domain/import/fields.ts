// The claim fields a spreadsheet import fills, and which of the file's columns fills
// each. Pure, so the preview's mapping form can list them in the browser too.
import { sheetColumns, type SheetColumnKey } from '../export/sheet.ts'
import { foldForMatching } from '../text.ts'

/**
 * The sheet's columns an import reads: all but the exporting desk's own claim number and
 * permalink, which mean nothing on this desk (a claim gets a new number here).
 */
export const importFieldKeys = [
  'claim',
  'quote',
  'language',
  'speaker',
  'speaker_role',
  'source_title',
  'outlet',
  'source_url',
  'published',
  'claimed_on',
  'status',
  'verdict',
  'rationale',
  'evidence_urls',
  'tags',
  'checked_by',
  'approved_by',
  'verified_at',
] as const satisfies readonly SheetColumnKey[]
export type ImportFieldKey = (typeof importFieldKeys)[number]

/** Sheet columns the importer leaves alone, for the help text. */
export const ignoredSheetColumns = sheetColumns.filter(
  (c) => !(importFieldKeys as readonly string[]).includes(c.key),
) as ReadonlyArray<(typeof sheetColumns)[number]>

/**
 * How the importer reads each field beyond what the export's `about` says: what a row
 * must have, and what happens to values that are not claims of this desk's own.
 */
const importNotes: Partial<Record<ImportFieldKey, string>> = {
  claim: 'Required.',
  language: 'de when empty.',
  speaker: 'Matched to a speaker on the desk by any spelling, or added as a new speaker.',
  speaker_role: 'Used only for a new speaker.',
  source_title: 'Matched by URL, or by title and outlet, or added as a new source.',
  status: 'A code (in_review) or a label (In review); new when empty. In review and verified are kept.',
  verdict: 'A code (mostly_false) or a label (Mostly false).',
  evidence_urls: 'Attached as context evidence: a spreadsheet does not say what each source does for the claim.',
  checked_by: 'Kept in the claim’s history only: these are not accounts on this desk.',
  approved_by: 'Kept in the claim’s history only: these are not accounts on this desk.',
  verified_at: 'When a verified claim was approved.',
}

/**
 * Other headings that mean a field, as desks name them in their own sheets (German and
 * English). The export's key and label always work; these only help the first guess.
 */
const otherHeadings: Partial<Record<ImportFieldKey, string[]>> = {
  claim: ['text', 'claim text', 'statement', 'aussage', 'behauptung'],
  speaker: ['speaker name', 'sprecher', 'sprecherin', 'urheber'],
  speaker_role: ['rolle', 'funktion'],
  source_title: ['source', 'quelle', 'titel'],
  outlet: ['medium', 'publication'],
  source_url: ['url', 'link', 'quelle url'],
  claimed_on: ['date', 'datum', 'date made'],
  verdict: ['rating', 'bewertung', 'urteil'],
  rationale: ['begrundung', 'explanation'],
  tags: ['tag', 'schlagworte'],
}

export type ImportField = {
  key: ImportFieldKey
  label: string
  about: string
  note: string | null
  required: boolean
}

export const importFields: ImportField[] = importFieldKeys.map((key) => {
  const column = sheetColumns.find((c) => c.key === key)!
  return { key, label: column.label, about: column.about, note: importNotes[key] ?? null, required: key === 'claim' }
})

export function importFieldLabel(key: ImportFieldKey) {
  return importFields.find((f) => f.key === key)!.label
}

/** Claim field → index of the file's column that fills it, or null for none. */
export type ColumnMapping = Record<ImportFieldKey, number | null>

/** "Speaker role", "speaker_role" and " SPEAKER ROLE " are one heading. */
function headingKey(heading: string) {
  return foldForMatching(heading)
}

/**
 * The first guess at which column fills which field: the export's key or label, or a
 * common other heading, in any case and spacing. Each column fills one field at most,
 * and the first of two columns with the same heading wins.
 */
export function autoMapColumns(headers: string[]): ColumnMapping {
  const keys = headers.map(headingKey)
  const taken = new Set<number>()
  const mapping = {} as ColumnMapping
  for (const field of importFields) {
    const names = [field.key, field.label, ...(otherHeadings[field.key] ?? [])].map(headingKey)
    // The export's own names first, so a file with both "claim" and "text" maps "claim".
    let found: number | null = null
    for (const name of names) {
      const index = keys.findIndex((k, i) => k === name && !taken.has(i))
      if (index >= 0) {
        found = index
        break
      }
    }
    if (found !== null) taken.add(found)
    mapping[field.key] = found
  }
  return mapping
}

/** A mapping read back from storage or a form, with every field present. */
export function completeMapping(partial: Partial<Record<string, number | null>>): ColumnMapping {
  return Object.fromEntries(importFieldKeys.map((key) => [key, partial[key] ?? null])) as ColumnMapping
}

/** Why a mapping cannot be used, per field, or null when it can. */
export function mappingProblems(
  mapping: ColumnMapping,
  headers: string[],
): Partial<Record<ImportFieldKey, string>> | null {
  const problems: Partial<Record<ImportFieldKey, string>> = {}
  const usedBy = new Map<number, ImportFieldKey>()
  for (const field of importFields) {
    const index = mapping[field.key]
    if (index === null) {
      if (field.required) problems[field.key] = 'Pick the column that holds the claim text.'
      continue
    }
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      problems[field.key] = 'That column is not in the file; pick one of the listed columns.'
      continue
    }
    const other = usedBy.get(index)
    if (other) {
      problems[field.key] =
        `Column “${columnName(headers, index)}” already fills ${importFieldLabel(other)}; pick another column or none.`
      continue
    }
    usedBy.set(index, field.key)
  }
  return Object.keys(problems).length > 0 ? problems : null
}

/** A column as the user knows it: its heading, or its letter when the heading is blank. */
export function columnName(headers: string[], index: number) {
  const heading = headers[index]?.trim()
  return heading ? heading : `column ${columnLetter(index)}`
}

/** 0 → A, 25 → Z, 26 → AA: the spreadsheet's own column names. */
export function columnLetter(index: number) {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}
