// The import page's forms: the upload, the column mapping of the preview, and the
// preview's import and discard buttons.
import { z } from 'zod'
import { importFieldKeys, type ImportFieldKey } from '#app/domain/import/fields.ts'

/** Made up by the browser for one upload, so it can ask how the server is getting on. */
export const progressToken = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

export const ImportUploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose the CSV, XLSX or JSON file with the claims.' })
    .refine((file) => file.size > 0, 'The file is empty. Choose the file with the claims.'),
  progressToken: progressToken.optional(),
})

/** A column of the file by its position, or none (an empty choice). */
const column = z.preprocess(
  (value) => (value === undefined || value === '' ? null : value),
  z.coerce.number().int().min(0).max(16_383).nullable(),
)

export const ImportMappingSchema = z.object({
  intent: z.literal('map'),
  ...(Object.fromEntries(importFieldKeys.map((key) => [key, column])) as Record<ImportFieldKey, typeof column>),
})

export const ImportCommitSchema = z.object({
  intent: z.literal('import'),
  // The preview the editor saw: importing from an older one (another tab) is refused.
  checkedAt: z.string().max(40),
  includeDuplicates: z.boolean().optional(),
})

export const ImportDiscardSchema = z.object({ intent: z.literal('discard') })

/** Which page of the preview's problems and duplicates to show. */
export const ImportPreviewQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  duplicates: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})
