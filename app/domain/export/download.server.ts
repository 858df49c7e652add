import { createReadableStreamFromReadable } from '@remix-run/node'
import { z } from 'zod'
import { requireUser } from '#app/auth/permissions.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { queryParams } from '#app/utils/url.ts'
import { ExportQuerySchema, type ExportFormat } from '#app/validation/export.ts'
import { openExport } from './files.server.ts'

/** Every problem with an export's query in one message, for scripts and hand-edited links. */
function badQuery(fieldErrors: Record<string, string[] | undefined>) {
  const problems = Object.entries(fieldErrors).flatMap(([field, messages]) =>
    (messages ?? []).map((m) => `- ${field}: ${m}`),
  )
  return new Response(`Nothing was exported: the query has problems.\n${problems.join('\n')}\n`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/**
 * `/export/claims.<format>`: the export streamed as a download. Any signed-in person may
 * export (viewers too, by design); the query is checked before a byte is sent.
 */
export async function exportDownload(request: Request, format: ExportFormat) {
  const user = await requireUser(request)
  const parsed = ExportQuerySchema.safeParse(queryParams(request.url))
  if (!parsed.success) return badQuery(z.flattenError(parsed.error).fieldErrors)
  try {
    const { stream, fileName, contentType } = openExport(parsed.data, format, user.name)
    return new Response(createReadableStreamFromReadable(stream), {
      headers: {
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    })
  } catch (error) {
    if (error instanceof FieldError) return badQuery(error.fieldErrors)
    throw error
  }
}
