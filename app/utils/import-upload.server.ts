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
import { formTypeOf, unreadableFormMessages } from './responses.server.ts'

export type UploadOutcome = { staged: number } | { result: SubmissionResult<string[]>; status: 400 | 413 | 415 }

export async function receiveImportUpload(request: Request, user: ImportUser): Promise<UploadOutcome> {
  const { maxBytes } = importLimitsOf()
  const refused = (status: 400 | 413 | 415, fieldErrors: Record<string, string[]>) => ({
    result: parseWithZod(new FormData(), { schema: ImportUploadSchema }).reply({ fieldErrors }),
    status,
  })
  // Only a multipart body carries a file; anything else is a script's mistake, said as such.
  if (formTypeOf(request) !== 'multipart/form-data') return refused(415, { file: [unreadableFormMessages.notAForm] })
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    )
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) return refused(400, { file: [unreadableFormMessages.garbled] })
    try {
      tooLarge(maxBytes)
    } catch (refusal) {
      return refused(413, (refusal as FieldError).fieldErrors)
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
