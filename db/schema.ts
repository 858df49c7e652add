// The whole Claim desk schema. Instants are stored as integer milliseconds; calendar
// dates a person reads off a page (claimed on, published on) as ISO `YYYY-MM-DD` text,
// because they have no time zone and must not shift when the server's does.
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import {
  annotationKinds,
  auditActions,
  claimStatuses,
  evidenceRoles,
  importFormats,
  linkTypes,
  roles,
  sourceKinds,
  speakerKinds,
  stagedImportStatuses,
  verdicts,
} from '../app/domain/vocabulary.ts'

export * from '../app/domain/vocabulary.ts'

/** `col in ('a','b')` for a CHECK constraint; values are our own constants, never user input. */
function oneOf(column: AnySQLiteColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`
}

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
const deletedAt = () => integer('deleted_at', { mode: 'timestamp_ms' })

export const users = sqliteTable(
  'users',
  {
    // Text ids: lucia's adapter expects them, and they do not leak how many users exist.
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull().default('viewer'),
    passwordHash: text('password_hash').notNull(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_check', oneOf(t.role, roles))],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Seconds since the epoch, as lucia's drizzle adapter reads and writes it.
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const speakers = sqliteTable(
  'speakers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: speakerKinds }).notNull().default('person'),
    role: text('role'),
    organisation: text('organisation'),
    country: text('country'),
    wikidataId: text('wikidata_id'),
    version: integer('version').notNull().default(1),
    createdById: text('created_by').references(() => users.id),
    updatedById: text('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Set when a speaker is merged into another; the merged speaker keeps its row.
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => speakers.id),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('speakers_name_idx').on(t.name),
    check('speakers_kind_check', oneOf(t.kind, speakerKinds)),
    check('speakers_wikidata_check', sql`${t.wikidataId} is null or ${t.wikidataId} glob 'Q[0-9]*'`),
  ],
)

export const speakerAliases = sqliteTable(
  'speaker_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    speakerId: integer('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    // Lower-cased, diacritics and punctuation folded: what lookups compare against.
    aliasKey: text('alias_key').notNull(),
  },
  (t) => [
    uniqueIndex('speaker_aliases_unique').on(t.speakerId, t.alias),
    index('speaker_aliases_key_idx').on(t.aliasKey),
  ],
)

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Normalised (see app/domain/urls.ts); unique when present.
    url: text('url'),
    title: text('title').notNull(),
    outlet: text('outlet'),
    author: text('author'),
    publishedOn: text('published_on'),
    language: text('language'),
    kind: text('kind', { enum: sourceKinds }).notNull().default('article'),
    excerpt: text('excerpt'),
    archiveUrl: text('archive_url'),
    retrievedOn: text('retrieved_on'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdById: text('created_by').references(() => users.id),
    updatedById: text('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('sources_url_unique').on(t.url),
    index('sources_outlet_idx').on(t.outlet),
    index('sources_title_idx').on(t.title),
    check('sources_kind_check', oneOf(t.kind, sourceKinds)),
  ],
)

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    text: text('text').notNull(),
    quote: text('quote'),
    language: text('language').notNull().default('de'),
    speakerId: integer('speaker_id').references(() => speakers.id),
    // Where the claim first appeared.
    sourceId: integer('source_id').references(() => sources.id),
    claimedOn: text('claimed_on'),
    assigneeId: text('assignee_id').references(() => users.id),
    status: text('status', { enum: claimStatuses }).notNull().default('new'),
    verdict: text('verdict', { enum: verdicts }),
    rationale: text('rationale'),
    submittedById: text('submitted_by').references(() => users.id),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    approvedById: text('approved_by').references(() => users.id),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    // Optimistic locking: every write bumps it and must name the version it started from.
    version: integer('version').notNull().default(1),
    createdById: text('created_by').references(() => users.id),
    updatedById: text('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    deletedById: text('deleted_by').references(() => users.id),
  },
  (t) => [
    index('claims_updated_idx').on(t.deletedAt, t.updatedAt),
    index('claims_created_idx').on(t.deletedAt, t.createdAt),
    // Each list filter with the list's own condition (live claims) and order in one range,
    // so a filtered page and its count never visit a trashed claim or sort (bench/, decision 011).
    index('claims_status_idx').on(t.status, t.deletedAt, t.updatedAt),
    index('claims_verdict_idx').on(t.verdict, t.deletedAt, t.updatedAt),
    index('claims_speaker_idx').on(t.speakerId, t.deletedAt, t.updatedAt),
    index('claims_source_idx').on(t.sourceId, t.deletedAt, t.updatedAt),
    index('claims_assignee_idx').on(t.assigneeId, t.deletedAt, t.updatedAt),
    index('claims_claimed_on_idx').on(t.claimedOn),
    check('claims_status_check', oneOf(t.status, claimStatuses)),
    check('claims_verdict_check', sql`${t.verdict} is null or ${oneOf(t.verdict, verdicts)}`),
    check('claims_text_check', sql`length(trim(${t.text})) > 0`),
    // A claim whose check is complete always carries its verdict and why.
    check(
      'claims_verified_check',
      sql`${t.status} <> 'verified' or (${t.verdict} is not null and ${t.rationale} is not null)`,
    ),
  ],
)

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('tags_name_unique').on(t.name)],
)

export const claimTags = sqliteTable(
  'claim_tags',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.tagId] }), index('claim_tags_tag_idx').on(t.tagId)],
)

export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    role: text('role', { enum: evidenceRoles }).notNull(),
    note: text('note'),
    createdById: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
    deletedById: text('deleted_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('evidence_unique')
      .on(t.claimId, t.sourceId, t.role)
      .where(sql`deleted_at is null`),
    index('evidence_source_idx').on(t.sourceId),
    check('evidence_role_check', oneOf(t.role, evidenceRoles)),
  ],
)

export const claimLinks = sqliteTable(
  'claim_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromClaimId: integer('from_claim_id')
      .notNull()
      .references(() => claims.id),
    toClaimId: integer('to_claim_id')
      .notNull()
      .references(() => claims.id),
    type: text('type', { enum: linkTypes }).notNull(),
    note: text('note'),
    createdById: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
    deletedById: text('deleted_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('claim_links_unique')
      .on(t.fromClaimId, t.toClaimId, t.type)
      .where(sql`deleted_at is null`),
    index('claim_links_to_idx').on(t.toClaimId),
    check('claim_links_type_check', oneOf(t.type, linkTypes)),
    check('claim_links_no_self_check', sql`${t.fromClaimId} <> ${t.toClaimId}`),
  ],
)

export const annotations = sqliteTable(
  'annotations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id').references(() => claims.id),
    sourceId: integer('source_id').references(() => sources.id),
    parentId: integer('parent_id').references((): AnySQLiteColumn => annotations.id),
    kind: text('kind', { enum: annotationKinds }).notNull().default('note'),
    body: text('body').notNull(),
    // W3C Web Annotation TextQuoteSelector + TextPositionSelector for spans of a
    // source excerpt, so an annotation can be re-anchored after the excerpt changes.
    exact: text('exact'),
    prefix: text('prefix'),
    suffix: text('suffix'),
    startOffset: integer('start_offset'),
    endOffset: integer('end_offset'),
    orphanedAt: integer('orphaned_at', { mode: 'timestamp_ms' }),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedById: text('resolved_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdById: text('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('annotations_claim_idx').on(t.claimId),
    index('annotations_source_idx').on(t.sourceId),
    index('annotations_parent_idx').on(t.parentId),
    check('annotations_kind_check', oneOf(t.kind, annotationKinds)),
    check('annotations_target_check', sql`${t.claimId} is not null or ${t.sourceId} is not null`),
  ],
)

export const claimEvents = sqliteTable(
  'claim_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id),
    actorId: text('actor_id').references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    // e.g. created, updated, deleted, restored, status_changed, evidence_added …
    type: text('type').notNull(),
    // JSON objects holding only the fields that changed.
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [
    index('claim_events_claim_idx').on(t.claimId, t.at),
    index('claim_events_at_idx').on(t.at),
    // The activity page filters by what happened and by who, newest first.
    index('claim_events_type_idx').on(t.type, t.at),
    index('claim_events_actor_idx').on(t.actorId, t.at),
  ],
)

/**
 * An editor's named claims-list query. The query is the list's URL query string (no
 * paging), so opening a view is opening that URL and a view can never drift from
 * what the list understands.
 */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    // One live view per name and person; a deleted view frees its name.
    uniqueIndex('saved_views_owner_name_unique')
      .on(t.ownerId, sql`${t.name} collate nocase`)
      .where(sql`${t.deletedAt} is null`),
  ],
)

/**
 * An uploaded import file, parsed once and kept until its uploader imports or discards
 * it (decision 015): the preview, a changed column mapping and the import itself all read
 * these rows instead of the file. `rows` is cleared once the import ends; the report
 * (counts, every row's problems, what would be matched or created) stays for the record.
 */
export const stagedImports = sqliteTable(
  'staged_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: importFormats }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    rowCount: integer('row_count').notNull(),
    // The sheet's header row (empty for JSON) and the parsed rows, as
    // app/domain/import/read-file.server.ts produced them.
    headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
    rows: text('rows', { mode: 'json' }).$type<unknown[]>(),
    // Claim field → column index, for CSV and XLSX; null for JSON.
    mapping: text('mapping', { mode: 'json' }).$type<Record<string, number | null>>(),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: stagedImportStatuses }).notNull().default('staged'),
    committedAt: integer('committed_at', { mode: 'timestamp_ms' }),
    createdClaimCount: integer('created_claim_count'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('staged_imports_owner_idx').on(t.ownerId, t.createdAt),
    check('staged_imports_format_check', oneOf(t.format, importFormats)),
    check('staged_imports_status_check', oneOf(t.status, stagedImportStatuses)),
  ],
)

/**
 * Who signed in, failed to, or changed someone's account, and from where (decision 019).
 * Append-only; kept apart from claim history because it concerns people, not claims.
 * `email` is what was typed at the login form, so failed attempts on unknown
 * addresses are recorded too; `actorId` is who acted, `subjectId` whose account it was.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    action: text('action', { enum: auditActions }).notNull(),
    actorId: text('actor_id').references(() => users.id),
    subjectId: text('subject_id').references(() => users.id),
    email: text('email'),
    ip: text('ip'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [
    // The page lists newest first by id; SQLite keeps the id in every index, so one
    // action's events come out of its index already in that order.
    index('audit_events_action_idx').on(t.action),
    index('audit_events_subject_idx').on(t.subjectId),
    check('audit_events_action_check', oneOf(t.action, auditActions)),
  ],
)

/**
 * Failed sign-in counters, per account and per address, in the layout
 * rate-limiter-flexible's SQLite store reads and writes (app/auth/login-throttle.server.ts);
 * kept in the database so a restart does not hand an attacker fresh attempts.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  // Milliseconds since the epoch, as the library writes it.
  expire: integer('expire'),
})
