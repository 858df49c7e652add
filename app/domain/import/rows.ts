// One row of an import file checked on its own and turned into the claim it describes,
// or into problems that name the row, the column and what to do. The field rules are the
// forms' own (app/validation), so an imported claim obeys the limits a typed one does.
// What depends on the desk (which speaker a name means, duplicates) is planned later.
// Pure: no database, so every rule is tested without one.
import { z } from 'zod'
import { claimLimits, tagList } from '#app/validation/claim.ts'
import { isoDate, languageCode, optionalText, requiredText, sourceUrl, webUrl } from '#app/validation/common.ts'
import type { ExportedSource, ExportedSpeaker } from '../export/sheet.ts'
import { statusLabels, verdictLabels } from '../labels.ts'
import { foldForMatching } from '../text.ts'
import { normalizeSourceUrl } from '../urls.ts'
import {
  claimStatuses,
  evidenceRoles,
  linkTypes,
  sourceKinds,
  speakerKinds,
  verdicts,
  type ClaimStatus,
  type EvidenceRole,
  type LinkType,
  type Verdict,
} from '../vocabulary.ts'
import type { SheetRow } from './cells.ts'
import { columnName, importFieldKeys, type ColumnMapping, type ImportFieldKey } from './fields.ts'
import type { ImportProblem } from './report.ts'

export type { ImportProblem }

/** A speaker as a row names it; `key` is the same for every row that means the same one. */
export type CandidateSpeaker = Omit<ExportedSpeaker, 'id'> & { key: string }

/** A source as a row names it; `key` is the same for every row that means the same one. */
export type CandidateSource = Omit<ExportedSource, 'id'> & {
  key: string
  /** Known only by its address: the URL stands in for a title an editor can give it later. */
  titledByUrl: boolean
}

/** A claim as the file describes it, before the desk is asked who and what it names. */
export type ImportClaim = {
  /** The row (sheet) or position (JSON, from 1) the user finds it at. */
  row: number
  /** The exporting desk's claim id (JSON): what links in the file point at. */
  fileId: number | null
  text: string
  quote: string | null
  language: string
  claimedOn: string | null
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string | null
  tags: string[]
  speaker: CandidateSpeaker | null
  /** Where the claim first appeared; also among `evidence` as its origin. */
  source: CandidateSource | null
  evidence: Array<{ role: EvidenceRole; note: string | null; source: CandidateSource }>
  links: Array<{ type: LinkType; to: number; note: string | null }>
  checkedBy: string | null
  approvedBy: string | null
  submittedAt: Date | null
  verifiedAt: Date | null
  /** Where a problem found later (a speaker, the status) is shown: the file's column or field. */
  columns: {
    speaker: string | null
    source: string | null
    evidence: string | null
    status: string | null
    links: string | null
  }
}

export type RowCheck = { claim: ImportClaim | null; problems: ImportProblem[] }

const firstMessage = (error: z.ZodError) => error.issues[0]?.message ?? 'This value was not understood.'

/** One message per field, the first: "must be a date like …" says it all; "not a real date" would repeat it. */
function firstIssuePerField(error: z.ZodError) {
  const seen = new Set<string>()
  return error.issues.filter((issue) => {
    const key = issue.path.join('.')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Codes and labels, folded, so "mostly_false", "Mostly false" and "MOSTLY FALSE" are one verdict. */
function codeReader<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  const byKey = new Map<string, T>()
  for (const code of codes) {
    for (const spelling of [code, labels[code]]) {
      byKey.set(spelling, code)
      byKey.set(foldForMatching(spelling), code)
    }
  }
  // As the export writes them first: folding is only for what people typed.
  return (value: string) => byKey.get(value) ?? byKey.get(foldForMatching(value))
}
const readStatus = codeReader(claimStatuses, statusLabels)
const readVerdict = codeReader(verdicts, verdictLabels)

const statusHelp = `Use ${claimStatuses.join(', ')} (or their labels, such as In review).`
const verdictHelp = `Use ${verdicts.join(', ')} (or their labels, such as Mostly false).`

/** An instant as a sheet or an export writes it: a date (midnight UTC) or ISO 8601 with a time. */
const instant = (label: string) =>
  z
    .string()
    .trim()
    .regex(
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
      `${label} must be a date like 2024-11-01 or a time like 2024-11-01T08:00:00Z.`,
    )
    .transform((value, ctx) => {
      const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T'))
      if (Number.isNaN(time)) {
        ctx.addIssue({ code: 'custom', message: `${label} is not a real date.` })
        return z.NEVER
      }
      return new Date(time)
    })

/** A status or verdict by its code or its label. */
const codeOf = <T extends string>(read: (v: string) => T | undefined, help: string, what: string) =>
  z.string({ error: `The ${what} must be text. ${help}` }).transform((value, ctx) => {
    const code = read(value)
    if (!code) {
      ctx.addIssue({ code: 'custom', message: `“${value}” is not a ${what}. ${help}` })
      return z.NEVER
    }
    return code
  })

/** Evidence URLs in one cell: one per line (the export's way), or separated by spaces. */
const maxEvidenceUrls = 50
const evidenceUrlList = z.string().transform((cell, ctx) => {
  const found: string[] = []
  for (const address of cell.split(/\s+/).filter(Boolean)) {
    // As a source URL field takes it (common.ts): at most 2000 characters, http(s), normalised.
    const normalized = address.length <= 2000 ? normalizeSourceUrl(address) : null
    if (!normalized) {
      ctx.addIssue({
        code: 'custom',
        message: `“${address.slice(0, 100)}” is not a web address. Evidence URLs start with http:// or https://, one per line.`,
      })
    } else if (!found.includes(normalized)) {
      found.push(normalized)
    }
  }
  if (found.length > maxEvidenceUrls) {
    ctx.addIssue({
      code: 'custom',
      message: `A row can have at most ${maxEvidenceUrls} evidence URLs; this one has ${found.length}.`,
    })
  }
  return found
})

/**
 * A sheet row's fields by the export's column keys, each by the rule its form field
 * follows. An empty cell arrives as undefined and means "none"; one object schema per
 * row (rather than one parse per cell) keeps 100k rows quick.
 */
const SheetRowSchema = z.object({
  claim: requiredText('The claim', claimLimits.text, 3),
  quote: optionalText('The quote', claimLimits.quote),
  language: languageCode.optional(),
  speaker: optionalText('The speaker’s name', 200),
  speaker_role: optionalText('The speaker’s role', 200),
  source_title: optionalText('The source title', 500),
  outlet: optionalText('The outlet', 200),
  source_url: sourceUrl('The source URL').optional(),
  published: isoDate('The published date').optional(),
  claimed_on: isoDate('The date made').optional(),
  status: codeOf(readStatus, statusHelp, 'status').optional(),
  verdict: codeOf(readVerdict, verdictHelp, 'verdict').optional(),
  rationale: optionalText('The rationale', claimLimits.rationale),
  evidence_urls: evidenceUrlList.optional(),
  tags: tagList,
  checked_by: optionalText('Checked by', 200),
  approved_by: optionalText('Approved by', 200),
  verified_at: instant('Verified at').optional(),
})

function sourceOnlyByUrl(url: string): CandidateSource {
  return {
    key: `url:${url}`,
    url,
    title: url,
    titledByUrl: true,
    outlet: null,
    author: null,
    publishedOn: null,
    language: null,
    kind: 'article',
    excerpt: null,
    archiveUrl: null,
    retrievedOn: null,
    notes: null,
  }
}

/** The same source without a URL: same title and outlet, in any case and spacing. */
export function titleKey(title: string, outlet: string | null) {
  return `title:${foldForMatching(title)}|${foldForMatching(outlet ?? '')}`
}

/** The text of a row's cell for a field, or its link where an XLSX URL cell shows other words. */
function cellFor(row: SheetRow, key: ImportFieldKey, index: number) {
  const text = (row.cells[index] ?? '').trim()
  const link = row.links?.[index]
  return link && (key === 'source_url' || key === 'evidence_urls') && !/https?:\/\//i.test(text) ? link : text
}

/**
 * A sheet row as a claim. Every field with a problem is reported (not only the first),
 * so one pass over the preview shows all there is to fix in the row.
 */
export function readSheetRow(row: SheetRow, headers: string[], mapping: ColumnMapping): RowCheck {
  const problems: ImportProblem[] = []
  const columnOf = (key: ImportFieldKey) => {
    const index = mapping[key]
    return index === null ? null : columnName(headers, index)
  }
  const problem = (key: ImportFieldKey | null, message: string) =>
    problems.push({ row: row.line, column: key ? columnOf(key) : null, message })
  const input: Partial<Record<ImportFieldKey, string>> = { claim: '' }
  for (const key of importFieldKeys) {
    const index = mapping[key]
    if (index === null) continue
    const value = cellFor(row, key, index)
    if (value !== '') input[key] = value
  }

  const extra =
    row.cells.length > headers.length ? row.cells.slice(headers.length).filter((c) => c.trim() !== '').length : 0
  if (extra > 0) {
    problem(
      null,
      `This row has ${extra === 1 ? 'a cell' : `${extra} cells`} beyond the last column of the header row. Look for a delimiter inside a cell that is not in quotes, or give the extra column a heading.`,
    )
  }
  const parsed = SheetRowSchema.safeParse(input)
  if (!parsed.success) {
    for (const issue of firstIssuePerField(parsed.error)) problem(issue.path[0] as ImportFieldKey, issue.message)
  }
  // Rules between fields, on what the cells hold, so they are told even next to a wrong value.
  if (input.speaker_role && !input.speaker)
    problem('speaker_role', 'A speaker’s role needs the speaker: add the name too.')
  if (input.speaker && !foldForMatching(input.speaker)) {
    problem('speaker', `“${input.speaker}” is not a name: it has no letters or digits.`)
  }
  if (!input.source_title && !input.source_url) {
    if (input.outlet) problem('outlet', 'An outlet needs its source: add the source title or URL.')
    if (input.published) problem('published', 'A published date needs its source: add the source title or URL.')
  }
  if (!parsed.success || problems.length > 0) {
    // In the order of the file's columns, as the user reads the row.
    const position = (p: ImportProblem) => (p.column === null ? -1 : headers.indexOf(p.column))
    return { claim: null, problems: problems.sort((a, b) => position(a) - position(b)) }
  }
  const fields = parsed.data

  const speaker: CandidateSpeaker | null = fields.speaker
    ? {
        key: `name:${foldForMatching(fields.speaker)}`,
        name: fields.speaker,
        kind: 'person',
        role: fields.speaker_role ?? null,
        organisation: null,
        country: null,
        wikidataId: null,
        aliases: [],
      }
    : null
  const url = fields.source_url ?? null
  // A linked cell in the URL column whose words are not the address: those words name the source.
  const urlIndex = mapping.source_url
  const linkWords = urlIndex !== null && row.links?.[urlIndex] ? (row.cells[urlIndex] ?? '').trim().slice(0, 500) : ''
  const title = fields.source_title ?? (linkWords && !/https?:\/\//i.test(linkWords) ? linkWords : null)
  const outlet = fields.outlet ?? null
  const source: CandidateSource | null =
    url || title
      ? {
          ...sourceOnlyByUrl(url ?? ''),
          key: url ? `url:${url}` : titleKey(title!, outlet),
          url,
          title: title ?? url!,
          titledByUrl: !title,
          outlet,
          publishedOn: fields.published ?? null,
        }
      : null
  const evidence: ImportClaim['evidence'] = source ? [{ role: 'origin', note: null, source }] : []
  for (const address of fields.evidence_urls ?? []) {
    evidence.push({ role: 'context', note: null, source: sourceOnlyByUrl(address) })
  }

  return {
    claim: {
      row: row.line,
      fileId: null,
      text: fields.claim,
      quote: fields.quote ?? null,
      language: fields.language ?? 'de',
      claimedOn: fields.claimed_on ?? null,
      status: fields.status ?? 'new',
      verdict: fields.verdict ?? null,
      rationale: fields.rationale ?? null,
      tags: fields.tags,
      speaker,
      source,
      evidence,
      links: [],
      checkedBy: fields.checked_by ?? null,
      approvedBy: fields.approved_by ?? null,
      // A sheet does not say when a check was submitted.
      submittedAt: null,
      verifiedAt: fields.verified_at ?? null,
      columns: {
        speaker: columnOf('speaker'),
        source: columnOf('source_url') ?? columnOf('source_title'),
        evidence: columnOf('evidence_urls'),
        status: columnOf('status'),
        links: null,
      },
    },
    problems,
  }
}

// JSON: a claim as the JSON export writes it (app/domain/export/sheet.ts, ExportedClaim).

/** `null`, absent and blank all mean "none" in an export. */
const none = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value
const maybe = <T extends z.ZodType>(schema: T) => z.preprocess(none, schema.optional())
const maybeText = (label: string, max: number) => maybe(optionalText(label, max))
const exportedId = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .positive()

const ExportedSourceSchema = z.object({
  id: exportedId('The source’s id'),
  url: maybe(sourceUrl('The source URL')),
  title: requiredText('The source title', 500),
  outlet: maybeText('The outlet', 200),
  author: maybeText('The author', 200),
  publishedOn: maybe(isoDate('The published date')),
  language: maybe(languageCode),
  kind: maybe(z.enum(sourceKinds, { error: `Use one of the source kinds: ${sourceKinds.join(', ')}.` })),
  excerpt: maybeText('The excerpt', 20000),
  archiveUrl: maybe(webUrl('The archive URL')),
  retrievedOn: maybe(isoDate('The retrieved date')),
  notes: maybeText('The notes', 5000),
})

const aliasList = z
  .array(z.string({ error: 'Each alias must be text.' }).trim().max(200, 'Each alias can be at most 200 characters.'))
  .max(100, 'A speaker can have at most 100 aliases.')

const ExportedSpeakerSchema = z.object({
  id: exportedId('The speaker’s id'),
  name: requiredText('The speaker’s name', 200),
  kind: maybe(z.enum(speakerKinds, { error: 'Use person or organisation.' })),
  role: maybeText('The speaker’s role', 200),
  organisation: maybeText('The organisation', 200),
  country: maybe(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as DE, RU or KP.'),
  ),
  wikidataId: maybe(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^Q[1-9][0-9]{0,11}$/, 'A Wikidata id looks like Q7747.'),
  ),
  aliases: maybe(aliasList),
})

const ExportedClaimSchema = z.object({
  id: exportedId('The claim’s id'),
  text: requiredText('The claim', claimLimits.text, 3),
  quote: maybeText('The quote', claimLimits.quote),
  language: maybe(languageCode),
  claimedOn: maybe(isoDate('The date made')),
  status: maybe(codeOf(readStatus, statusHelp, 'status')),
  verdict: maybe(codeOf(readVerdict, verdictHelp, 'verdict')),
  rationale: maybeText('The rationale', claimLimits.rationale),
  tags: maybe(
    z
      .array(z.string({ error: 'Each tag must be text.' }))
      // Tags on a desk never hold a comma (the tag field splits on them), so joining is safe.
      .transform((list, ctx) => {
        const tags = tagList.safeParse(list.join(','))
        if (tags.success) return tags.data
        ctx.addIssue({ code: 'custom', message: firstMessage(tags.error) })
        return z.NEVER
      }),
  ),
  speaker: maybe(ExportedSpeakerSchema),
  sourceId: maybe(exportedId('sourceId')),
  evidence: maybe(
    z
      .array(
        z.object({
          role: z.enum(evidenceRoles, { error: `Use one of the evidence roles: ${evidenceRoles.join(', ')}.` }),
          note: maybeText('The evidence note', 2000),
          source: ExportedSourceSchema,
        }),
      )
      .max(200, 'A claim can have at most 200 pieces of evidence.'),
  ),
  links: maybe(
    z
      .array(
        z.object({
          type: z.enum(linkTypes, { error: `Use one of the link types: ${linkTypes.join(', ')}.` }),
          to: exportedId('The linked claim’s id'),
          note: maybeText('The link note', 1000),
        }),
      )
      .max(500, 'A claim can have at most 500 links.'),
  ),
  checkedBy: maybeText('checkedBy', 200),
  approvedBy: maybeText('approvedBy', 200),
  submittedAt: maybe(instant('submittedAt')),
  verifiedAt: maybe(instant('verifiedAt')),
})

/** A zod path as a JSON field: `evidence[2].source.url`. */
function jsonPath(path: PropertyKey[]) {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  )
}

type ExportedSourceInput = z.output<typeof ExportedSourceSchema>

function candidateFromExport(source: ExportedSourceInput): CandidateSource {
  return {
    // One URL is one source on any desk; without one, the exporting desk's id tells them apart.
    key: source.url ? `url:${source.url}` : `id:${source.id}`,
    url: source.url ?? null,
    title: source.title,
    titledByUrl: false,
    outlet: source.outlet ?? null,
    author: source.author ?? null,
    publishedOn: source.publishedOn ?? null,
    language: source.language ?? null,
    kind: source.kind ?? 'article',
    excerpt: source.excerpt ?? null,
    archiveUrl: source.archiveUrl ?? null,
    retrievedOn: source.retrievedOn ?? null,
    notes: source.notes ?? null,
  }
}

/**
 * A claim of a JSON export, at `position` (from 1) in its list. Problems name the field
 * by its path in the record, since a JSON file has no columns.
 */
export function readExportedClaim(raw: unknown, position: number): RowCheck {
  const parsed = ExportedClaimSchema.safeParse(raw)
  if (!parsed.success) {
    return {
      claim: null,
      problems: firstIssuePerField(parsed.error).map((issue) => ({
        row: position,
        column: jsonPath(issue.path) || null,
        message: issue.path.length === 0 ? 'This entry is not a claim record.' : issue.message,
      })),
    }
  }
  const claim = parsed.data
  const problems: ImportProblem[] = []
  const problem = (column: string, message: string) => problems.push({ row: position, column, message })
  const evidence = (claim.evidence ?? []).map((e) => ({
    role: e.role,
    note: e.note ?? null,
    source: candidateFromExport(e.source),
  }))
  const seen = new Set<string>()
  evidence.forEach((e, i) => {
    const key = `${e.source.key}|${e.role}`
    if (seen.has(key)) problem(`evidence[${i}]`, `This source is listed twice as ${e.role} evidence; keep one.`)
    seen.add(key)
  })
  let source: CandidateSource | null = null
  if (claim.sourceId !== undefined) {
    const origin = (claim.evidence ?? []).findIndex((e) => e.source.id === claim.sourceId && e.role === 'origin')
    if (origin < 0) {
      problem('sourceId', `Source ${claim.sourceId} is not among the claim’s origin evidence, where it must be listed.`)
    } else {
      source = evidence[origin]!.source
    }
  }
  const speaker = claim.speaker
  if (problems.length > 0) return { claim: null, problems }
  return {
    claim: {
      row: position,
      fileId: claim.id,
      text: claim.text,
      quote: claim.quote ?? null,
      language: claim.language ?? 'de',
      claimedOn: claim.claimedOn ?? null,
      status: claim.status ?? 'new',
      verdict: claim.verdict ?? null,
      rationale: claim.rationale ?? null,
      tags: claim.tags ?? [],
      speaker: speaker
        ? {
            key: `id:${speaker.id}`,
            name: speaker.name,
            kind: speaker.kind ?? 'person',
            role: speaker.role ?? null,
            organisation: speaker.organisation ?? null,
            country: speaker.country ?? null,
            wikidataId: speaker.wikidataId ?? null,
            aliases: (speaker.aliases ?? []).filter((a) => a !== '' && a !== speaker.name),
          }
        : null,
      source,
      evidence,
      links: (claim.links ?? []).map((l) => ({ type: l.type, to: l.to, note: l.note ?? null })),
      checkedBy: claim.checkedBy ?? null,
      approvedBy: claim.approvedBy ?? null,
      submittedAt: claim.submittedAt ?? null,
      verifiedAt: claim.verifiedAt ?? null,
      columns: { speaker: 'speaker', source: 'sourceId', evidence: 'evidence', status: 'status', links: 'links' },
    },
    problems,
  }
}
