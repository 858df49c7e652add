import { z } from 'zod'
import { sourceKinds } from '#app/domain/vocabulary.ts'
import {
  languageCode,
  optionalIsoDate,
  optionalText,
  recordId,
  requiredText,
  sourceUrl,
  version,
  webUrl,
} from './common.ts'

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

/** An existing source by name, number or URL, or a new one described inline. */
export const sourceChoiceFields = {
  sourceRef: optionalText('Source', 2000),
  sourceId: recordId('Source').optional(),
  newSource: z.boolean().optional(),
  newSourceTitle: optionalText('Title', 500),
  newSourceUrl: sourceUrl('URL').optional(),
  newSourceOutlet: optionalText('Outlet', 200),
  newSourcePublishedOn: optionalIsoDate('Published'),
}

export function requireNewSourceTitle(value: { newSource?: boolean; newSourceTitle?: string }, ctx: z.RefinementCtx) {
  if (value.newSource && !value.newSourceTitle) {
    ctx.addIssue({ code: 'custom', path: ['newSourceTitle'], message: 'A new source needs a title.' })
  }
}
