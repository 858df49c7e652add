// An import's preview as lines of text, for the import script: the same numbers, problems
// and duplicates the preview page shows.
import { formatCount, shorten } from '#app/utils/format.ts'
import type { ImportReport } from './report.ts'

/** A count with its noun: 1 claim, 84,000 claims. For the import's page and script too. */
export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

export function reportLines(report: ImportReport, fileName: string): string[] {
  const rowWord = report.format === 'json' ? ['claim', 'claims'] : ['row', 'rows']
  const where = (row: number) => `${report.format === 'json' ? 'Claim' : 'Row'} ${formatCount(row)}`
  const lines = [
    `${fileName}: ${plural(report.rowCount, rowWord[0]!, rowWord[1]!)} (${report.format.toUpperCase()})`,
    ...report.notes.map((note) => `  ${note}`),
    `  ${plural(report.problemRowCount, `${rowWord[0]} has`, `${rowWord[1]} have`)} problems`,
    `  ${plural(report.duplicates.length, 'duplicate', 'duplicates')}, left out unless --include-duplicates`,
    `  Speakers: ${formatCount(report.speakers.matched)} on the desk, ${formatCount(report.speakers.created)} new`,
    `  Sources: ${formatCount(report.sources.matched)} on the desk, ${formatCount(report.sources.created)} new` +
      (report.sources.titledByUrl > 0 ? ` (${formatCount(report.sources.titledByUrl)} known only by their URL)` : ''),
    `  Evidence: ${formatCount(report.evidence)}` +
      (report.contextEvidence > 0
        ? `, of which ${formatCount(report.contextEvidence)} evidence URLs attached as context`
        : ''),
  ]
  if (report.format === 'json') {
    lines.push(`  Links: ${formatCount(report.links.kept)} kept, ${formatCount(report.links.skipped.length)} left out`)
    for (const link of report.links.skipped) {
      lines.push(`    ${where(link.row)}, ${link.type} id ${link.to}: ${link.reason}`)
    }
  }
  if (report.problems.length > 0) {
    lines.push('', 'Problems:')
    for (const problem of report.problems) {
      lines.push(`  ${where(problem.row)}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`)
    }
  }
  if (report.duplicates.length > 0) {
    lines.push('', 'Duplicates:')
    for (const duplicate of report.duplicates) {
      const of =
        'claimId' in duplicate.of
          ? `claim #${duplicate.of.claimId} “${shorten(duplicate.of.text, 60)}”`
          : `row ${formatCount(duplicate.of.row)}`
      lines.push(`  ${where(duplicate.row)} “${shorten(duplicate.text, 60)}” repeats ${of}`)
    }
  }
  return lines
}
