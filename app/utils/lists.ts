// Shapes shared by the desk's lists.

/** One page of a list, with what the pager needs. */
export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number) {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

/**
 * A filter drop-down's options, with the active choice added when it is not among them,
 * so an active filter is always shown as selected.
 */
export function withSelectedOption<T extends { id: number }>(
  options: T[],
  selectedId: number | undefined,
  loadSelected: (id: number) => T | undefined,
) {
  if (!selectedId || options.some((o) => o.id === selectedId)) return options
  const selected = loadSelected(selectedId)
  return selected ? [selected, ...options] : options
}
