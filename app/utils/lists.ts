// Shapes shared by the desk's lists.

/** One page of a list, with what the pager needs. */
export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number) {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
