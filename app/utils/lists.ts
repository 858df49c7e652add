// Shapes shared by the desk's lists.

/** One page of a list, with what the pager needs. */
export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number) {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T, K>(items: T[], keyOf: (item: T) => K) {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return groups
}
