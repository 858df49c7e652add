// What an import would do to the desk: for every row, which speaker and sources it means
// (already on the desk, or new), whether it repeats a claim, and what the desk's rules say
// about it. The preview shows this plan and the import carries out the same plan, made
// again inside the import's transaction, so what the editor checked is what happens.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { claims, sources, speakerAliases, speakers } from '#db/schema.ts'
import type { DbOrTx } from '#db/types.ts'
import { shorten } from '#app/utils/format.ts'
import { groupBy } from '#app/utils/lists.ts'
import { duplicateLoop, duplicateLoopMessage, pairConflict, type LinkEnds } from '../link-rules.ts'
import { listInWords, missingForReview, verdictEvidenceRoles } from '../review.server.ts'
import { foldForMatching } from '../text.ts'
import type { ImportFormat } from '../vocabulary.ts'
import type { SheetRow } from './cells.ts'
import type { ColumnMapping } from './fields.ts'
import { yieldToEventLoop, type ParsedImport } from './read-file.server.ts'
import { previewClaimCount, problemRows, reportListLimit, type ImportReport } from './report.ts'
import {
  readExportedClaim,
  readSheetRow,
  titleKey,
  type CandidateSource,
  type CandidateSpeaker,
  type ImportClaim,
  type ImportProblem,
} from './rows.ts'

/** Every row read on its own: the claims it describes and the problems of the others. */
export type RowsCheck = { format: ImportFormat; rowCount: number; claims: ImportClaim[]; problems: ImportProblem[] }

/** Rows checked between two looks at the event loop, so a long check lets progress through. */
const rowsPerSlice = 5000

export async function checkRows(
  parsed: ParsedImport,
  mapping: ColumnMapping | null,
  onProgress?: (rowsChecked: number) => void,
): Promise<RowsCheck> {
  const found: ImportClaim[] = []
  const problems: ImportProblem[] = []
  const rows = parsed.rows
  for (let i = 0; i < rows.length; i++) {
    const check =
      parsed.format === 'json'
        ? readExportedClaim(rows[i], i + 1)
        : readSheetRow(rows[i] as SheetRow, parsed.headers, mapping!)
    if (check.claim) found.push(check.claim)
    for (const problem of check.problems) problems.push(problem)
    if ((i + 1) % rowsPerSlice === 0) {
      onProgress?.(i + 1)
      await yieldToEventLoop()
    }
  }
  // Blank sheet rows were left out when the file was read: every row here counts.
  return { format: parsed.format, rowCount: rows.length, claims: found, problems }
}

export type SpeakerPlan = {
  candidate: CandidateSpeaker
  /** The desk's speaker the rows mean, and the spelling (or Wikidata id) that found them. */
  match: { id: number; name: string; by: string } | null
  rowCount: number
  problem: string | null
}

export type SourcePlan = {
  candidate: CandidateSource
  match: { id: number; title: string } | null
  rowCount: number
  problem: string | null
}

/** A claim the desk already has (live, same words, same speaker) or an earlier row of the file. */
export type DuplicateOf = { claimId: number; text: string } | { row: number }

export type SkippedLink = { row: number; type: string; to: number; reason: string }

export type ImportPlan = {
  format: ImportFormat
  rowCount: number
  /** The rows that describe a claim, in file order. */
  claims: ImportClaim[]
  /** Every problem, in file order; the import is refused while there is one. */
  problems: ImportProblem[]
  speakers: Map<string, SpeakerPlan>
  sources: Map<string, SourcePlan>
  /** The rows that repeat a claim, and which. */
  duplicates: Map<ImportClaim, DuplicateOf>
}

/**
 * `column in (…)` over any number of values as one bound JSON text: one query for every
 * URL of a 100k-row file, still answered from the column's index.
 */
function inList(column: SQLiteColumn, values: string[]) {
  return inArray(column, sql`(select value from json_each(${JSON.stringify(values)}))`)
}

type DeskSpeaker = { id: number; name: string }

const speakerNamed = (s: DeskSpeaker) => `#${s.id} ${s.name}`

/** How a row names a speaker in messages: the JSON export's id tells two same-named ones apart. */
function speakerLabel(candidate: CandidateSpeaker) {
  return candidate.key.startsWith('id:')
    ? `“${candidate.name}” (speaker ${candidate.key.slice(3)} in the file)`
    : `“${candidate.name}”`
}

/**
 * The desk's speaker each planned speaker means: by Wikidata id (a JSON export carries
 * it), otherwise by the name or any alias, folded as the speaker fields fold them
 * (decision 005). Spellings that point at two speakers leave the choice to the editor.
 * Speakers the import adds may not share a spelling either. Every spelling of the file
 * is looked up in one query.
 */
function resolveSpeakers(tx: DbOrTx, plans: Map<string, SpeakerPlan>) {
  const live = and(isNull(speakers.deletedAt), isNull(speakers.mergedIntoId))
  const spellingsOf = (c: CandidateSpeaker) =>
    [c.name, ...c.aliases].map((spelling) => ({ spelling, key: foldForMatching(spelling) })).filter((s) => s.key)
  const keys = new Set<string>()
  const qids = new Set<string>()
  for (const { candidate } of plans.values()) {
    for (const { key } of spellingsOf(candidate)) keys.add(key)
    if (candidate.wikidataId) qids.add(candidate.wikidataId)
  }
  const bySpelling = groupBy(
    tx
      .selectDistinct({ key: speakerAliases.aliasKey, id: speakers.id, name: speakers.name })
      .from(speakerAliases)
      .innerJoin(speakers, eq(speakers.id, speakerAliases.speakerId))
      .where(and(inList(speakerAliases.aliasKey, [...keys]), live))
      .all(),
    (s) => s.key,
  )
  const byQid = groupBy(
    qids.size === 0
      ? []
      : tx
          .select({ qid: speakers.wikidataId, id: speakers.id, name: speakers.name })
          .from(speakers)
          .where(and(inList(speakers.wikidataId, [...qids]), live))
          .all(),
    (s) => s.qid,
  )
  const newSpellings = new Map<string, SpeakerPlan>()
  for (const plan of plans.values()) {
    const { candidate } = plan
    const withQid = candidate.wikidataId ? (byQid.get(candidate.wikidataId) ?? []) : []
    if (withQid.length === 1) {
      plan.match = { id: withQid[0]!.id, name: withQid[0]!.name, by: `Wikidata id ${candidate.wikidataId}` }
      continue
    }
    const found = new Map<number, DeskSpeaker & { by: string }>()
    for (const { spelling, key } of spellingsOf(candidate)) {
      for (const { id, name } of bySpelling.get(key) ?? [])
        if (!found.has(id)) found.set(id, { id, name, by: spelling })
    }
    const matches = [...found.values()]
    if (matches.length === 1) {
      plan.match = matches[0]!
    } else if (matches.length > 1) {
      plan.problem = `${speakerLabel(candidate)} could be ${listInWords(matches.map(speakerNamed))} on the desk. Write the name as one of them is spelled, or merge the speakers first.`
    } else {
      for (const { spelling, key } of spellingsOf(candidate)) {
        const other = newSpellings.get(key)
        if (other && other !== plan) {
          plan.problem = `${speakerLabel(candidate)} shares the spelling “${spelling}” with ${speakerLabel(other.candidate)}; one spelling can name one speaker only.`
          break
        }
        newSpellings.set(key, plan)
      }
    }
  }
}

/**
 * The desk's source each planned source means: by its normalised URL, or, without one, by
 * title and outlet (in any case and spacing). A URL of a deleted source cannot be used
 * again (URLs are unique), and a title that names several sources needs the URL.
 */
function resolveSources(tx: DbOrTx, plans: Map<string, SourcePlan>) {
  const urls: string[] = []
  let titled = false
  for (const { candidate } of plans.values()) {
    if (candidate.url) urls.push(candidate.url)
    else titled = true
  }
  const byUrl = new Map(
    tx
      .select({ url: sources.url, id: sources.id, title: sources.title, deletedAt: sources.deletedAt })
      .from(sources)
      .where(inList(sources.url, urls))
      .all()
      .map(({ url, ...source }) => [url!, source]),
  )
  // Titles are compared folded, which no index holds: the desk's sources are read once.
  const byTitle = titled
    ? groupBy(
        tx
          .select({ id: sources.id, title: sources.title, outlet: sources.outlet })
          .from(sources)
          .where(isNull(sources.deletedAt))
          .all(),
        (s) => titleKey(s.title, s.outlet),
      )
    : new Map<string, Array<{ id: number; title: string }>>()
  for (const plan of plans.values()) {
    const { candidate } = plan
    if (candidate.url) {
      const known = byUrl.get(candidate.url)
      if (known?.deletedAt) {
        plan.problem = `The URL ${candidate.url} belongs to source #${known.id} “${known.title}”, which was deleted. Leave the URL out, or ask an admin to restore the source.`
      } else if (known) {
        plan.match = { id: known.id, title: known.title }
      }
      continue
    }
    const named = byTitle.get(titleKey(candidate.title, candidate.outlet)) ?? []
    if (named.length === 1) plan.match = { id: named[0]!.id, title: named[0]!.title }
    if (named.length > 1) {
      plan.problem = `Several sources on the desk are titled “${candidate.title}” (${listInWords(named.map((s) => `#${s.id}`))}). Add the source URL so the import knows which.`
    }
  }
}

/**
 * What the review workflow (review.server.ts) asks of a claim in this status. A verified
 * claim carries its verdict and why, as the desk's check constraint demands; its evidence
 * was approved on the desk it comes from and a sheet may not list it. A claim in review
 * needs its evidence too: the colleague who approves it reads it.
 */
function statusProblem(claim: ImportClaim): string | null {
  if (claim.status !== 'verified' && claim.status !== 'in_review') return null
  const verdictEvidence = claim.evidence.filter((e) => verdictEvidenceRoles.includes(e.role)).length
  const missing = missingForReview({
    status: claim.status,
    verdict: claim.verdict,
    rationale: claim.rationale,
    submittedById: null,
    verdictEvidence: claim.status === 'verified' ? 1 : verdictEvidence,
  })
  if (missing.length === 0) return null
  const them = missing.length > 1 ? 'them' : 'it'
  if (claim.status === 'verified')
    return `A verified claim needs ${listInWords(missing)}. Add ${them}, or give an earlier status.`
  const hint = claim.fileId === null && verdictEvidence === 0 ? ' (evidence comes from the Evidence URLs column)' : ''
  return `A claim in review needs ${listInWords(missing)}${hint}. Add ${them}, or set the status to researching.`
}

/**
 * The plan for checked rows against the desk as it is now (pass a transaction to plan
 * and write in one). Problems found here join the rows' own, in file order.
 */
export function planImport(tx: DbOrTx, check: RowsCheck): ImportPlan {
  const speakerPlans = new Map<string, SpeakerPlan>()
  const sourcePlans = new Map<string, SourcePlan>()
  for (const claim of check.claims) {
    if (claim.speaker) {
      const plan = speakerPlans.get(claim.speaker.key)
      if (plan) plan.rowCount++
      else speakerPlans.set(claim.speaker.key, { candidate: claim.speaker, match: null, rowCount: 1, problem: null })
    }
    claim.evidence.forEach(({ source }, index) => {
      // A row names a source once however many roles it plays.
      if (claim.evidence.findIndex((e) => e.source.key === source.key) < index) return
      const plan = sourcePlans.get(source.key)
      if (!plan) sourcePlans.set(source.key, { candidate: source, match: null, rowCount: 1, problem: null })
      else {
        plan.rowCount++
        // Known by its URL in one row, titled in another: a new source gets the title.
        if (plan.candidate.titledByUrl && !source.titledByUrl) plan.candidate = source
      }
    })
  }
  resolveSpeakers(tx, speakerPlans)
  resolveSources(tx, sourcePlans)

  const problems = [...check.problems]
  const troubled = new Set<ImportClaim>()
  const rowProblem = (claim: ImportClaim, column: string | null, message: string) => {
    problems.push({ row: claim.row, column, message })
    troubled.add(claim)
  }
  for (const claim of check.claims) {
    const speakerProblem = claim.speaker ? speakerPlans.get(claim.speaker.key)!.problem : null
    if (speakerProblem) rowProblem(claim, claim.columns.speaker, speakerProblem)
    for (const { source, role } of claim.evidence) {
      const sourceProblem = sourcePlans.get(source.key)!.problem
      if (sourceProblem)
        rowProblem(claim, role === 'origin' ? claim.columns.source : claim.columns.evidence, sourceProblem)
    }
    const problem = statusProblem(claim)
    if (problem) rowProblem(claim, claim.columns.status, problem)
  }
  if (check.format === 'json') {
    for (const { claim, column, message } of linkProblems(check.claims)) rowProblem(claim, column, message)
  }

  return {
    format: check.format,
    rowCount: check.rowCount,
    claims: check.claims,
    problems: problems.sort((a, b) => a.row - b.row),
    speakers: speakerPlans,
    sources: sourcePlans,
    duplicates: findDuplicates(tx, check.claims, speakerPlans, troubled),
  }
}

/**
 * A row repeats a claim when its words fold to the same text (case, accents and
 * punctuation aside) and it names the same speaker, or one of the two names none. The
 * desk's live claims are asked first, then the rows above it in the file. The desk's
 * claims are folded once, and only when the desk has any.
 */
function findDuplicates(
  tx: DbOrTx,
  rows: ImportClaim[],
  speakerPlans: Map<string, SpeakerPlan>,
  troubled: Set<ImportClaim>,
) {
  const duplicates = new Map<ImportClaim, DuplicateOf>()
  const onDesk = groupBy(
    tx
      .select({ id: claims.id, text: claims.text, speakerId: claims.speakerId })
      .from(claims)
      .where(isNull(claims.deletedAt))
      .all(),
    (c) => foldForMatching(c.text),
  )
  const earlier = new Map<string, Array<{ row: number; speaker: string | null }>>()
  for (const claim of rows) {
    if (troubled.has(claim)) continue
    const words = foldForMatching(claim.text)
    const speakerPlan = claim.speaker ? speakerPlans.get(claim.speaker.key) : undefined
    const deskSpeakerId = speakerPlan?.match?.id ?? null
    const speaker = speakerPlan
      ? speakerPlan.match
        ? `desk:${speakerPlan.match.id}`
        : `new:${claim.speaker!.key}`
      : null
    const same = onDesk.get(words)?.find((c) => !speaker || c.speakerId === null || c.speakerId === deskSpeakerId)
    const before = earlier.get(words)
    const sameBefore = same ? undefined : before?.find((b) => !speaker || !b.speaker || b.speaker === speaker)
    if (same) duplicates.set(claim, { claimId: same.id, text: same.text })
    else if (sameBefore) duplicates.set(claim, { row: sameBefore.row })
    if (before) before.push({ row: claim.row, speaker })
    else earlier.set(words, [{ row: claim.row, speaker }])
  }
  return duplicates
}

/**
 * The links of a JSON export checked by the rules links follow on the desk (link-rules.ts):
 * no self links, nothing twice, no pairs that contradict each other, one canonical claim
 * per duplicate, no loops of duplicates. A link to a claim the file does not hold is not a
 * problem: it is skipped, and the preview lists it (see `plannedLinks`).
 */
function linkProblems(rows: ImportClaim[]) {
  const problems: Array<{ claim: ImportClaim; column: string; message: string }> = []
  const inFile = new Set(rows.map((c) => c.fileId))
  const accepted = new Map<string, LinkEnds[]>()
  const canonical = new Map<number, number>()
  const pair = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`)
  for (const claim of rows) {
    claim.links.forEach((link, index) => {
      const column = `links[${index}]`
      const from = claim.fileId!
      const refuse = (message: string) => problems.push({ claim, column, message })
      if (link.to === from) return refuse('A claim cannot be linked to itself.')
      if (!inFile.has(link.to)) return
      const proposed = { fromClaimId: from, toClaimId: link.to, type: link.type }
      const between = accepted.get(pair(from, link.to)) ?? []
      const conflict = pairConflict(proposed, between)
      if (conflict) return refuse(`${conflict} (Numbers are the claims’ ids in the file.)`)
      if (link.type === 'duplicate_of') {
        if (canonical.has(from)) {
          return refuse(
            `This claim is already a duplicate of ${canonical.get(from)}; a duplicate has one canonical claim.`,
          )
        }
        const loop = duplicateLoop(from, link.to, (id) => canonical.get(id))
        if (loop) return refuse(`${duplicateLoopMessage(loop)} (Numbers are the claims’ ids in the file.)`)
        canonical.set(from, link.to)
      }
      accepted.set(pair(from, link.to), [...between, proposed])
    })
  }
  return problems
}

/** Which claims of a plan are imported: all, or all but the duplicates. */
export function importedClaims(plan: ImportPlan, includeDuplicates: boolean) {
  return includeDuplicates || plan.duplicates.size === 0
    ? plan.claims
    : plan.claims.filter((c) => !plan.duplicates.has(c))
}

/**
 * The links the import makes between the claims it imports, and those it leaves out,
 * each with why: the other claim is not in the file, or is a duplicate left out.
 */
export function plannedLinks(plan: ImportPlan, includeDuplicates: boolean) {
  const kept: Array<{ from: number; to: number; type: LinkEnds['type']; note: string | null }> = []
  const skipped: SkippedLink[] = []
  if (plan.format !== 'json') return { kept, skipped }
  const imported = new Set(importedClaims(plan, includeDuplicates).map((c) => c.fileId))
  const inFile = new Set(plan.claims.map((c) => c.fileId))
  for (const claim of plan.claims) {
    for (const link of claim.links) {
      const skip = (reason: string) => skipped.push({ row: claim.row, type: link.type, to: link.to, reason })
      if (!inFile.has(link.to)) skip('The other claim is not in the file.')
      else if (!imported.has(claim.fileId)) skip('This claim is a duplicate and is not imported.')
      else if (!imported.has(link.to)) skip('The other claim is a duplicate and is not imported.')
      else kept.push({ from: claim.fileId!, to: link.to, type: link.type, note: link.note })
    }
  }
  return { kept, skipped }
}

/** The plan as the preview shows it and the staged import stores it. */
export function reportOf(plan: ImportPlan, notes: string[], checkedAt = new Date()): ImportReport {
  const rows = importedClaims(plan, false)
  const speakerList = new Set<SpeakerPlan>()
  const sourceList = new Set<SourcePlan>()
  let evidence = 0
  let contextEvidence = 0
  for (const claim of rows) {
    if (claim.speaker) speakerList.add(plan.speakers.get(claim.speaker.key)!)
    for (const item of claim.evidence) {
      sourceList.add(plan.sources.get(item.source.key)!)
      evidence++
      if (item.role === 'context') contextEvidence++
    }
  }
  const count = <T extends { match: unknown }>(list: Set<T>) => {
    let matched = 0
    for (const item of list) if (item.match) matched++
    return { matched, created: list.size - matched, listed: Math.min(list.size, reportListLimit) }
  }
  // New ones first: they are what an editor most wants to look at before importing.
  const listed = <T extends { match: unknown }>(list: Set<T>) =>
    [...list].sort((a, b) => Number(a.match !== null) - Number(b.match !== null)).slice(0, reportListLimit)
  const links = plannedLinks(plan, false)
  return {
    checkedAt: checkedAt.toISOString(),
    format: plan.format,
    notes,
    rowCount: plan.rowCount,
    problemRowCount: problemRows(plan.problems),
    problems: plan.problems,
    duplicates: [...plan.duplicates].map(([claim, of]) => ({ row: claim.row, text: shorten(claim.text, 160), of })),
    claimsToImport: rows.length,
    claimsWithDuplicates: plan.claims.length,
    speakers: {
      ...count(speakerList),
      list: listed(speakerList).map(({ candidate, match, rowCount }) => ({
        name: candidate.name,
        role: candidate.role,
        aliases: candidate.aliases,
        match,
        rowCount,
      })),
    },
    sources: {
      ...count(sourceList),
      titledByUrl: [...sourceList].filter((s) => !s.match && s.candidate.titledByUrl).length,
      list: listed(sourceList).map(({ candidate, match, rowCount }) => ({
        title: candidate.title,
        url: candidate.url,
        outlet: candidate.outlet,
        titledByUrl: candidate.titledByUrl,
        match,
        rowCount,
      })),
    },
    evidence,
    // A JSON export says what each source does; a sheet's evidence URLs do not.
    contextEvidence: plan.format === 'json' ? 0 : contextEvidence,
    links: { kept: links.kept.length, skipped: links.skipped },
    preview: rows.slice(0, previewClaimCount).map((c) => {
      const speaker = c.speaker ? plan.speakers.get(c.speaker.key)! : null
      const source = c.source ? plan.sources.get(c.source.key)! : null
      return {
        row: c.row,
        text: c.text,
        language: c.language,
        claimedOn: c.claimedOn,
        status: c.status,
        verdict: c.verdict,
        tags: c.tags,
        speaker: speaker
          ? { name: speaker.match?.name ?? speaker.candidate.name, id: speaker.match?.id ?? null }
          : null,
        source: source ? { title: source.match?.title ?? source.candidate.title, id: source.match?.id ?? null } : null,
        evidence: c.evidence.map((e) => ({
          role: e.role,
          title: plan.sources.get(e.source.key)?.match?.title ?? e.source.title,
        })),
      }
    }),
  }
}
