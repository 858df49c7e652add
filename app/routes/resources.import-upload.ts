// Where the import page's script sends a file (POST) to show its upload's progress, and
// asks (GET ?token=…) what the server is doing with it meanwhile. Without JavaScript
// the page's own form posts to /import and none of this is used.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireEditor } from '#app/auth/permissions.server.ts'
import { progressKey, readProgress } from '#app/domain/import/progress.server.ts'
import { receiveImportUpload } from '#app/utils/import-upload.server.ts'
import { progressToken } from '#app/validation/import.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEditor(request)
  const token = progressToken.safeParse(new URL(request.url).searchParams.get('token'))
  return Response.json({ progress: token.success ? readProgress(progressKey(user.id, token.data)) : null })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request)
  const outcome = await receiveImportUpload(request, user)
  if ('staged' in outcome) return Response.json({ redirectTo: `/import/${outcome.staged}` })
  return Response.json({ error: outcome.result.error ?? {} }, { status: outcome.status })
}
