// What `npm run bench` measures: the app's own domain functions, each next to the raw SQL
// of the same query (hand-written, prepared once, returning the same rows), so the ratio is
// what drizzle and the app's own work cost on top of SQLite. Adding a case is one entry in
// the list `benchCases` returns.
//
// Imports the app, so DATABASE_URL must name the bench file before this module is loaded
// (bench/run.ts imports it dynamically after setting it).
import type Database from 'better-sqlite3'
import { getConnection } from '#db/client.ts'
import { listClaimNotes } from '#app/domain/annotations.server.ts'
import { getClaimDetail, listClaims } from '#app/domain/claims.server.ts'
import { listClaimEvents } from '#app/domain/history.server.ts'
import { duplicateCandidates, possibleDuplicatesOf } from '#app/domain/duplicates.server.ts'
import { canonicalClaimOf, claimNeighbourhood, suggestClaims } from '#app/domain/links.server.ts'
import { reviewOptionsFor } from '#app/domain/review.server.ts'
import { claimSearchMatch } from '#app/domain/search.server.ts'
import { numberVariants, toFtsQuery } from '#app/domain/search-query.ts'
import { fingerprintOf, rarestTerms, type IndexTerm } from '#app/domain/similarity.ts'
import { listActiveEditors } from '#app/domain/users.server.ts'
import { ClaimListQuerySchema, type ClaimListQuery } from '#app/validation/claim.ts'

/** A case's goal from DESIGN.md: a p95 in milliseconds, or a multiple of SQLite's own ranked FTS5 query. */
export type Target = { p95Ms: number } | { timesReference: number }

export type BenchCase<I = unknown> = {
  group: 'list' | 'search' | 'detail' | 'suggestions'
  name: string
  /** Varied on purpose: iterations cycle through them. */
  inputs: I[]
  app: (input: I) => unknown
  /** The same query in hand-written SQL; must return the same rows (`rowsOf` compares them). */
  raw: (input: I) => unknown
  /** SQLite's own ranked FTS5 query for the same words (STACK.md), when the target is relative to it. */
  reference?: (input: I) => unknown
  target: Target
  /** What must agree between app and raw: ids in order, by default. */
  rowsOf?: (result: unknown) => unknown
}

/** The app's ratio to its raw SQL may be at most this (DESIGN.md). */
export const maxOverhead = 3

const pageSize = 50

const listSelect = `
  select c.id, c.text, c.status, c.verdict, c.claimed_on as claimedOn, c.created_at as createdAt,
    c.updated_at as updatedAt, c.speaker_id as speakerId, sp.name as speakerName, c.source_id as sourceId,
    so.title as sourceTitle, so.outlet as sourceOutlet, a.name as assigneeName
  from claims c
  left join speakers sp on sp.id = c.speaker_id
  left join sources so on so.id = c.source_id
  left join users a on a.id = c.assignee_id`

type Filter = Partial<Pick<ClaimListQuery, 'status' | 'verdict' | 'speaker' | 'source' | 'tag' | 'assignee'>>

/** The list's filter as SQL and its parameters, written by hand. */
function filterSql(filter: Filter) {
  const where = ['c.deleted_at is null']
  const params: unknown[] = []
  const add = (clause: string, value?: unknown) => {
    where.push(clause)
    if (value !== undefined) params.push(value)
  }
  if (filter.status) add('c.status = ?', filter.status)
  if (filter.verdict) add('c.verdict = ?', filter.verdict)
  if (filter.speaker) add('c.speaker_id = ?', filter.speaker)
  if (filter.source) add('c.source_id = ?', filter.source)
  if (filter.assignee === 'none') add('c.assignee_id is null')
  else if (filter.assignee) add('c.assignee_id = ?', filter.assignee)
  if (filter.tag) {
    add('c.id in (select ct.claim_id from claim_tags ct join tags t on t.id = ct.tag_id where t.name = ?)', filter.tag)
  }
  return { where: where.join(' and '), params }
}

export function benchCases(): BenchCase<any>[] {
  const { sqlite } = getConnection()
  const statements = new Map<string, Database.Statement>()
  // Prepared once per distinct text, as a hand-tuned data layer would keep them.
  const prepared = (text: string) => {
    let statement = statements.get(text)
    if (!statement) statements.set(text, (statement = sqlite.prepare(text)))
    return statement
  }
  const all = <T = Record<string, unknown>>(text: string, ...params: unknown[]) => prepared(text).all(...params) as T[]
  const one = <T = Record<string, unknown>>(text: string, ...params: unknown[]) =>
    prepared(text).get(...params) as T | undefined
  const json = (ids: unknown[]) => JSON.stringify(ids)

  const tagsOf = (ids: number[]) =>
    all(
      `select ct.claim_id as claimId, t.name from claim_tags ct join tags t on t.id = ct.tag_id
       where ct.claim_id in (select value from json_each(?)) order by t.name`,
      json(ids),
    )
  const highlightsOf = (match: string, ids: number[]) =>
    all(
      `select rowid as id, highlight(claims_fts, 0, char(2), char(3)) as text,
         snippet(claims_fts, 1, char(2), char(3), '…', 12) as quote,
         snippet(claims_fts, 2, char(2), char(3), '…', 12) as speaker,
         snippet(claims_fts, 3, char(2), char(3), '…', 12) as source,
         snippet(claims_fts, 4, char(2), char(3), '…', 12) as notes
       from claims_fts where claims_fts match ? and rowid in (select value from json_each(?))`,
      match,
      json(ids),
    )
  const rowsById = (ids: number[]) => {
    const byId = new Map(
      all<{ id: number }>(`${listSelect} where c.id in (select value from json_each(?))`, json(ids)).map((r) => [
        r.id,
        r,
      ]),
    )
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined)
  }

  /** The list page in raw SQL: the page, the total and the page's tags (and, searching, the marked matches). */
  const rawList = (query: ClaimListQuery & { match?: string }) => {
    const { where, params } = filterSql(query)
    let rows: Array<{ id: number }>
    let total: number
    if (query.match && (query.sort ?? 'relevance') === 'relevance') {
      const ids = all<{ id: number }>(
        `select rowid as id from claims_fts where claims_fts match ?
           ${where !== 'c.deleted_at is null' ? `and exists (select 1 from claims c where ${where} and c.id = claims_fts.rowid)` : ''}
         order by rank limit ${pageSize + 1}`,
        query.match,
        ...params,
      )
        .slice(0, pageSize)
        .map((r) => r.id)
      rows = rowsById(ids)
    } else {
      const matchClause = query.match ? ' and c.id in (select rowid from claims_fts where claims_fts match ?)' : ''
      const column = query.sort === 'created' ? 'c.created_at' : 'c.updated_at'
      // Keyset paging, as the list does: the rows after the cursor (its time and id).
      const after = query.after ? ` and (${column}, c.id) ${query.order === 'asc' ? '>' : '<'} (?, ?)` : ''
      rows = all<{ id: number }>(
        `${listSelect} where ${where}${matchClause}${after} order by ${column} ${query.order}, c.id ${query.order} limit ${pageSize + 1}`,
        ...params,
        ...(query.match ? [query.match] : []),
        ...(query.after ? [query.after.key, query.after.id] : []),
      ).slice(0, pageSize)
    }
    const matchClause = query.match ? ' and c.id in (select rowid from claims_fts where claims_fts match ?)' : ''
    // The search index holds exactly the live claims: a search alone is counted there.
    total =
      query.match && where === 'c.deleted_at is null'
        ? one<{ n: number }>(`select count(*) as n from claims_fts where claims_fts match ?`, query.match)!.n
        : one<{ n: number }>(
            `select count(*) as n from claims c where ${where}${matchClause}`,
            ...params,
            ...(query.match ? [query.match] : []),
          )!.n
    const ids = rows.map((r) => r.id)
    return { rows, total, tags: tagsOf(ids), matches: query.match ? highlightsOf(query.match, ids) : null }
  }

  /** STACK.md's measure of what ranking costs: rank inside the FTS table, then fetch those rows. */
  const rankedFts = (match: string) =>
    rowsById(
      all<{ id: number }>(
        `select rowid as id from claims_fts where claims_fts match ? order by rank limit ${pageSize}`,
        match,
      ).map((r) => r.id),
    )

  const idsOf = (result: unknown) => (result as { rows: Array<{ id: number }> }).rows.map((r) => r.id)

  const listCase = (name: string, queries: Array<Record<string, unknown>>, p95Ms = 15): BenchCase<ClaimListQuery> => ({
    group: 'list',
    name,
    inputs: queries.map((q) => ClaimListQuerySchema.parse(q)),
    app: (query) => listClaims(query),
    raw: (query) => rawList(query),
    target: { p95Ms },
    rowsOf: idsOf,
  })

  type SearchInput = ClaimListQuery & { match: string }
  const searchCase = (
    name: string,
    queries: Array<Record<string, unknown>>,
    target: Target,
  ): BenchCase<SearchInput> => ({
    group: 'search',
    name,
    inputs: queries.map((q) => {
      const query = ClaimListQuerySchema.parse(q)
      const search = claimSearchMatch(query.q!)
      if (!('match' in search) || !search.match) throw new Error(`Not a search: ${query.q}`)
      return { ...query, match: search.match }
    }),
    app: ({ match: _match, ...query }) => listClaims(query),
    // The MATCH expression is the app's, worked out once: raw SQL is what the database has to do.
    raw: (query) => rawList(query),
    reference: (query) => rankedFts(query.match),
    target,
    rowsOf: idsOf,
  })

  // Inputs drawn from the generated desk itself, so they exist whatever the scale.
  const sample = <T>(text: string) => all<T>(text)
  const busySpeakers = sample<{ id: number }>(
    `select speaker_id as id from claims where speaker_id is not null group by speaker_id order by count(*) desc limit 3`,
  ).map((r) => r.id)
  const quietSpeakers = sample<{ id: number }>(
    `select speaker_id as id from claims where speaker_id is not null group by speaker_id having count(*) between 2 and 20 limit 3`,
  ).map((r) => r.id)
  const busySources = sample<{ id: number }>(
    `select source_id as id from claims where source_id is not null group by source_id order by count(*) desc limit 3`,
  ).map((r) => r.id)
  const quietSources = sample<{ id: number }>(
    `select source_id as id from claims where source_id is not null group by source_id having count(*) <= 3 limit 3`,
  ).map((r) => r.id)
  const tags = sample<{ name: string }>(`select name from tags order by id`).map((r) => r.name)
  const editors = sample<{ id: string; role: 'editor' | 'admin' }>(
    `select id, role from users where role <> 'viewer' order by email`,
  )
  const liveClaims = sample<{ id: number }>(`select id from claims where deleted_at is null order by id`).map(
    (r) => r.id,
  )
  const spread = (n: number) =>
    Array.from({ length: n }, (_, i) => liveClaims[Math.floor((i * liveClaims.length) / n)]!)
  const hubs = sample<{ id: number }>(
    `select to_claim_id as id from claim_links group by to_claim_id order by count(*) desc limit 3`,
  ).map((r) => r.id)
  const duplicates = sample<{ id: number }>(
    `select from_claim_id as id from claim_links where type = 'duplicate_of' order by id limit 4`,
  ).map((r) => r.id)
  const annotated = sample<{ id: number }>(
    `select claim_id as id from annotations where claim_id is not null group by claim_id order by count(*) desc limit 3`,
  ).map((r) => r.id)
  const editor = { id: editors[1]!.id, role: 'editor' as const }
  const statuses = ['new', 'researching', 'in_review', 'verified', 'rejected']
  const verdictNames = ['false', 'misleading', 'true', 'mixed', 'unverifiable']
  const page = Math.max(2, Math.floor(liveClaims.length / pageSize / 2))
  /** Where page `n` of a list starts: the keyset cursor of the last row before it. */
  const cursorBefore = (n: number, where = 'deleted_at is null') =>
    sample<{ key: number; id: number }>(
      `select updated_at as key, id from claims where ${where}
       order by updated_at desc, id desc limit 1 offset ${(n - 1) * pageSize - 1}`,
    ).map((c) => `${c.key}_${c.id}`)[0]

  /** Everything the claim page's loader (app/routes/claims.$claimId._index/route.tsx) reads, for an editor. */
  const claimPage = (id: number) => {
    const detail = getClaimDetail(id)
    return {
      ...detail,
      events: listClaimEvents(id),
      canonical: canonicalClaimOf(id),
      graph: claimNeighbourhood(id),
      review: reviewOptionsFor(detail.claim, detail.evidence, editor),
      editors: listActiveEditors(),
      notes: listClaimNotes(id, editor),
    }
  }
  const rawClaimPage = (id: number) => {
    const claim = one<Record<string, string | number | null>>(
      `select c.*, sp.name as speakerName, so.title as sourceTitle, so.url as sourceUrl, so.outlet as sourceOutlet
       from claims c left join speakers sp on sp.id = c.speaker_id left join sources so on so.id = c.source_id where c.id = ?`,
      id,
    )!
    const tagNames = tagsOf([id])
    const people = all(
      `select id, name from users where id in (select value from json_each(?))`,
      json(
        [claim.assignee_id, claim.created_by, claim.updated_by, claim.submitted_by, claim.approved_by].filter(Boolean),
      ),
    )
    const evidence = all(
      `select e.id, e.role, e.note, e.created_at, u.name as addedByName, s.id as sourceId, s.title, s.outlet, s.url, s.published_on
       from evidence e join sources s on s.id = e.source_id left join users u on u.id = e.created_by
       where e.claim_id = ? and e.deleted_at is null order by e.role = 'origin' desc, e.created_at, e.id`,
      id,
    )
    const linkColumns = `l.id, l.type, l.note, o.id as otherId, o.text as otherText, o.status as otherStatus,
      o.verdict as otherVerdict, o.deleted_at is not null as otherTrashed`
    const links = [
      ...all(
        `select ${linkColumns} from claim_links l join claims o on o.id = l.to_claim_id where l.from_claim_id = ? and l.deleted_at is null`,
        id,
      ),
      ...all(
        `select ${linkColumns} from claim_links l join claims o on o.id = l.from_claim_id where l.to_claim_id = ? and l.deleted_at is null`,
        id,
      ),
    ]
    const events = all(
      `select e.id, e.type, e.at, e.before, e.after, u.name as actorName from claim_events e
       left join users u on u.id = e.actor_id where e.claim_id = ? order by e.at desc, e.id desc`,
      id,
    )
    const duplicateOf = (claimId: number) =>
      one<{ id: number }>(
        `select to_claim_id as id from claim_links where from_claim_id = ? and type = 'duplicate_of' and deleted_at is null order by id limit 1`,
        claimId,
      )?.id
    let canonical = duplicateOf(id)
    const seen = new Set([id, canonical])
    for (let next = canonical && duplicateOf(canonical); next && !seen.has(next); next = duplicateOf(next)) {
      seen.add(next)
      canonical = next
    }
    const brief = `select id, text, status, verdict, deleted_at from claims`
    const canonicalClaim = canonical ? one(`${brief} where id = ?`, canonical) : null
    // The graph: the claim, its linked claims, theirs while there is room (25), the links among them.
    const touching = (ids: number[]) =>
      all<{ id: number; from: number; to: number }>(
        `with ids as (select value as id from json_each(?))
         select id, from_claim_id as "from", to_claim_id as "to", type from claim_links where deleted_at is null
         and (from_claim_id in ids or to_claim_id in ids) order by id`,
        json(ids),
      )
    const included = new Set([id])
    const ring = (links: Array<{ from: number; to: number }>) => {
      const candidates = [...new Set(links.flatMap((l) => [l.from, l.to]))].filter((c) => !included.has(c))
      const fresh = candidates.slice(0, Math.max(0, 25 - included.size) * 2)
      const live = new Set(
        all<{ id: number }>(
          `select id from claims where id in (select value from json_each(?)) and deleted_at is null`,
          json(fresh),
        ).map((r) => r.id),
      )
      const added = fresh.filter((c) => live.has(c)).slice(0, 25 - included.size)
      for (const c of added) included.add(c)
      return { added, truncated: fresh.length < candidates.length || added.length < live.size }
    }
    const first = ring(touching([id]))
    if (!first.truncated) ring(touching(first.added))
    const nodes = all(`${brief} where id in (select value from json_each(?))`, json([...included]))
    const edges = all(
      `with ids as (select value as id from json_each(?))
       select id, from_claim_id, to_claim_id, type from claim_links where deleted_at is null
       and from_claim_id in ids and to_claim_id in ids order by id`,
      json([...included]),
    )
    const editorsList = all(`select id, name from users where disabled_at is null and role <> 'viewer' order by name`)
    one(`select deleted_at from claims where id = ?`, id)
    const notes = all(
      `select n.*, au.name as authorName, re.name as resolvedByName from annotations n
       left join users au on au.id = n.created_by left join users re on re.id = n.resolved_by
       where n.claim_id = ? and n.deleted_at is null order by n.created_at, n.id`,
      id,
    )
    return {
      claim,
      tagNames,
      people,
      evidence,
      links,
      events,
      canonicalClaim,
      graph: { nodes, edges },
      editors: editorsList,
      notes,
    }
  }

  /** The link picker's query: the number typed, then claims whose words begin with the typed ones. */
  const suggestion = (q: string) => {
    const text = q.trim()
    const id = Number(/^#?\s*(\d{1,15})$/.exec(text)?.[1] ?? 0)
    const search = claimSearchMatch(`${text}*`)
    const matched =
      'match' in search && search.match
        ? all<{ id: number }>(
            `select rowid as id from claims_fts where claims_fts match ? order by rank limit 10`,
            search.match,
          ).map((r) => r.id)
        : []
    const ids = [...new Set([...(id ? [id] : []), ...matched])]
    const byId = new Map(
      all<{ id: number }>(
        `select id, text, status, verdict, deleted_at from claims
         where id in (select value from json_each(?)) and deleted_at is null`,
        json(ids),
      ).map((c) => [c.id, c]),
    )
    return ids
      .map((claimId) => byId.get(claimId))
      .filter((c) => c !== undefined)
      .slice(0, 10)
  }

  /**
   * The SQL behind possible duplicates: the draft's stems and numbers counted in the
   * index's vocabulary, candidates from the index by the rarest of them, the claims
   * already tied to this one, and the candidates' rows. Scoring them is the app's own
   * work on top, in TypeScript.
   */
  const rawDuplicates = (id: number) => {
    const claim = one<{ text: string }>(`select text from claims where id = ?`, id)!
    const { stems, numbers } = fingerprintOf(claim.text)
    if (stems.size === 0) return []
    const word = (term: string) =>
      one<{ n: number }>(`select doc as n from claims_fts_vocab where term = ?`, term)?.n ?? 0
    const counted: IndexTerm[] = [
      ...[...stems.keys()].map((stem) => ({
        term: stem,
        kind: 'stem' as const,
        claims:
          one<{ n: number | null }>(
            `select sum(doc) as n from claims_fts_vocab where term >= ? and term < ?`,
            stem,
            `${stem}\u{10FFFF}`,
          )?.n ?? 0,
      })),
      ...[...numbers].map((n) => ({
        term: n,
        kind: 'number' as const,
        claims: word(n) + numberVariants(n).reduce((sum, groups) => sum + Math.min(...groups.map(word)), 0),
      })),
    ]
    const chosen = rarestTerms(counted)
    if (chosen.length === 0) return []
    const terms = chosen.map((t) =>
      t.kind === 'stem' ? `"${t.term}"*` : toFtsQuery([{ words: [t.term], prefix: false, exclude: false }])!,
    )
    const candidates = all<{ id: number }>(
      `select rowid as id from claims_fts where claims_fts match ? order by rank limit ${duplicateCandidates + 1}`,
      `{text quote} : (${terms.join(' OR ')})`,
    ).map((r) => r.id)
    const linked = all<{ id: number }>(
      `select to_claim_id as id from claim_links where from_claim_id = ? and deleted_at is null
       union select from_claim_id from claim_links where to_claim_id = ? and deleted_at is null`,
      id,
      id,
    ).map((r) => r.id)
    all(
      `select from_claim_id as id from claim_links where type = 'duplicate_of' and deleted_at is null
       and to_claim_id in (select value from json_each(?)) limit 1000`,
      json(linked),
    )
    return all(
      `select c.id, c.text, c.status, c.verdict, c.speaker_id, sp.name from claims c
       left join speakers sp on sp.id = c.speaker_id
       where c.id in (select value from json_each(?)) and +c.deleted_at is null`,
      json(candidates),
    )
  }
  const duplicatesOf = (id: number) => {
    const claim = one<{ text: string; speakerId: number | null }>(
      `select text, speaker_id as speakerId from claims where id = ?`,
      id,
    )!
    return possibleDuplicatesOf({ text: claim.text, speakerId: claim.speakerId, claimId: id })
  }

  return [
    listCase('default page (latest change)', [{}]),
    listCase(
      'status filter',
      statuses.map((status) => ({ status })),
    ),
    listCase(
      'verdict filter',
      verdictNames.map((verdict) => ({ verdict })),
    ),
    listCase(
      'speaker filter',
      [...busySpeakers, ...quietSpeakers].map((speaker) => ({ speaker })),
    ),
    listCase(
      'source filter',
      [...busySources, ...quietSources].map((source) => ({ source })),
    ),
    listCase(
      'tag filter',
      tags.slice(0, 8).map((tag) => ({ tag })),
    ),
    listCase('assignee filter', [...editors.slice(0, 5).map((e) => ({ assignee: e.id })), { assignee: 'none' }]),
    listCase('sorted by created, both orders', [
      { sort: 'created' },
      { sort: 'created', order: 'asc' },
      { sort: 'updated', order: 'asc' },
    ]),
    listCase('status + verdict + tag', [
      { status: 'verified', verdict: 'false', tag: tags[0] },
      { status: 'researching', tag: tags[2] },
    ]),
    listCase(`deep page (page ${page}, keyset)`, [
      { after: cursorBefore(page) },
      {
        status: 'verified',
        after: cursorBefore(Math.max(2, Math.floor(page / 10)), "deleted_at is null and status = 'verified'"),
      },
    ]),

    searchCase('selective term, relevance', [{ q: 'Hwasong' }, { q: 'Kaliningrad' }, { q: 'Schoigu' }], {
      p95Ms: 20,
    }),
    searchCase('common term (a third), relevance', [{ q: 'Ukraine' }], { timesReference: 1.5 }),
    searchCase(
      'selective term + filter',
      [
        { q: 'Hwasong', status: 'verified' },
        { q: 'Kaliningrad', verdict: 'false' },
      ],
      { p95Ms: 20 },
    ),
    searchCase(
      'common term + filter',
      [
        { q: 'Ukraine', status: 'verified' },
        { q: 'Ukraine', speaker: busySpeakers[0] },
      ],
      { timesReference: 1.5 },
    ),
    searchCase('common term, newest first', [{ q: 'Ukraine', sort: 'updated' }], { timesReference: 1.5 }),
    searchCase('phrase', [{ q: '"nuclear weapons"' }, { q: '"ballistische Raketen"' }], { p95Ms: 20 }),
    searchCase('prefix', [{ q: 'Marschflug*' }, { q: 'missil*' }], { p95Ms: 20 }),

    {
      group: 'detail',
      name: 'claim page loader',
      inputs: [...spread(20), ...hubs, ...duplicates, ...annotated],
      app: claimPage,
      raw: rawClaimPage,
      target: { p95Ms: 10 },
      rowsOf: (r) => {
        const page = r as { events: unknown[]; evidence: unknown[]; links: unknown[]; graph: { nodes: unknown[] } }
        return [page.events.length, page.evidence.length, page.links.length, page.graph.nodes.length]
      },
    } satisfies BenchCase<number>,

    {
      group: 'suggestions',
      name: 'link target type-ahead',
      inputs: [
        'Hwasong',
        'Kaliningrad Container',
        'Inflation Polen',
        `#${liveClaims[100]}`,
        'drones Kyiv',
        'Quarkstrudel',
      ],
      app: (q: string) => suggestClaims(q),
      raw: suggestion,
      // DESIGN.md has no target for type-ahead; a ten-row list is held to the list page's.
      target: { p95Ms: 15 },
      rowsOf: (r) => (r as Array<{ id: number }>).map((c) => c.id),
    } satisfies BenchCase<string>,

    {
      group: 'suggestions',
      name: 'possible duplicates of a claim',
      inputs: [...spread(20), ...duplicates],
      app: duplicatesOf,
      raw: rawDuplicates,
      target: { p95Ms: 15 },
      // The app keeps the best few of the raw candidates after scoring: every one it keeps is among them.
      rowsOf: () => 'scored in the app',
    } satisfies BenchCase<number>,
  ]
}
