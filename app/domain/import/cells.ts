// What a spreadsheet cell says, as text: the same for a CSV cell and an XLSX cell.

/**
 * One row of a sheet as the spreadsheet numbers it (the header is row 1), its cells as
 * text, and the link behind a cell where an XLSX cell has one.
 */
export type SheetRow = { line: number; cells: string[]; links?: Record<number, string> }

/**
 * The export puts a `'` before a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (or the full-width `＝＋－＠`), so that a spreadsheet shows it as text instead of running it as a
 * formula ("CSV injection"). Reading the file back takes exactly that one `'` off again;
 * a `'` before anything else was typed by someone and stays.
 */
export function stripFormulaGuard(value: string) {
  return value.length > 1 && value[0] === "'" && '=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20'.includes(value[1]!)
    ? value.slice(1)
    : value
}

/** A row the spreadsheet shows as empty: no cell holds anything but spaces. */
export function isBlankRow(cells: string[]) {
  return cells.every((cell) => cell.trim() === '')
}

/**
 * An instant as a sheet holds it: `YYYY-MM-DD` for a calendar day (a date cell at
 * midnight UTC, as the export writes dates) or full ISO 8601 for a moment.
 */
export function dateCellText(date: Date) {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}
