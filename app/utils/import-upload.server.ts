// An import file arriving over HTTP: read into memory up to the desk's limit, checked
// and staged. Shared by the import page's own form (without JavaScript) and the upload
// resource the page's script sends the file to while it shows the upload's progress.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { endProgress, progressKey, reportProgress } from '#app/domain/import/progress.server.ts'
import { tooLarge } from '#app/domain/import/read-file.server.ts'
import { stageImport, type ImportUser } from '#app/domain/import/staging.server.ts'
import { importLimitsOf } from '#app/utils/env.server.ts'
import { FieldError } from '#app/utils/errors.server.ts'
import { ImportUploadSchema } from '#app/validation/import.ts'

export type UploadOutcome = { staged: number } | { result: SubmissionResult<string[]>; status: 400 | 413 }

export async function receiveImportUpload(request: Request, user: ImportUser): Promise<UploadOutcome> {
  const { maxBytes } = importLimitsOf()
  // A hand-made post without the upload's encoding has no file in it: refused below as an
  // empty form, where Remix's parser would throw and answer 500.
  let formData = new FormData()
  try {
    if (isMultipart(request)) {
      formData = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
      )
    }
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error
    const submission = parseWithZod(new FormData(), { schema: ImportUploadSchema })
    try {
      tooLarge(maxBytes)
    } catch (refusal) {
      return { result: submission.reply({ fieldErrors: (refusal as FieldError).fieldErrors }), status: 413 }
    }
  }
  const submission = parseWithZod(formData, { schema: ImportUploadSchema })
  if (submission.status !== 'success') return { result: submission.reply(), status: 400 }
  const { file, progressToken } = submission.value
  const key = progressToken ? progressKey(user.id, progressToken) : null
  try {
    const staged = await stageImport(
      user,
      { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      key ? (progress) => reportProgress(key, progress) : undefined,
    )
    return { staged }
  } catch (error) {
    if (error instanceof FieldError)
      return { result: submission.reply({ fieldErrors: error.fieldErrors }), status: 400 }
    throw error
  } finally {
    if (key) endProgress(key)
  }
}

function isMultipart(request: Request) {
  return /^multipart\/form-data\s*;\s*boundary=/i.test(request.headers.get('Content-Type') ?? '')
}
