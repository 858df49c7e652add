import { z } from 'zod'
import { sourceKinds } from '#app/domain/vocabulary.ts'
import { languageCode, optionalIsoDate, optionalText, requiredText, sourceUrl, version, webUrl } from './common.ts'

const sourceFields = {
  title: requiredText('Title', 500),
  url: sourceUrl('URL').optional(),
  outlet: optionalText('Outlet', 200),
  author: optionalText('Author', 200),
  publishedOn: optionalIsoDate('Published'),
  language: languageCode.optional(),
  kind: z.enum(sourceKinds, { error: 'Pick one of the listed kinds.' }).default('article'),
  excerpt: optionalText('Excerpt', 20000),
  archiveUrl: webUrl('Archive URL').optional(),
  retrievedOn: optionalIsoDate('Retrieved'),
  notes: optionalText('Notes', 5000),
}

export const SourceCreateSchema = z.object(sourceFields)
export const SourceEditSchema = z.object({ ...sourceFields, version })
export type SourceInput = z.infer<typeof SourceCreateSchema>
