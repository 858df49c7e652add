import { describe, expect, test } from 'vitest'
import { serverProgressText } from '#app/components/import-upload.tsx'
import { stripFormulaGuard } from '#app/domain/import/cells.ts'
import { autoMapColumns, columnLetter, columnName, mappingProblems } from '#app/domain/import/fields.ts'
import { detectDelimiter } from '#app/domain/import/read-file.server.ts'

describe('matching columns to claim fields', () => {
  test('the export’s keys and labels, in any case and spacing, and common other headings', () => {
    const mapping = autoMapColumns(['ID', ' Claim ', 'SPEAKER ROLE', 'speaker', 'Quelle', 'Evidence URLs', 'Permalink'])
    expect(mapping).toMatchObject({
      claim: 1,
      speaker_role: 2,
      speaker: 3,
      source_title: 4,
      evidence_urls: 5,
      quote: null,
      verdict: null,
    })
  })

  test('each column fills one field, and the export’s own name beats another heading', () => {
    expect(autoMapColumns(['text', 'claim'])).toMatchObject({ claim: 1 })
    expect(autoMapColumns(['claim', 'claim'])).toMatchObject({ claim: 0 })
  })

  test('a mapping without the claim, with a column twice or one not in the file is told per field', () => {
    const headers = ['Aussage', 'Wer']
    const none = Object.fromEntries(Object.keys(autoMapColumns([])).map((k) => [k, null])) as ReturnType<
      typeof autoMapColumns
    >
    expect(mappingProblems({ ...none, claim: 0 }, headers)).toBeNull()
    expect(mappingProblems(none, headers)).toEqual({ claim: 'Pick the column that holds the claim text.' })
    expect(mappingProblems({ ...none, claim: 0, quote: 0, speaker: 5 }, headers)).toEqual({
      quote: 'Column “Aussage” already fills Claim; pick another column or none.',
      speaker: 'That column is not in the file; pick one of the listed columns.',
    })
  })

  test('columns without a heading are named by their letter, as the spreadsheet does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA'])
    expect(columnName(['claim', ' '], 1)).toBe('column B')
  })
})

describe('reading cells', () => {
  test.each([
    ['\'=HYPERLINK("x")', '=HYPERLINK("x")'],
    ["'+49 30 1234", '+49 30 1234'],
    ["'-5 %", '-5 %'],
    ["'@ministerium", '@ministerium'],
    ["'\tEingerückt", '\tEingerückt'],
    ["'\rZeile", '\rZeile'],
    ["'Apostroph", "'Apostroph"],
    ["''=doppelt", "''=doppelt"],
    ["'", "'"],
    ['=1+1', '=1+1'],
  ])('%j → %j', (cell, text) => {
    expect(stripFormulaGuard(cell)).toBe(text)
  })

  test('the delimiter is the one the header row uses most, outside quotes', () => {
    expect(detectDelimiter('claim;speaker;tags\n"a,b,c";x;y')).toBe(';')
    expect(detectDelimiter('"claim; with semicolons; inside",speaker\n')).toBe(',')
    expect(detectDelimiter('claim\tspeaker\n')).toBe('\t')
    expect(detectDelimiter('claim\nEine Zeile, mit Komma')).toBe(',')
  })
})

describe('what the server is doing with an upload', () => {
  test.each([
    [null, 'Reading the file…'],
    [{ phase: 'reading', rows: 12_000, checked: 0 }, 'Reading the file… 12,000 rows so far'],
    [{ phase: 'checking', rows: 84_000, checked: 5000 }, 'Checking 84,000 rows…'],
    [{ phase: 'saving', rows: 84_000, checked: 84_000 }, 'Saving the preview of 84,000 rows…'],
  ] as const)('%j', (progress, text) => {
    expect(serverProgressText(progress)).toBe(text)
  })
})
