// Hostile input against every action and every loader that reads its URL's query, called
// as Remix calls them: whatever arrives, the answer is a 4xx with a message or a success,
// never a 500, a refused request writes nothing, and accepted text is stored as sent.
// fast-check prints the seed and the shrunk request of a failing run: rerun it with
// `fc.assert(..., { seed, path })` to reproduce.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addClaimNote, annotatePassage } from '#app/domain/annotations.server.ts'
import { createClaim, getClaim } from '#app/domain/claims.server.ts'
import { attachEvidence } from '#app/domain/evidence.server.ts'
import { openExport } from '#app/domain/export/files.server.ts'
import { stageImport } from '#app/domain/import/staging.server.ts'
import { linkClaims } from '#app/domain/links.server.ts'
import { deleteSavedView, listSavedViews, saveView } from '#app/domain/saved-views.server.ts'
import { createSource, getSource } from '#app/domain/sources.server.ts'
import { createSpeaker, getSpeaker } from '#app/domain/speakers.server.ts'
import { importFieldKeys } from '#app/domain/import/fields.ts'
import { ExportQuerySchema } from '#app/validation/export.ts'
import { getConnection } from '#db/client.ts'
import { makeUser, signedIn } from '#test/helpers/fixtures.ts'
import { answerOf, deskFingerprint, type Answer } from '#test/helpers/route-answers.ts'
import { asSent, hostileText, hostileValue, type FieldValue } from '#test/helpers/hostile-values.ts'

const editor = await signedIn('editor')
const admin = await signedIn('admin')
// Admin forms change this one's role and access; logging out ends this session, not the editor's.
const colleague = await makeUser('editor')
const leaving = await signedIn('viewer')
const { sqlite } = getConnection()

// --- The desk the requests land on -------------------------------------------------

const speakerId = createSpeaker({ name: 'Sergei Schoigu', kind: 'person', aliases: ['Sergej Schojgu'] }, editor.id)
const mergedSpeakerId = createSpeaker({ name: 'S. Schoigu', kind: 'person', aliases: [] }, editor.id)
const excerpt = 'Schoigu sagte im Kosmodrom Wostotschny, die Lieferungen seien abgeschlossen.'
const sourceId = createSource({ title: 'Besuch in Wostotschny', kind: 'article', excerpt }, editor.id)
const claimId = createClaim(
  { text: 'Die Lieferungen sind abgeschlossen.', language: 'de', tags: ['ruestung'] },
  editor.id,
)
const otherClaimId = createClaim({ text: 'Schoigu war in Wostotschny.', language: 'de', tags: [] }, editor.id)
const trashClaimId = createClaim(
  { text: 'Diese Behauptung landet im Papierkorb.', language: 'de', tags: [] },
  editor.id,
)
attachEvidence(
  claimId,
  { intent: 'attach-evidence', role: 'supports', sourceRef: `Besuch in Wostotschny (#${sourceId})` },
  editor.id,
)
linkClaims({ fromClaimId: claimId, toClaimId: otherClaimId, type: 'related', note: 'Gleicher Besuch' }, editor.id)
addClaimNote(claimId, { kind: 'question', body: 'Wer bestätigt das?' }, editor)
annotatePassage(sourceId, { intent: 'annotation-passage', kind: 'note', body: 'Ort?', passage: 'Kosmodrom' }, editor)
saveView(editor.id, { name: 'Rüstung', query: 'tag=ruestung' })
const importId = await stageImport(editor, {
  name: 'claims.csv',
  bytes: new TextEncoder().encode('claim,speaker\nDie Lieferungen sind abgeschlossen.,Sergei Schoigu\n'),
})

const lastId = (table: string) => (sqlite.prepare(`select max(id) as id from ${table}`).get() as { id: number }).id
const evidenceId = () => lastId('evidence')
const linkId = () => lastId('claim_links')
const claimNoteId = () =>
  (sqlite.prepare('select max(id) as id from annotations where claim_id = ?').get(claimId) as { id: number }).id
const sourceNoteId = () =>
  (sqlite.prepare('select max(id) as id from annotations where source_id = ?').get(sourceId) as { id: number }).id
const viewId = () => lastId('saved_views')
const versionOf = (table: string, id: number) =>
  String((sqlite.prepare(`select version from ${table} where id = ?`).get(id) as { version: number }).version)
const checkedAt = () =>
  (
    JSON.parse(
      (sqlite.prepare('select report from staged_imports where id = ?').get(importId) as { report: string }).report,
    ) as { checkedAt: string }
  ).checkedAt

// --- What a request did ------------------------------------------------------------

/** What a refused request tells the person: form and field errors, a message, a refusal. */
function messagesOf(body: unknown): string[] {
  if (typeof body === 'string') return body.trim() ? [body] : []
  if (!body || typeof body !== 'object') return []
  const b = body as Record<string, unknown>
  const result = b.result as { error?: Record<string, string[] | null> } | undefined
  return [
    ...Object.values(result?.error ?? {}).flatMap((m) => m ?? []),
    ...Object.values((b.errors ?? b.filterErrors ?? {}) as Record<string, string[]>).flat(),
    ...[b.message, b.refusal, typeof b.error === 'string' ? b.error : null],
    ...Object.values(b.error && typeof b.error === 'object' ? (b.error as Record<string, string[]>) : {}).flat(),
  ].filter((m): m is string => typeof m === 'string' && m.trim() !== '')
}

// --- Every route that takes input --------------------------------------------------

type Route = {
  action?: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>
  loader?: (args: { request: Request; params: Record<string, string>; context: object }) => unknown
}
type Who = { cookie: string }

/** One form: where it posts, who sends it, what a valid submission holds, and its fields. */
type Form = {
  route: string
  intent?: string
  as?: Who
  url: () => string
  params?: () => Record<string, string>
  valid: () => Record<string, string>
  fields?: string[]
  multipart?: boolean
}

const claimFields = ['text', 'quote', 'language', 'claimedOn', 'tags', 'speakerName', 'speakerId', 'newSpeaker']
  .concat(['newSpeakerRole', 'sourceRef', 'sourceId', 'newSource', 'newSourceTitle', 'newSourceUrl'])
  .concat(['newSourceOutlet', 'newSourcePublishedOn', 'verdict', 'rationale'])
const sourceFields = ['title', 'url', 'outlet', 'author', 'publishedOn', 'language', 'kind', 'excerpt'].concat([
  'archiveUrl',
  'retrievedOn',
  'notes',
])
const speakerFields = ['name', 'kind', 'role', 'organisation', 'country', 'wikidataId', 'aliases']
const sourceChoice = ['sourceRef', 'sourceId', 'newSource', 'newSourceTitle', 'newSourceUrl', 'newSourceOutlet'].concat(
  ['newSourcePublishedOn'],
)

const onClaim = (id: () => number) => ({ url: () => `/claims/${id()}`, params: () => ({ claimId: String(id()) }) })
const onSource = { url: () => `/sources/${sourceId}`, params: () => ({ sourceId: String(sourceId) }) }
const threadForms = (where: 'claim' | 'source'): Form[] => {
  const route = where === 'claim' ? 'claims.$claimId._index' : 'sources.$sourceId._index'
  const at = where === 'claim' ? onClaim(() => claimId) : onSource
  const noteId = where === 'claim' ? claimNoteId : sourceNoteId
  return [
    ...['annotation-reply', 'annotation-edit', 'annotation-resolve', 'annotation-reopen', 'annotation-remove'].map(
      (intent): Form => ({
        route,
        intent,
        ...at,
        valid: () => ({
          intent,
          annotationId: String(noteId()),
          body: 'Antwort',
          kind: 'note',
          version: versionOf('annotations', noteId()),
        }),
        fields: ['intent', 'annotationId', 'body', 'kind', 'version'],
      }),
    ),
  ]
}

const forms: Form[] = [
  { route: 'claims.new', url: () => '/claims/new', valid: () => ({ text: 'Neue Behauptung', language: 'de' }) },
  {
    route: 'claims.$claimId.edit',
    url: () => `/claims/${otherClaimId}/edit`,
    params: () => ({ claimId: String(otherClaimId) }),
    valid: () => ({ text: 'Schoigu war in Wostotschny.', language: 'de', version: versionOf('claims', otherClaimId) }),
  },
  ...[
    ['delete', () => ({ version: versionOf('claims', trashClaimId) }), ['version']],
    ['restore', () => ({}), []],
  ].map(([intent, valid, fields]): Form => ({
    route: 'claims.$claimId._index',
    intent: intent as string,
    ...onClaim(() => trashClaimId),
    valid: () => ({ intent: intent as string, ...(valid as () => Record<string, string>)() }),
    fields: ['intent', ...(fields as string[])],
  })),
  {
    route: 'claims.$claimId._index',
    intent: 'review',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'review', move: 'start', version: versionOf('claims', claimId) }),
    fields: ['intent', 'move', 'version', 'reason', 'override'],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'assign',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'assign', assigneeId: editor.id }),
    fields: ['intent', 'assigneeId', 'expectedAssigneeId'],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'attach-evidence',
    ...onClaim(() => claimId),
    valid: () => ({
      intent: 'attach-evidence',
      role: 'context',
      sourceRef: `Besuch in Wostotschny (#${sourceId})`,
      note: 'Kontext',
    }),
    fields: ['intent', 'role', 'note', ...sourceChoice],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'remove-evidence',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'remove-evidence', evidenceId: String(evidenceId()) }),
    fields: ['intent', 'evidenceId'],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'add-link',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'add-link', type: 'supports', otherClaim: `#${otherClaimId}`, note: 'Warum' }),
    fields: ['intent', 'type', 'otherClaim', 'note'],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'remove-link',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'remove-link', linkId: String(linkId()) }),
    fields: ['intent', 'linkId'],
  },
  {
    route: 'claims.$claimId._index',
    intent: 'annotation-add',
    ...onClaim(() => claimId),
    valid: () => ({ intent: 'annotation-add', kind: 'question', body: 'Quelle?' }),
    fields: ['intent', 'kind', 'body'],
  },
  ...threadForms('claim'),
  {
    route: 'claims._index',
    intent: 'save-view',
    url: () => '/claims?index',
    valid: () => ({ intent: 'save-view', name: 'Meine Ansicht', query: 'status=new', replace: 'on' }),
    fields: ['intent', 'name', 'query', 'replace'],
  },
  {
    route: 'claims._index',
    intent: 'delete-view',
    url: () => '/claims?index',
    valid: () => ({ intent: 'delete-view', viewId: String(viewId()) }),
    fields: ['intent', 'viewId'],
  },
  { route: 'sources.new', url: () => '/sources/new', valid: () => ({ title: 'Neue Quelle', kind: 'article' }) },
  {
    route: 'sources.$sourceId.edit',
    url: () => `/sources/${sourceId}/edit`,
    params: () => ({ sourceId: String(sourceId) }),
    valid: () => ({
      title: 'Besuch in Wostotschny',
      kind: 'article',
      excerpt,
      version: versionOf('sources', sourceId),
    }),
  },
  {
    route: 'sources.$sourceId._index',
    intent: 'annotation-passage',
    ...onSource,
    valid: () => ({ intent: 'annotation-passage', kind: 'note', body: 'Wann?', passage: 'Lieferungen' }),
    fields: ['intent', 'kind', 'body', 'passage', 'startOffset', 'endOffset'],
  },
  ...threadForms('source'),
  { route: 'speakers.new', url: () => '/speakers/new', valid: () => ({ name: 'Neue Sprecherin', kind: 'person' }) },
  {
    route: 'speakers.$speakerId.edit',
    url: () => `/speakers/${speakerId}/edit`,
    params: () => ({ speakerId: String(speakerId) }),
    valid: () => ({ name: 'Sergei Schoigu', kind: 'person', version: versionOf('speakers', speakerId) }),
  },
  {
    route: 'speakers.$speakerId.merge',
    url: () => `/speakers/${mergedSpeakerId}/merge`,
    params: () => ({ speakerId: String(mergedSpeakerId) }),
    valid: () => ({
      intoSpeakerId: String(speakerId),
      speakerVersion: versionOf('speakers', mergedSpeakerId),
      intoVersion: versionOf('speakers', speakerId),
    }),
    fields: ['intoSpeakerId', 'speakerVersion', 'intoVersion'],
  },
  ...(['map', 'import', 'discard'] as const).map((intent): Form => ({
    route: 'import.$importId',
    intent,
    url: () => `/import/${importId}`,
    params: () => ({ importId: String(importId) }),
    valid: (): Record<string, string> =>
      intent === 'map'
        ? { intent, claim: '0', speaker: '1' }
        : intent === 'import'
          ? { intent, checkedAt: checkedAt() }
          : { intent },
    fields: intent === 'map' ? ['intent', ...importFieldKeys] : ['intent', 'checkedAt', 'includeDuplicates'],
  })),
  ...(['import._index', 'resources.import-upload'] as const).map((route): Form => ({
    route,
    url: () => (route === 'import._index' ? '/import' : '/resources/import-upload'),
    valid: () => ({ progressToken: 'abcdef123456' }),
    fields: ['file', 'progressToken'],
    multipart: true,
  })),
  {
    route: 'login',
    url: () => '/login',
    valid: () => ({ email: 'nobody@test.example', password: 'wrong password', redirectTo: '/claims' }),
    fields: ['email', 'password', 'redirectTo'],
  },
  { route: 'logout', as: leaving, url: () => '/logout', valid: () => ({}), fields: ['x'] },
  ...['create', 'role', 'disable', 'enable', 'lift-pause'].map((intent): Form => ({
    route: 'admin.users',
    intent,
    as: admin,
    url: () => '/admin/users',
    valid: () => ({
      intent,
      userId: colleague.id,
      email: 'neu@test.example',
      name: 'Neu',
      role: 'editor',
      password: 'long enough password',
    }),
    fields: ['intent', 'userId', 'email', 'name', 'role', 'password'],
  })),
].map((form) => ({
  ...form,
  fields:
    form.fields ??
    (form.route.startsWith('claims') ? claimFields : form.route.startsWith('sources') ? sourceFields : speakerFields)
      .concat(form.route === 'claims.new' ? ['linkAs'] : [])
      .concat(form.route.endsWith('edit') ? ['version'] : []),
}))

/** Loaders that read their URL's query, with the parameters they know. */
type Query = {
  route: string
  path: () => string
  params?: () => Record<string, string>
  fields: string[]
  /** Who asks; an editor unless the page is for admins. */
  as?: typeof editor
}
// The export page and its downloads read the same filter.
const exportFilterFields = Object.keys(ExportQuerySchema.shape)
const queries: Query[] = [
  {
    route: 'claims._index',
    path: () => '/claims',
    fields: ['q', 'status', 'verdict', 'speaker', 'speakerName', 'source', 'sourceName', 'outlet', 'tag'].concat([
      'assignee',
      'sort',
      'order',
      'after',
      'before',
    ]),
  },
  {
    route: 'export._index',
    path: () => '/export',
    fields: [...exportFilterFields, 'format', 'download'],
  },
  ...['csv', 'json', 'jsonld', 'xlsx'].map((format) => ({
    route: `export.claims[.]${format}`,
    path: () => `/export/claims.${format}`,
    fields: exportFilterFields,
  })),
  { route: 'login', path: () => '/login', fields: ['redirectTo'] },
  { route: 'resources.claims', path: () => '/resources/claims', fields: ['q'] },
  { route: 'resources.sources', path: () => '/resources/sources', fields: ['q'] },
  { route: 'resources.speakers', path: () => '/resources/speakers', fields: ['q', 'except'] },
  { route: 'resources.similar-claims', path: () => '/resources/similar-claims', fields: ['text', 'speaker'] },
  { route: 'resources.import-upload', path: () => '/resources/import-upload', fields: ['token'] },
  { route: 'activity', path: () => '/activity', fields: ['type', 'actor', 'claim', 'from', 'to', 'before'] },
  { route: 'admin.audit', path: () => '/admin/audit', fields: ['action', 'before'], as: admin },
  { route: 'claims.trash', path: () => '/claims/trash', fields: ['q', 'page'] },
  { route: 'sources._index', path: () => '/sources', fields: ['q', 'page'] },
  { route: 'speakers._index', path: () => '/speakers', fields: ['q', 'page'] },
  { route: 'claims.new', path: () => '/claims/new', fields: ['source', 'quote'] },
  {
    route: 'speakers.$speakerId.merge',
    path: () => `/speakers/${mergedSpeakerId}/merge`,
    params: () => ({ speakerId: String(mergedSpeakerId) }),
    fields: ['into', 'intoId'],
  },
  {
    route: 'speakers.$speakerId._index',
    path: () => `/speakers/${speakerId}`,
    params: () => ({ speakerId: String(speakerId) }),
    fields: ['merged'],
  },
  {
    route: 'import.$importId',
    path: () => `/import/${importId}`,
    params: () => ({ importId: String(importId) }),
    fields: ['page', 'duplicates'],
  },
]

// --- The route files themselves: a new action or query without a row here fails ---------

const routesDir = path.resolve('app/routes')
const routeFiles = fs.readdirSync(routesDir, { withFileTypes: true }).map((entry) => ({
  route: entry.name.replace(/\.tsx?$/, ''),
  file: entry.isDirectory() ? path.join(routesDir, entry.name, 'route.tsx') : path.join(routesDir, entry.name),
}))
const modules = new Map<string, Route>(
  await Promise.all(routeFiles.map(async ({ route, file }) => [route, (await import(file)) as Route] as const)),
)
const routeOf = (route: string) => {
  const mod = modules.get(route)
  if (!mod) throw new Error(`No route module ${route}`)
  return mod
}

/**
 * The intents a multi-form route answers, read from its source (the route folder's intent
 * modules and the shared note-thread forms included): handler keys like `delete: ({` or
 * `'add-link': ({`, Map entries like `['map', async`, and `intent === 'create'` checks.
 */
function intentsIn(route: string) {
  const { file } = routeFiles.find((r) => r.route === route)!
  const folder = file.endsWith('route.tsx')
    ? fs.readdirSync(path.dirname(file)).map((f) => path.join(path.dirname(file), f))
    : [file]
  let text = folder.map((f) => fs.readFileSync(f, 'utf8')).join('\n')
  if (text.includes('threadIntents')) text += fs.readFileSync(path.resolve('app/utils/note-intents.server.ts'), 'utf8')
  const patterns = [
    /^\s*'?([a-z][a-z-]*)'?: (?:\(\{|noteForm\()/gm,
    /^\s*\[\s*\n\s*'([a-z][a-z-]*)',\s*\n\s*async/gm,
    /intent === '([a-z][a-z-]*)'/g,
  ]
  return new Set(patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!)))
}

describe('every input the routes take is covered', () => {
  test('each route module with an action has its forms in the table', () => {
    const withAction = [...modules].filter(([, mod]) => mod.action).map(([route]) => route)
    expect(withAction.length).toBeGreaterThan(10)
    expect(new Set(forms.map((f) => f.route))).toEqual(new Set(withAction))
  })

  test('each loader that reads its query is in the table', () => {
    const readsQuery = routeFiles
      .filter(({ route }) => modules.get(route)?.loader)
      .filter(({ file }) => /searchParams|queryParams\(|exportDownload\(/.test(fs.readFileSync(file, 'utf8')))
      .map(({ route }) => route)
    expect(new Set(queries.map((q) => q.route))).toEqual(new Set(readsQuery))
  })

  test('each intent a multi-form page answers has its form in the table', async () => {
    for (const route of new Set(forms.filter((f) => f.intent).map((f) => f.route))) {
      const known = forms.filter((f) => f.route === route).map((f) => f.intent)
      const named = intentsIn(route)
      expect(named.size, route).toBeGreaterThan(0)
      for (const intent of named) expect(known, `${route} answers “${intent}”`).toContain(intent)
    }
  })
})

// --- Requests ------------------------------------------------------------------------

type Change = { op: 'set' | 'delete' | 'extra'; field: string; value: FieldValue }

function applyChanges(valid: Record<string, string>, changes: Change[]) {
  const fields: Record<string, FieldValue> = { ...valid }
  for (const change of changes) {
    if (change.op === 'delete') delete fields[change.field]
    else fields[change.field] = change.value
  }
  return fields
}

function body(fields: Record<string, FieldValue>, multipart: boolean, file?: File) {
  const entries = Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
  )
  if (!multipart) return new URLSearchParams(entries.map(([n, v]) => [n, v]))
  const form = new FormData()
  for (const [name, value] of entries) form.append(name, value)
  if (file) form.append('file', file)
  return form
}

function post(form: Form, fields: Record<string, FieldValue>, file?: File) {
  const who = form.as ?? editor
  const request = new Request(`http://localhost${form.url()}`, {
    method: 'POST',
    body: body(fields, form.multipart ?? false, file),
    headers: {
      Cookie: who.cookie,
      ...(form.multipart ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
    },
  })
  return answerOf(async () => routeOf(form.route).action!({ request, params: form.params?.() ?? {}, context: {} }))
}

// Fields a form does not have, some named like columns a request must never set.
const extraFields = ['__proto__', 'constructor', 'id', 'createdById', 'deletedAt', 'ownerId', 'status', 'claimId', 'x']

/**
 * One to three changes to a valid form: mostly a hostile value in one of its fields, so each
 * field's own check is reached; sometimes a field left out, an extra field, or another intent.
 */
const changesFor = (fields: string[]) => {
  const own = fields.filter((f) => f !== 'intent')
  const change = (op: Change['op'], names: string[], value: fc.Arbitrary<FieldValue>) =>
    fc.record({ op: fc.constant(op), field: fc.constantFrom(...names), value })
  return fc.array(
    fc.oneof(
      ...(own.length > 0
        ? [
            { weight: 6, arbitrary: change('set', own, hostileValue) },
            { weight: 2, arbitrary: change('delete', own, fc.constant('')) },
          ]
        : []),
      { weight: 2, arbitrary: change('extra', extraFields, hostileValue) },
      { weight: 1, arbitrary: change('set', ['intent'], hostileValue) },
      { weight: 1, arbitrary: change('delete', ['intent'], fc.constant('')) },
    ),
    { minLength: 1, maxLength: 3 },
  )
}

/** An uploaded file that is anything but a clean claims sheet. */
const hostileFile = fc.option(
  fc
    .tuple(hostileText, fc.constantFrom('claims.csv', 'claims.json', 'claims.xlsx', 'x.exe', '', '../../etc/passwd'))
    .map(([text, name]) => new File([`claim,speaker,tags\n"${text}",${text},${text}\n`], name, { type: 'text/csv' })),
  { nil: undefined },
)

// Runs per property: enough for `npm test`; HOSTILE_RUNS=500 for a longer hunt.
const runs = Number(process.env.HOSTILE_RUNS ?? 20)

describe('hostile form posts are answered with a 4xx and a message, or accepted; never a 500', () => {
  test.each(forms.map((form) => [`${form.route}${form.intent ? ` (${form.intent})` : ''}`, form] as const))(
    '%s',
    async (_, form) => {
      await fc.assert(
        fc.asyncProperty(
          changesFor(form.fields!),
          form.multipart ? hostileFile : fc.constant(undefined),
          async (changes, file) => {
            const fields = applyChanges(form.valid(), changes)
            const before = deskFingerprint()
            const result = await post(form, fields, file)
            if (process.env.HOSTILE_TALLY)
              fs.appendFileSync(process.env.HOSTILE_TALLY, `${form.route} ${form.intent ?? ''} ${result.status}\n`)
            expect(result.status, String(result.body).slice(0, 2000)).toBeLessThan(500)
            if (result.status >= 400) {
              expect(messagesOf(result.body), JSON.stringify(result.body).slice(0, 500)).not.toEqual([])
              expect(deskFingerprint()).toEqual(before)
            }
          },
        ),
        { numRuns: runs },
      )
    },
    60_000,
  )
})

/** Bodies a browser never sends: a script's JSON, plain text, a cut-off or garbled multipart form. */
const oddBodies: Array<[string, string | null, string]> = [
  ['JSON', 'application/json', '{"text":"Eine Behauptung","intent":"annotation-add"}'],
  ['plain text', 'text/plain', 'text=Eine Behauptung'],
  ['no type', null, 'text=Eine Behauptung'],
  ['multipart without a boundary', 'multipart/form-data', 'text=Eine Behauptung'],
  [
    'garbled multipart',
    'multipart/form-data; boundary=xyz',
    '--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nabc',
  ],
  ['urlencoded', 'application/x-www-form-urlencoded', 'text=%&intent=%ZZ&file=abc'],
]
// Signing out reads no form: whatever the body, it ends the session.
const readsItsOwnBody = (form: Form) => form.route !== 'logout'

describe('a body that is not a well-formed form is a 4xx with a message, never a 500', () => {
  test.each(
    forms
      .filter(readsItsOwnBody)
      .flatMap((form) =>
        oddBodies.map(
          ([what, type, text]) => [`${form.route} ${form.intent ?? ''}: ${what}`, form, type, text] as const,
        ),
      ),
  )('%s', async (_, form, type, text) => {
    const before = deskFingerprint()
    const request = new Request(`http://localhost${form.url()}`, {
      method: 'POST',
      body: text,
      headers: { Cookie: (form.as ?? editor).cookie, ...(type ? { 'Content-Type': type } : {}) },
    })
    const result = await answerOf(async () =>
      routeOf(form.route).action!({ request, params: form.params?.() ?? {}, context: {} }),
    )
    expect(result.status, String(result.body).slice(0, 2000)).toBeGreaterThanOrEqual(400)
    expect(result.status, String(result.body).slice(0, 2000)).toBeLessThan(500)
    expect(messagesOf(result.body)).not.toEqual([])
    expect(deskFingerprint()).toEqual(before)
  })
})

/** Requests a random mix rarely builds: each reaches one rule past the schema. */
const edges: Array<[string, string | undefined, Record<string, FieldValue>]> = [
  // SQLite's length() stops at a NUL: this claim failed the table's check, a 500.
  ['claims.new', undefined, { text: '\u0000abc' }],
  ['claims.$claimId.edit', undefined, { text: '\u0000\u0000\u0000' }],
  ['claims.new', undefined, { text: 'Highlight \u0002marks\u0003 are the search’s own' }],
  ['claims.new', undefined, { tags: 'a\u0000b' }],
  ['speakers.new', undefined, { name: '\u0000', aliases: 'x\u0007' }],
  ['claims.$claimId._index', 'annotation-add', { body: '\u0000' }],
  ['claims.new', undefined, { linkAs: 'duplicate_of:999999999999999' }],
  ['claims.new', undefined, { linkAs: `duplicate_of:${trashClaimId}` }],
  ['claims.new', undefined, { speakerName: 'Sergei Schoigu', speakerId: '9007199254740991' }],
  ['claims.new', undefined, { speakerName: 'Sergei Schoigu', newSpeaker: 'on' }],
  ['claims.new', undefined, { speakerName: '%', newSpeaker: 'on', newSpeakerRole: '<script>' }],
  ['claims.new', undefined, { sourceRef: 'https://example.org/nope' }],
  ['claims.new', undefined, { sourceRef: '#9007199254740993' }],
  ['claims.new', undefined, { sourceRef: '(#0)' }],
  ['claims.new', undefined, { newSource: 'on', newSourceTitle: 'x', newSourceUrl: 'javascript:alert(1)' }],
  ['claims.new', undefined, { newSource: 'on', newSourceTitle: 'x', newSourceUrl: 'http://localhost:99999/' }],
  ['claims.new', undefined, { claimedOn: '2023-02-29' }],
  ['claims.new', undefined, { claimedOn: '+02023-01-01' }],
  ['claims.new', undefined, { tags: Array.from({ length: 30 }, (_, i) => `t${i}`).join(',') }],
  ['claims.new', undefined, { newSpeaker: 'yes', newSource: 'true', verdict: '1' }],
  ['claims.$claimId._index', 'add-link', { otherClaim: '#99999999999999999999' }],
  ['claims.$claimId._index', 'add-link', { otherClaim: `#${claimId}` }],
  ['claims.$claimId._index', 'add-link', { otherClaim: '"NEAR(' }],
  ['claims.$claimId._index', 'add-link', { otherClaim: 'Lieferungen* OR NOT ^x' }],
  ['claims.$claimId._index', 'add-link', { type: 'duplicate_of', otherClaim: `#${trashClaimId}` }],
  [
    'claims.$claimId._index',
    'attach-evidence',
    { sourceRef: '', newSource: 'on', newSourceTitle: 'y', newSourceUrl: 'https://a.b/' },
  ],
  ['claims.$claimId._index', 'assign', { assigneeId: '00000000-0000-0000-0000-000000000000' }],
  ['claims.$claimId._index', 'review', { move: 'approve', override: 'on' }],
  ['claims.$claimId._index', 'review', { move: 'reject', reason: '\u0000' }],
  ['claims.$claimId._index', 'annotation-reply', { annotationId: '9007199254740991' }],
  ['claims.$claimId._index', 'annotation-edit', { version: '9007199254740991', kind: 'decision' }],
  [
    'sources.$sourceId._index',
    'annotation-passage',
    { passage: 'Kosmodrom', startOffset: '0', endOffset: '9007199254740991' },
  ],
  ['sources.$sourceId._index', 'annotation-passage', { passage: 'Kosmodrom', startOffset: '20', endOffset: '29' }],
  ['sources.$sourceId._index', 'annotation-passage', { passage: '\u0301', startOffset: '1', endOffset: '2' }],
  ['sources.new', undefined, { url: 'https://example.org/a?utm_source=x#y', archiveUrl: 'javascript:alert(1)' }],
  ['sources.new', undefined, { url: 'http://[::1]/', publishedOn: '1799-12-31' }],
  ['sources.$sourceId.edit', undefined, { excerpt: '' }],
  ['speakers.new', undefined, { name: 'Sergei Schoigu' }],
  ['speakers.new', undefined, { name: '!!!', aliases: '\n\n\n' }],
  ['speakers.new', undefined, { wikidataId: 'Q999999999999', country: 'ÄÖ' }],
  ['speakers.$speakerId.merge', undefined, { intoSpeakerId: String(mergedSpeakerId) }],
  ['speakers.$speakerId.merge', undefined, { intoSpeakerId: '9007199254740991' }],
  ['import.$importId', 'map', { claim: '16383', speaker: '16383' }],
  ['import.$importId', 'map', { claim: '', speaker: '' }],
  ['import.$importId', 'import', { checkedAt: '1970-01-01T00:00:00.000Z', includeDuplicates: 'on' }],
  ['claims._index', 'save-view', { query: `q=${'"'.repeat(300)}&after=1e999_1&speaker=-1` }],
]

describe('requests aimed at the rules past the schema', () => {
  test.each(
    edges.map(
      ([route, intent, changes]) =>
        [`${route} ${intent ?? ''} ${JSON.stringify(changes).slice(0, 80)}`, route, intent, changes] as const,
    ),
  )('%s', async (_, route, intent, changes) => {
    const form = forms.find((f) => f.route === route && f.intent === intent)!
    const before = deskFingerprint()
    const result = await post(form, { ...form.valid(), ...changes })
    expect(result.status, String(result.body).slice(0, 2000)).toBeLessThan(500)
    if (result.status >= 400) {
      expect(messagesOf(result.body), JSON.stringify(result.body).slice(0, 500)).not.toEqual([])
      expect(deskFingerprint()).toEqual(before)
    }
  })
})

describe('hostile queries are answered, never a 500, and read nothing into the database', () => {
  test.each(queries.map((query) => [query.route, query] as const))(
    '%s',
    async (_, query) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...query.fields, ...extraFields), hostileValue), {
            minLength: 1,
            maxLength: 4,
          }),
          async (pairs) => {
            const params = new URLSearchParams()
            for (const [name, value] of pairs)
              for (const v of Array.isArray(value) ? value : [value]) params.append(name, v)
            const before = deskFingerprint()
            const request = new Request(`http://localhost${query.path()}?${params}`, {
              headers: { Cookie: (query.as ?? editor).cookie },
            })
            const result = await answerOf(async () =>
              routeOf(query.route).loader!({ request, params: query.params?.() ?? {}, context: {} }),
            )
            expect(result.status, String(result.body).slice(0, 2000)).toBeLessThan(500)
            if (result.status >= 400 && result.status !== 404) {
              expect(messagesOf(result.body), JSON.stringify(result.body).slice(0, 500)).not.toEqual([])
            }
            expect(deskFingerprint()).toEqual(before)
          },
        ),
        { numRuns: runs },
      )
    },
    60_000,
  )
})

// --- Accepted text is stored as sent --------------------------------------------------

/** Hostile text that fits a field: what the server keeps is the sent text, trimmed. */
const fitting = (min: number, max: number) =>
  hostileText.filter((text) => {
    const kept = asSent(text).trim()
    // Control characters other than tabs and line breaks are refused (decision 018; see the edges above).
    return kept.length >= min && kept.length <= max && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(kept)
  })

const createdId = (result: Answer) => Number(/\/(\d+)(\?|$)/.exec(result.location ?? '')?.[1])

describe('accepted hostile text is stored exactly as sent', () => {
  test('claims: text, quote and rationale', async () => {
    const form = forms.find((f) => f.route === 'claims.new')!
    let stored = 0
    await fc.assert(
      fc.asyncProperty(fitting(3, 1000), fitting(1, 2000), fitting(1, 5000), async (text, quote, rationale) => {
        const result = await post(form, { text, quote, rationale, language: 'de' })
        if (result.status !== 302) {
          // Refused only for a reason the form states (a near-duplicate is not one: it is offered, not refused).
          expect(messagesOf(result.body)).not.toEqual([])
          return
        }
        expect(getClaim(createdId(result))).toMatchObject({
          text: asSent(text).trim(),
          quote: asSent(quote).trim(),
          rationale: asSent(rationale).trim(),
        })
        stored++
      }),
      { numRuns: runs },
    )
    expect(stored).toBeGreaterThan(runs / 2)
  })

  test('sources: title, outlet, author, excerpt and notes', async () => {
    const form = forms.find((f) => f.route === 'sources.new')!
    await fc.assert(
      fc.asyncProperty(fitting(1, 200), fitting(1, 200), fitting(1, 5000), async (title, outlet, notes) => {
        const result = await post(form, { title, outlet, author: outlet, excerpt: notes, notes, kind: 'post' })
        expect(result.status, JSON.stringify(result.body)).toBe(302)
        const kept = (v: string) => asSent(v).trim()
        expect(getSource(createdId(result))).toMatchObject({
          title: kept(title),
          outlet: kept(outlet),
          author: kept(outlet),
          excerpt: kept(notes),
          notes: kept(notes),
        })
      }),
      { numRuns: runs },
    )
  })

  test('speakers: name, role, organisation and aliases', async () => {
    const form = forms.find((f) => f.route === 'speakers.new')!
    let stored = 0
    await fc.assert(
      fc.asyncProperty(fitting(1, 200), fitting(1, 200), async (name, role) => {
        const alias = `${asSent(name)
          .replace(/[\r\n]/g, ' ')
          .trim()} (alias)`
        const result = await post(form, { name, role, organisation: role, aliases: alias, kind: 'organisation' })
        // Another speaker with a name that folds the same is a stated refusal, not a failure.
        if (result.status === 400) {
          expect(messagesOf(result.body)).not.toEqual([])
          return
        }
        expect(result.status, JSON.stringify(result.body)).toBe(302)
        expect(getSpeaker(createdId(result))).toMatchObject({
          name: asSent(name).trim(),
          role: asSent(role).trim(),
          organisation: asSent(role).trim(),
          aliases: [alias],
        })
        stored++
      }),
      { numRuns: runs },
    )
    expect(stored).toBeGreaterThan(runs / 2)
  })

  test('notes, evidence notes, link notes and saved view names', async () => {
    const at = (intent: string) => forms.find((f) => f.intent === intent)!
    const latest = (sql: string) => (sqlite.prepare(sql).get() as { v: string }).v
    await fc.assert(
      fc.asyncProperty(fitting(1, 1000), fitting(1, 60), async (text, name) => {
        const kept = asSent(text).trim()
        expect((await post(at('annotation-add'), { intent: 'annotation-add', kind: 'note', body: text })).status).toBe(
          200,
        )
        expect(latest('select body as v from annotations order by id desc limit 1')).toBe(kept)
        const evidence = await post(at('attach-evidence'), {
          intent: 'attach-evidence',
          role: 'context',
          note: text,
          newSource: 'on',
          newSourceTitle: text,
        })
        expect(evidence.status, JSON.stringify(evidence.body)).toBe(200)
        expect(latest('select note as v from evidence order by id desc limit 1')).toBe(kept)
        expect(latest('select title as v from sources order by id desc limit 1')).toBe(kept)
        const link = createClaim({ text: `Verknüpft ${Math.random()}`, language: 'de', tags: [] }, editor.id)
        expect(
          (await post(at('add-link'), { intent: 'add-link', type: 'related', otherClaim: `#${link}`, note: text }))
            .status,
        ).toBe(200)
        expect(latest('select note as v from claim_links order by id desc limit 1')).toBe(kept)
        // A person keeps at most 100 views: the last run's goes, as the list's delete button does it.
        for (const { id } of listSavedViews(editor.id)) deleteSavedView(editor.id, id)
        const view = await post(at('save-view'), { intent: 'save-view', name, query: '', replace: 'on' })
        expect(view.status, JSON.stringify(view.body)).toBe(302)
        expect(latest('select name as v from saved_views order by updated_at desc, id desc limit 1')).toBe(
          asSent(name).trim(),
        )
      }),
      { numRuns: Math.ceil(runs / 2) },
    )
  })
})

describe('exports of hostile text', () => {
  /** Characters XML 1.0 allows; anything else in a sheet and Excel refuses the file. */
  const xmlChars = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u
  const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

  test('the XLSX sheet holds only characters XML allows, and everything else of the text', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fitting(3, 1000),
        fc.constantFrom('\uFFFE', '\uFFFF', '\u0002', '\u0000', ''),
        async (text, odd) => {
          const tag = `xlsx-${++run}`
          const stored = asSent(`${text}${odd}`).trim()
          createClaim({ text: stored, language: 'de', tags: [tag] }, editor.id)
          const { stream } = openExport(ExportQuerySchema.parse({ status: 'any', tag }), 'xlsx', `Exporter${odd}`)
          const chunks: Buffer[] = []
          for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
          const book = new ExcelJS.Workbook()
          await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
          const sheet = book.getWorksheet('Claims')!
          const claimColumn = (sheet.getRow(1).values as string[]).indexOf('Claim')
          const cell = String(sheet.getRow(2).getCell(claimColumn).value)
          expect(cell).toMatch(xmlChars)
          // An XML reader ends lines with LF, as Excel's cells do: CRLF and CR read back as LF.
          expect(cell).toBe(stored.replace(notXml, '').replace(/\r\n?/g, '\n'))
        },
      ),
      { numRuns: runs },
    )
  })
})
