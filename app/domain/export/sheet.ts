// What an export holds, in one place: the sheet's columns (CSV and XLSX) and the JSON
// record. The importer reads the same definitions, so what the desk writes it can read back.
import { statusLabels, verdictLabels } from '../labels.ts'
import type { ClaimStatus, EvidenceRole, LinkType, SourceKind, Verdict } from '../vocabulary.ts'

/**
 * The columns of the verified-claims sheet, in order. `key` is the CSV header (stable,
 * for scripts and publishing systems); `label` the XLSX header, for people. The importer
 * recognises either.
 */
export const sheetColumns = [
  { key: 'id', label: 'ID', width: 8, about: 'The claim’s number on this desk.' },
  { key: 'claim', label: 'Claim', width: 60, about: 'The statement as made, in its original language.' },
  { key: 'quote', label: 'Quote', width: 50, about: 'The exact words, when the claim paraphrases them.' },
  { key: 'language', label: 'Language', width: 10, about: 'Language code of the claim, such as de or en.' },
  { key: 'speaker', label: 'Speaker', width: 24, about: 'Who made the claim; empty when unattributed.' },
  { key: 'speaker_role', label: 'Speaker role', width: 28, about: 'The speaker’s role or title.' },
  { key: 'source_title', label: 'Source title', width: 40, about: 'Where the claim first appeared.' },
  { key: 'outlet', label: 'Outlet', width: 18, about: 'The outlet that published the source.' },
  { key: 'source_url', label: 'Source URL', width: 40, about: 'The source’s web address.' },
  { key: 'published', label: 'Published', width: 12, about: 'When the source was published (YYYY-MM-DD).' },
  { key: 'claimed_on', label: 'Claimed on', width: 12, about: 'When the claim was made (YYYY-MM-DD).' },
  { key: 'status', label: 'Status', width: 12, about: 'Where the check stands: new … verified, or rejected.' },
  { key: 'verdict', label: 'Verdict', width: 14, about: 'The rating: true, mostly_true, mixed, misleading, …' },
  { key: 'rationale', label: 'Rationale', width: 60, about: 'Why the claim got its verdict.' },
  {
    key: 'evidence_urls',
    label: 'Evidence URLs',
    width: 40,
    about: 'Web addresses of the other evidence, one per line.',
  },
  { key: 'tags', label: 'Tags', width: 20, about: 'Tags, separated by commas.' },
  { key: 'checked_by', label: 'Checked by', width: 18, about: 'The editor who submitted the check for review.' },
  { key: 'approved_by', label: 'Approved by', width: 18, about: 'The second editor, who approved it.' },
  { key: 'verified_at', label: 'Verified at', width: 20, about: 'When the check was approved (UTC, ISO 8601).' },
  { key: 'permalink', label: 'Permalink', width: 36, about: 'The claim’s address on the desk’s public site.' },
] as const

export type SheetColumnKey = (typeof sheetColumns)[number]['key']

/** A source as the JSON export carries it; `id` is the exporting desk's, for telling sources apart. */
export type ExportedSource = {
  id: number
  url: string | null
  title: string
  outlet: string | null
  author: string | null
  publishedOn: string | null
  language: string | null
  kind: SourceKind
  excerpt: string | null
  archiveUrl: string | null
  retrievedOn: string | null
  notes: string | null
}

export type ExportedSpeaker = {
  id: number
  name: string
  kind: 'person' | 'organisation'
  role: string | null
  organisation: string | null
  country: string | null
  wikidataId: string | null
  aliases: string[]
}

/**
 * One claim with everything about it that another desk or tool needs: the JSON export's
 * record and the input of a JSON import. Instants are ISO 8601 strings in UTC, calendar
 * dates `YYYY-MM-DD`. Links are outgoing only, so each appears once in a file; `to` is
 * the other claim's `id` in the same file.
 */
export type ExportedClaim = {
  id: number
  text: string
  quote: string | null
  language: string
  claimedOn: string | null
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string | null
  tags: string[]
  speaker: ExportedSpeaker | null
  /** The `id` of the source in `evidence` with role origin that the claim first appeared in. */
  sourceId: number | null
  evidence: { role: EvidenceRole; note: string | null; source: ExportedSource }[]
  links: { type: LinkType; to: number; note: string | null }[]
  checkedBy: string | null
  approvedBy: string | null
  submittedAt: string | null
  verifiedAt: string | null
  createdAt: string
  updatedAt: string
  permalink: string
}

/** The JSON export's envelope: `claims` is streamed last so a reader can start early. */
export type ExportedDesk = {
  format: typeof jsonExportFormat
  version: 1
  exportedAt: string
  exportedBy: string
  filters: Record<string, string>
  claims: ExportedClaim[]
}

export const jsonExportFormat = 'claim-desk/claims'

/** A source as far as the sheet shows it. */
export type SheetSource = Pick<ExportedSource, 'id' | 'url' | 'title' | 'outlet' | 'publishedOn'>

/**
 * The part of a record the sheet's columns show: CSV and XLSX are written from this, so
 * their reads leave out what only the JSON carries. Every `ExportedClaim` is one.
 */
export type SheetClaim = Pick<
  ExportedClaim,
  | 'id'
  | 'text'
  | 'quote'
  | 'language'
  | 'claimedOn'
  | 'status'
  | 'verdict'
  | 'rationale'
  | 'tags'
  | 'sourceId'
  | 'checkedBy'
  | 'approvedBy'
  | 'verifiedAt'
  | 'permalink'
> & {
  speaker: Pick<ExportedSpeaker, 'name' | 'role'> | null
  evidence: { role: EvidenceRole; source: SheetSource }[]
}

/** One row of the sheet, before a format writes it: plain values, dates as Date. */
export type SheetRow = Record<SheetColumnKey, string | number | Date | null>

/** The claim's origin source: the evidence its `sourceId` names. */
export function originOf<S extends SheetSource>(record: {
  sourceId: number | null
  evidence: { role: EvidenceRole; source: S }[]
}): S | null {
  return record.evidence.find((e) => e.role === 'origin' && e.source.id === record.sourceId)?.source ?? null
}

/** A calendar date as a Date at midnight UTC, so a spreadsheet shows the same day everywhere. */
function calendarDate(value: string | null) {
  return value ? new Date(`${value}T00:00:00Z`) : null
}

/**
 * A record as a sheet row. CSV carries status and verdict as codes (for scripts), XLSX
 * as the desk's labels (for people); the importer reads both.
 */
export function sheetRowOf(record: SheetClaim, words: 'codes' | 'labels'): SheetRow {
  const origin = originOf(record)
  const evidenceUrls = record.evidence
    .filter((e) => e.source.id !== record.sourceId || e.role !== 'origin')
    .flatMap((e) => (e.source.url ? [e.source.url] : []))
  return {
    id: record.id,
    claim: record.text,
    quote: record.quote,
    language: record.language,
    speaker: record.speaker?.name ?? null,
    speaker_role: record.speaker?.role ?? null,
    source_title: origin?.title ?? null,
    outlet: origin?.outlet ?? null,
    source_url: origin?.url ?? null,
    published: calendarDate(origin?.publishedOn ?? null),
    claimed_on: calendarDate(record.claimedOn),
    status: words === 'codes' ? record.status : statusLabels[record.status],
    verdict: record.verdict && (words === 'codes' ? record.verdict : verdictLabels[record.verdict]),
    rationale: record.rationale,
    evidence_urls: [...new Set(evidenceUrls)].join('\n') || null,
    tags: record.tags.join(', ') || null,
    checked_by: record.checkedBy,
    approved_by: record.approvedBy,
    verified_at: record.verifiedAt ? new Date(record.verifiedAt) : null,
    permalink: record.permalink,
  }
}
