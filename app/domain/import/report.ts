// The preview of an import as it is stored with the staged file and shown: counts, every
// problem, the duplicates, and what the import would match or add. Plain data, so the
// page, the command line and the staged record all read the same thing.
import type { ClaimStatus, EvidenceRole, ImportFormat, Verdict } from '../vocabulary.ts'

/** What is wrong with a row: where the user finds it in their file, and what to do. */
export type ImportProblem = { row: number; column: string | null; message: string }

export type ReportedDuplicate = {
  row: number
  text: string
  of: { claimId: number; text: string } | { row: number }
}

export type ReportedSpeaker = {
  name: string
  role: string | null
  aliases: string[]
  match: { id: number; name: string; by: string } | null
  rowCount: number
}

export type ReportedSource = {
  title: string
  url: string | null
  outlet: string | null
  titledByUrl: boolean
  match: { id: number; title: string } | null
  rowCount: number
}

/** A claim as it will be stored: what the first rows of the preview show. */
export type PreviewClaim = {
  row: number
  text: string
  language: string
  claimedOn: string | null
  status: ClaimStatus
  verdict: Verdict | null
  tags: string[]
  speaker: { name: string; id: number | null } | null
  source: { title: string; id: number | null } | null
  evidence: Array<{ role: EvidenceRole; title: string }>
}

export type ImportReport = {
  checkedAt: string
  format: ImportFormat
  /** How the file was read (its delimiter, its encoding, who exported it). */
  notes: string[]
  rowCount: number
  problemRowCount: number
  problems: ImportProblem[]
  duplicates: ReportedDuplicate[]
  /** Claims the import adds when duplicates are left out, and when they are not. */
  claimsToImport: number
  claimsWithDuplicates: number
  speakers: { matched: number; created: number; list: ReportedSpeaker[]; listed: number }
  sources: { matched: number; created: number; titledByUrl: number; list: ReportedSource[]; listed: number }
  evidence: number
  /** Evidence URLs of a sheet, which say nothing of their role and are attached as context. */
  contextEvidence: number
  links: { kept: number; skipped: Array<{ row: number; type: string; to: number; reason: string }> }
  preview: PreviewClaim[]
  /** What the import wrote, once it ran. */
  imported?: { claims: number; speakersCreated: number; sourcesCreated: number; evidence: number; links: number }
}

/** At most this many speakers and sources are listed in the preview; the counts cover all. */
export const reportListLimit = 300
export const previewClaimCount = 10

/** Rows with at least one problem, for the preview's headline. */
export function problemRows(problems: ImportProblem[]) {
  return new Set(problems.map((p) => p.row)).size
}
