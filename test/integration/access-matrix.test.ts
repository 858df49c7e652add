// Every route module × every kind of visitor × its loader and each form of its action,
// called as Remix calls them, against the table in test/helpers/access-table.ts: allowed
// requests land where they should with the write done, refused ones leave the database
// exactly as it was. Then requests an editor or viewer could craft by hand.
import fs from 'node:fs'
import path from 'node:path'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { pausedAccounts } from '#app/auth/login-throttle.server.ts'
import { startSession } from '#app/auth/session.server.ts'
import { addClaimNote, annotatePassage, setThreadResolved } from '#app/domain/annotations.server.ts'
import { createClaim, deleteClaim, getClaim, updateClaim } from '#app/domain/claims.server.ts'
import { attachEvidence, listEvidence } from '#app/domain/evidence.server.ts'
import { stageImport } from '#app/domain/import/staging.server.ts'
import { linkClaims, listClaimLinks } from '#app/domain/links.server.ts'
import { moveClaim } from '#app/domain/review.server.ts'
import { listSavedViews, saveView } from '#app/domain/saved-views.server.ts'
import { createSource, getSource } from '#app/domain/sources.server.ts'
import { createSpeaker, findMergedSpeaker, getSpeaker } from '#app/domain/speakers.server.ts'
import { setUserDisabled } from '#app/domain/users.server.ts'
import { annotationIntents } from '#app/routes/claims.$claimId._index/annotation-intents.server.ts'
import { evidenceIntents } from '#app/routes/claims.$claimId._index/evidence-intents.server.ts'
import { linkIntents } from '#app/routes/claims.$claimId._index/link-intents.server.ts'
import { reviewIntents } from '#app/routes/claims.$claimId._index/review-intents.server.ts'
import { trashIntents } from '#app/routes/claims.$claimId._index/trash-intents.server.ts'
import { threadIntents } from '#app/utils/note-intents.server.ts'
import { db } from '#db/client.ts'
import { annotations, claims, sessions, stagedImports, users } from '#db/schema.ts'
import { parseAccessTable, visitors, type AccessRow, type Visitor } from '#test/helpers/access-table.ts'
import { formRequest, getRequest, makeUser, pauseSignIn, signedIn } from '#test/helpers/fixtures.ts'
import { answerOf, deskFingerprint, type Answer } from '#test/helpers/route-answers.ts'
import { csvFile } from '#test/helpers/import-files.ts'

type RouteFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown
type RouteModule = { loader?: RouteFunction; action?: RouteFunction }

/** Route modules as Remix finds them: files in app/routes, and folders with a route.tsx. */
function routeModuleFiles() {
  const dir = path.resolve('app/routes')
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        const inside = ['route.tsx', 'route.ts'].find((f) => fs.existsSync(path.join(dir, entry.name, f)))
        return inside ? [`${entry.name}/${inside}`] : []
      }
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [entry.name] : []
    })
    .sort()
}

const routeFiles = routeModuleFiles()
const routeModules: Record<string, RouteModule> = Object.fromEntries(
  await Promise.all(routeFiles.map(async (file) => [file, await import(path.resolve('app/routes', file))])),
)
const table = parseAccessTable()

// The people the matrix acts as. The disabled one was signed in, as an editor, when an admin
// disabled them through the users page; their cookie is the one their browser still sends.
const people = {
  viewer: await signedIn('viewer'),
  editor: await signedIn('editor'),
  admin: await signedIn('admin'),
}
const colleague = await signedIn('editor')
const disabledUser = await signedIn('editor')
const adminUsers = routeModules['admin.users.tsx']!
const disabledAtFirst = await call(adminUsers.loader!, getRequest('/', disabledUser.cookie))
await call(
  adminUsers.action!,
  formRequest('/admin/users', { intent: 'disable', userId: disabledUser.id }, people.admin.cookie),
)

type Person = (typeof people)[keyof typeof people]
/** Who makes a request: for signed-in visitors a session of their own, so signing out ends only that one. */
type Actor = { visitor: Visitor; person: Person | null; cookie?: string }

async function actorFor(visitor: Visitor): Promise<Actor> {
  if (visitor === 'anonymous') return { visitor, person: null }
  if (visitor === 'disabled') return { visitor, person: null, cookie: disabledUser.cookie }
  const person = people[visitor]
  return { visitor, person, cookie: (await startSession(person.id)).split(';')[0]! }
}

/** Runs a loader or action as Remix would and reads what it answered, returned or thrown. */
function call(run: RouteFunction, request: Request, params: Record<string, string> = {}) {
  return answerOf(() => run({ request, params, context: {} }))
}

const accountsFingerprint = () => JSON.stringify([db.select().from(users).all(), db.select().from(sessions).all()])

let serial = 0
const unique = (words: string) => `${words} ${++serial}`

function newClaim(by: { id: string } = people.editor) {
  return createClaim({ text: unique('Kim sicherte Putin volle Unterstützung zu'), language: 'de', tags: [] }, by.id)
}
function newSource() {
  return createSource(
    {
      title: unique('Gipfel in Wostotschny'),
      kind: 'article',
      excerpt: 'Kim traf Putin im Kosmodrom Wostotschny und sprach von Unterstützung.',
    },
    people.editor.id,
  )
}
/** A source picked from the suggestions, as the evidence form sends it. */
const sourceChoice = (sourceId: number) => ({ sourceRef: getSource(sourceId).title, sourceId })
function newSpeaker() {
  return createSpeaker({ name: unique('Kim Jong-un'), kind: 'person', aliases: [] }, people.editor.id)
}
/** Whose note or import a scenario works on: the actor's own if they may write, else an editor's. */
const ownerFor = (actor: Actor) =>
  actor.person && actor.person.role !== 'viewer' ? { id: actor.person.id, role: actor.person.role } : people.editor
const noteOf = (id: number) => db.select().from(annotations).where(eq(annotations.id, id)).get()!
const notesOnClaim = (claimId: number) =>
  db.select().from(annotations).where(eq(annotations.claimId, claimId)).all().length
const notesOnSource = (sourceId: number) =>
  db.select().from(annotations).where(eq(annotations.sourceId, sourceId)).all().length
const stagedImport = (id: number) => db.select().from(stagedImports).where(eq(stagedImports.id, id)).get()!
const importsOf = (ownerId: string) =>
  db.select().from(stagedImports).where(eq(stagedImports.ownerId, ownerId)).all().length
const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!

function uploadRequest(url: string, cookie: string | undefined) {
  const body = new FormData()
  body.append('file', new File([`claim\n${unique('Kim liefert Granaten an Russland')}.\n`], 'claims.csv'))
  return new Request(`http://localhost${url}`, { method: 'POST', body, headers: cookie ? { Cookie: cookie } : {} })
}
async function newStagedImport(owner: { id: string; role: Person['role'] }) {
  return stageImport(owner, csvFile(`claim\n${unique('Kim besuchte das Kosmodrom')}.\n`))
}

/** One request of the matrix, set up afresh for each visitor. */
type Case = {
  url: string
  params?: Record<string, string>
  /** A POST's form fields, or the whole request for uploads. */
  form?: Record<string, string> | ((cookie: string | undefined) => Request)
  /** Where an allowed request must lead, when it redirects. */
  location?: string | RegExp
  /** Checks that an allowed write was done. */
  done?: (answer: Answer) => void
}
type Scenario = (actor: Actor) => Case | Promise<Case>

const claimPage = (claimId: number, form: Record<string, string>, done: () => void, location?: string): Case => ({
  url: `/claims/${claimId}`,
  params: { claimId: String(claimId) },
  form,
  location,
  done,
})
const sourcePage = (sourceId: number, form: Record<string, string>, done: () => void): Case => ({
  url: `/sources/${sourceId}`,
  params: { sourceId: String(sourceId) },
  form,
  done,
})
/** A claim with a thread by `author`; resolved first when the form reopens it. */
function claimThread(author: ReturnType<typeof ownerFor>, resolved = false) {
  const claimId = newClaim()
  const noteId = addClaimNote(claimId, { kind: 'question', body: 'Wer war dabei?' }, author)
  if (resolved) setThreadResolved({ claimId }, noteId, true, author)
  return { claimId, noteId }
}
function sourceThread(author: ReturnType<typeof ownerFor>, resolved = false) {
  const sourceId = newSource()
  const noteId = annotatePassage(
    sourceId,
    { intent: 'annotation-passage', kind: 'note', body: 'Welches Datum?', passage: 'Kosmodrom Wostotschny' },
    author,
  )
  if (resolved) setThreadResolved({ sourceId }, noteId, true, author)
  return { sourceId, noteId }
}

/** How each row of the table is requested, keyed "route module | request". */
const scenarios: Record<string, Scenario> = {
  '_index.tsx | GET': () => ({ url: '/' }),
  // A filter the form would refuse is still a page to read, not an error.
  'activity.tsx | GET': () => ({ url: '/activity?type=updated&claim=abc' }),

  'admin.audit.tsx | GET': () => ({ url: '/admin/audit' }),
  'admin.users.tsx | GET': () => ({ url: '/admin/users' }),
  'admin.users.tsx | POST create': () => {
    const email = `${unique('new').replace(' ', '-')}@test.example`
    return {
      url: '/admin/users',
      form: { intent: 'create', email, name: 'Neu', role: 'viewer', password: 'long enough password' },
      done: () => expect(db.select().from(users).where(eq(users.email, email)).get()).toBeDefined(),
    }
  },
  'admin.users.tsx | POST role': async () => {
    const target = await makeUser('viewer')
    return {
      url: '/admin/users',
      form: { intent: 'role', userId: target.id, role: 'editor' },
      done: () => expect(userRow(target.id).role).toBe('editor'),
    }
  },
  'admin.users.tsx | POST disable': async () => {
    const target = await makeUser('editor')
    return {
      url: '/admin/users',
      form: { intent: 'disable', userId: target.id },
      done: () => expect(userRow(target.id).disabledAt).not.toBeNull(),
    }
  },
  'admin.users.tsx | POST enable': async () => {
    const target = await makeUser('editor')
    await setUserDisabled(people.admin.id, target.id, true)
    return {
      url: '/admin/users',
      form: { intent: 'enable', userId: target.id },
      done: () => expect(userRow(target.id).disabledAt).toBeNull(),
    }
  },
  'admin.users.tsx | POST lift-pause': async () => {
    const target = await makeUser('editor')
    await pauseSignIn(target.email)
    return {
      url: '/admin/users',
      form: { intent: 'lift-pause', userId: target.id },
      done: () => expect(pausedAccounts().has(target.email)).toBe(false),
    }
  },

  'claims.$claimId._index/route.tsx | GET': () => {
    const id = newClaim()
    return { url: `/claims/${id}`, params: { claimId: String(id) } }
  },
  'claims.$claimId._index/route.tsx | POST delete': () => {
    const id = newClaim()
    return claimPage(
      id,
      { intent: 'delete', version: '1' },
      () => expect(getClaim(id).deletedAt).not.toBeNull(),
      '/claims/trash',
    )
  },
  'claims.$claimId._index/route.tsx | POST restore': () => {
    const id = newClaim()
    deleteClaim(id, 1, people.editor.id)
    return claimPage(id, { intent: 'restore' }, () => expect(getClaim(id).deletedAt).toBeNull(), `/claims/${id}`)
  },
  'claims.$claimId._index/route.tsx | POST review': () => {
    const id = newClaim()
    return claimPage(id, { intent: 'review', move: 'start', version: '1' }, () =>
      expect(getClaim(id).status).toBe('researching'),
    )
  },
  'claims.$claimId._index/route.tsx | POST assign': () => {
    const id = newClaim()
    return claimPage(id, { intent: 'assign', assigneeId: colleague.id }, () =>
      expect(getClaim(id).assigneeId).toBe(colleague.id),
    )
  },
  'claims.$claimId._index/route.tsx | POST attach-evidence': () => {
    const id = newClaim()
    const sourceId = newSource()
    return claimPage(
      id,
      { intent: 'attach-evidence', role: 'supports', ...sourceChoice(sourceId), sourceId: String(sourceId) },
      () => expect(listEvidence(id).map((e) => e.sourceId)).toEqual([sourceId]),
    )
  },
  'claims.$claimId._index/route.tsx | POST remove-evidence': () => {
    const id = newClaim()
    const evidenceId = attachEvidence(
      id,
      { intent: 'attach-evidence', role: 'supports', ...sourceChoice(newSource()) },
      people.editor.id,
    )
    return claimPage(id, { intent: 'remove-evidence', evidenceId: String(evidenceId) }, () =>
      expect(listEvidence(id)).toEqual([]),
    )
  },
  'claims.$claimId._index/route.tsx | POST add-link': () => {
    const id = newClaim()
    const other = newClaim()
    return claimPage(id, { intent: 'add-link', type: 'related', otherClaim: `#${other}` }, () =>
      expect(listClaimLinks(id)).toHaveLength(1),
    )
  },
  'claims.$claimId._index/route.tsx | POST remove-link': () => {
    const id = newClaim()
    const linkId = linkClaims({ fromClaimId: id, toClaimId: newClaim(), type: 'related' }, people.editor.id)
    return claimPage(id, { intent: 'remove-link', linkId: String(linkId) }, () =>
      expect(listClaimLinks(id)).toEqual([]),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-add': () => {
    const id = newClaim()
    return claimPage(id, { intent: 'annotation-add', kind: 'question', body: 'Welche Quelle?' }, () =>
      expect(notesOnClaim(id)).toBe(1),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-reply': (actor) => {
    const { claimId, noteId } = claimThread(ownerFor(actor))
    return claimPage(claimId, { intent: 'annotation-reply', annotationId: String(noteId), body: 'Laut TASS.' }, () =>
      expect(notesOnClaim(claimId)).toBe(2),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-edit': (actor) => {
    const { claimId, noteId } = claimThread(ownerFor(actor))
    return claimPage(
      claimId,
      { intent: 'annotation-edit', annotationId: String(noteId), body: 'Wer genau?', version: '1' },
      () => expect(noteOf(noteId).body).toBe('Wer genau?'),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-resolve': (actor) => {
    const { claimId, noteId } = claimThread(ownerFor(actor))
    return claimPage(claimId, { intent: 'annotation-resolve', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).resolvedAt).not.toBeNull(),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-reopen': (actor) => {
    const { claimId, noteId } = claimThread(ownerFor(actor), true)
    return claimPage(claimId, { intent: 'annotation-reopen', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).resolvedAt).toBeNull(),
    )
  },
  'claims.$claimId._index/route.tsx | POST annotation-remove': (actor) => {
    const { claimId, noteId } = claimThread(ownerFor(actor))
    return claimPage(claimId, { intent: 'annotation-remove', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).deletedAt).not.toBeNull(),
    )
  },

  'claims.$claimId.edit.tsx | GET': () => {
    const id = newClaim()
    return { url: `/claims/${id}/edit`, params: { claimId: String(id) } }
  },
  'claims.$claimId.edit.tsx | POST': () => {
    const id = newClaim()
    return {
      url: `/claims/${id}/edit`,
      params: { claimId: String(id) },
      form: { text: 'Kim sagte Putin Unterstützung zu.', language: 'de', version: '1' },
      location: `/claims/${id}`,
      done: () => expect(getClaim(id).text).toBe('Kim sagte Putin Unterstützung zu.'),
    }
  },

  'claims._index.tsx | GET': () => ({ url: '/claims?status=new' }),
  'claims._index.tsx | POST save-view': (actor) => {
    const name = unique('Neue Behauptungen')
    return {
      url: '/claims?index',
      form: { intent: 'save-view', name, query: 'status=new' },
      location: '/claims?status=new',
      done: () => expect(listSavedViews(actor.person!.id).map((v) => v.name)).toContain(name),
    }
  },
  'claims._index.tsx | POST delete-view': (actor) => {
    const owner = actor.person ?? people.viewer
    const viewId = saveView(owner.id, { name: unique('Alt'), query: 'status=new' })
    return {
      url: '/claims?index',
      form: { intent: 'delete-view', viewId: String(viewId) },
      location: '/claims',
      done: () => expect(listSavedViews(owner.id).map((v) => v.id)).not.toContain(viewId),
    }
  },

  'claims.new.tsx | GET': () => ({ url: '/claims/new' }),
  'claims.new.tsx | POST': () => {
    const text = unique('Russland liefert Satellitentechnik an Nordkorea')
    return {
      url: '/claims/new',
      form: { text, language: 'de' },
      location: /^\/claims\/\d+$/,
      done: () => expect(db.select().from(claims).where(eq(claims.text, text)).get()).toBeDefined(),
    }
  },
  'claims.trash.tsx | GET': () => ({ url: '/claims/trash' }),

  'export._index.tsx | GET': () => ({ url: '/export?format=csv' }),
  'export.claims[.]csv.ts | GET': () => ({ url: '/export/claims.csv' }),
  'export.claims[.]json.ts | GET': () => ({ url: '/export/claims.json' }),
  'export.claims[.]jsonld.ts | GET': () => ({ url: '/export/claims.jsonld' }),
  'export.claims[.]xlsx.ts | GET': () => ({ url: '/export/claims.xlsx' }),

  'import.$importId.tsx | GET': async (actor) => {
    const id = await newStagedImport(ownerFor(actor))
    return { url: `/import/${id}`, params: { importId: String(id) } }
  },
  'import.$importId.tsx | POST map': async (actor) => {
    const id = await newStagedImport(ownerFor(actor))
    return {
      url: `/import/${id}`,
      params: { importId: String(id) },
      form: { intent: 'map', claim: '0' },
      location: `/import/${id}`,
      done: () => expect(stagedImport(id).updatedAt).not.toEqual(stagedImport(id).createdAt),
    }
  },
  'import.$importId.tsx | POST import': async (actor) => {
    const id = await newStagedImport(ownerFor(actor))
    const { checkedAt } = stagedImport(id).report as { checkedAt: string }
    return {
      url: `/import/${id}`,
      params: { importId: String(id) },
      form: { intent: 'import', checkedAt },
      location: `/import/${id}`,
      done: () => expect(stagedImport(id).status).toBe('committed'),
    }
  },
  'import.$importId.tsx | POST discard': async (actor) => {
    const id = await newStagedImport(ownerFor(actor))
    return {
      url: `/import/${id}`,
      params: { importId: String(id) },
      form: { intent: 'discard' },
      location: '/import',
      done: () => expect(stagedImport(id).status).toBe('discarded'),
    }
  },
  'import._index.tsx | GET': () => ({ url: '/import' }),
  'import._index.tsx | POST': (actor) => {
    const before = actor.person ? importsOf(actor.person.id) : 0
    return {
      url: '/import',
      form: (cookie) => uploadRequest('/import', cookie),
      location: /^\/import\/\d+$/,
      done: () => expect(importsOf(actor.person!.id)).toBe(before + 1),
    }
  },

  'login.tsx | GET': () => ({ url: '/login' }),
  // Each visitor signs in with their own e-mail and password; the anonymous one has no account.
  'login.tsx | POST': (actor) => {
    const account = actor.visitor === 'disabled' ? disabledUser : actor.person
    return {
      url: '/login',
      form: {
        email: account?.email ?? 'nobody@test.example',
        password: account?.password ?? 'correct horse battery',
        redirectTo: '/claims',
      },
      location: '/claims',
      // A new session, which replaces the one the browser came with.
      done: (answer) => {
        expect(sessionRow(sessionIdOf(answer.setCookie))?.userId).toBe(account!.id)
        expect(sessionRow(sessionIdOf(actor.cookie))).toBeUndefined()
      },
    }
  },
  'logout.tsx | GET': () => ({ url: '/logout' }),
  'logout.tsx | POST': (actor) => ({
    url: '/logout',
    form: {},
    location: '/login',
    done: (answer) => {
      expect(answer.setCookie).toMatch(/^claimdesk_session=;/)
      if (actor.cookie) expect(sessionRow(sessionIdOf(actor.cookie))).toBeUndefined()
    },
  }),

  'resources.claims.tsx | GET': () => ({ url: '/resources/claims?q=putin' }),
  'resources.import-upload.ts | GET': () => ({ url: '/resources/import-upload?token=abcdefgh12' }),
  'resources.import-upload.ts | POST': (actor) => {
    const before = actor.person ? importsOf(actor.person.id) : 0
    return {
      url: '/resources/import-upload',
      form: (cookie) => uploadRequest('/resources/import-upload', cookie),
      done: () => expect(importsOf(actor.person!.id)).toBe(before + 1),
    }
  },
  'resources.similar-claims.tsx | GET': () => ({ url: '/resources/similar-claims?text=Kim+Putin+Unterst%C3%BCtzung' }),
  'resources.sources.tsx | GET': () => ({ url: '/resources/sources?q=gipfel' }),
  'resources.speakers.tsx | GET': () => ({ url: '/resources/speakers?q=kim' }),

  'sources.$sourceId._index.tsx | GET': () => {
    const id = newSource()
    return { url: `/sources/${id}`, params: { sourceId: String(id) } }
  },
  'sources.$sourceId._index.tsx | POST annotation-passage': () => {
    const id = newSource()
    return sourcePage(
      id,
      { intent: 'annotation-passage', kind: 'note', body: 'Wann?', passage: 'Kosmodrom Wostotschny' },
      () => expect(notesOnSource(id)).toBe(1),
    )
  },
  'sources.$sourceId._index.tsx | POST annotation-reply': (actor) => {
    const { sourceId, noteId } = sourceThread(ownerFor(actor))
    return sourcePage(sourceId, { intent: 'annotation-reply', annotationId: String(noteId), body: 'Im April.' }, () =>
      expect(notesOnSource(sourceId)).toBe(2),
    )
  },
  'sources.$sourceId._index.tsx | POST annotation-edit': (actor) => {
    const { sourceId, noteId } = sourceThread(ownerFor(actor))
    return sourcePage(
      sourceId,
      { intent: 'annotation-edit', annotationId: String(noteId), body: 'Welcher Tag?', version: '1' },
      () => expect(noteOf(noteId).body).toBe('Welcher Tag?'),
    )
  },
  'sources.$sourceId._index.tsx | POST annotation-resolve': (actor) => {
    const { sourceId, noteId } = sourceThread(ownerFor(actor))
    return sourcePage(sourceId, { intent: 'annotation-resolve', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).resolvedAt).not.toBeNull(),
    )
  },
  'sources.$sourceId._index.tsx | POST annotation-reopen': (actor) => {
    const { sourceId, noteId } = sourceThread(ownerFor(actor), true)
    return sourcePage(sourceId, { intent: 'annotation-reopen', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).resolvedAt).toBeNull(),
    )
  },
  'sources.$sourceId._index.tsx | POST annotation-remove': (actor) => {
    const { sourceId, noteId } = sourceThread(ownerFor(actor))
    return sourcePage(sourceId, { intent: 'annotation-remove', annotationId: String(noteId) }, () =>
      expect(noteOf(noteId).deletedAt).not.toBeNull(),
    )
  },
  'sources.$sourceId.edit.tsx | GET': () => {
    const id = newSource()
    return { url: `/sources/${id}/edit`, params: { sourceId: String(id) } }
  },
  'sources.$sourceId.edit.tsx | POST': () => {
    const id = newSource()
    return {
      url: `/sources/${id}/edit`,
      params: { sourceId: String(id) },
      form: { title: 'Gipfel im Kosmodrom', kind: 'article', version: '1' },
      location: `/sources/${id}`,
      done: () => expect(getSource(id).title).toBe('Gipfel im Kosmodrom'),
    }
  },
  'sources._index.tsx | GET': () => ({ url: '/sources?q=gipfel' }),
  'sources.new.tsx | GET': () => ({ url: '/sources/new' }),
  'sources.new.tsx | POST': () => ({
    url: '/sources/new',
    form: { title: unique('Pressekonferenz'), kind: 'article' },
    location: /^\/sources\/\d+$/,
    done: (answer) => expect(getSource(Number(answer.location!.split('/')[2])).kind).toBe('article'),
  }),

  'speakers.$speakerId._index.tsx | GET': () => {
    const id = newSpeaker()
    return { url: `/speakers/${id}`, params: { speakerId: String(id) } }
  },
  'speakers.$speakerId.edit.tsx | GET': () => {
    const id = newSpeaker()
    return { url: `/speakers/${id}/edit`, params: { speakerId: String(id) } }
  },
  'speakers.$speakerId.edit.tsx | POST': () => {
    const id = newSpeaker()
    const name = unique('Kim Jong Un')
    return {
      url: `/speakers/${id}/edit`,
      params: { speakerId: String(id) },
      form: { name, kind: 'person', version: '1' },
      location: `/speakers/${id}`,
      done: () => expect(getSpeaker(id).name).toBe(name),
    }
  },
  'speakers.$speakerId.merge.tsx | GET': () => {
    const id = newSpeaker()
    const into = getSpeaker(newSpeaker()).name
    return { url: `/speakers/${id}/merge?${new URLSearchParams({ into })}`, params: { speakerId: String(id) } }
  },
  'speakers.$speakerId.merge.tsx | POST': () => {
    const id = newSpeaker()
    const into = newSpeaker()
    return {
      url: `/speakers/${id}/merge`,
      params: { speakerId: String(id) },
      form: { intoSpeakerId: String(into), speakerVersion: '1', intoVersion: '1' },
      location: `/speakers/${into}?merged=${id}`,
      done: () => expect(findMergedSpeaker(id)?.mergedIntoId).toBe(into),
    }
  },
  'speakers._index.tsx | GET': () => ({ url: '/speakers?q=kim' }),
  'speakers.new.tsx | GET': () => ({ url: '/speakers/new' }),
  'speakers.new.tsx | POST': () => ({
    url: '/speakers/new',
    form: { name: unique('Sergei Schoigu'), kind: 'person' },
    location: /^\/speakers\/\d+$/,
    done: (answer) => expect(getSpeaker(Number(answer.location!.split('/')[2])).kind).toBe('person'),
  }),
}

const sessionIdOf = (cookie: string | null | undefined) => /claimdesk_session=([^;]*)/.exec(cookie ?? '')?.[1] ?? ''
const sessionRow = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get()

const keyOf = (row: Pick<AccessRow, 'route' | 'request'>) => `${row.route} | ${row.request}`

function requestFor(kase: Case, method: 'GET' | 'POST', cookie: string | undefined) {
  if (method === 'GET') return getRequest(kase.url, cookie)
  return typeof kase.form === 'function' ? kase.form(cookie) : formRequest(kase.url, kase.form ?? {}, cookie)
}

/** Sets the case up for the visitor, sends it, and checks the outcome the table names. */
async function runCase(row: AccessRow, visitor: Visitor) {
  const actor = await actorFor(visitor)
  const kase = await scenarios[keyOf(row)]!(actor)
  const method = row.request.startsWith('POST') ? 'POST' : 'GET'
  const module = routeModules[row.route]!
  const run = method === 'GET' ? module.loader! : module.action!
  const before = deskFingerprint()
  const answer = await call(run, requestFor(kase, method, actor.cookie), kase.params)
  const expected = row.expected[visitor]
  const unchanged = () => expect(deskFingerprint(), 'a refused request changed the database').toEqual(before)
  switch (expected) {
    case 'ok':
      expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200)
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(400)
      if (answer.status >= 300 || kase.location) expect(answer.location).toMatch(kase.location ?? /^\//)
      if (answer.status === 200 && answer.body && typeof answer.body === 'object' && 'redirectTo' in answer.body) {
        expect(answer.body.redirectTo).toMatch(/^\/import\/\d+$/)
      }
      kase.done?.(answer)
      break
    case 'login': {
      const asked = new URL(kase.url, 'http://localhost')
      const back = `${asked.pathname}${asked.search}`
      expect(answer).toMatchObject({
        status: 302,
        location: back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`,
      })
      unchanged()
      break
    }
    case '403':
      expect(answer.status).toBe(403)
      expect(answer.body).toMatchObject({ message: expect.stringMatching(/^This needs the (editor|admin) role/) })
      unchanged()
      break
    case 'home':
      expect(answer).toMatchObject({ status: 302, location: '/' })
      unchanged()
      break
    case '400':
      expect(answer.status).toBe(400)
      unchanged()
      break
  }
}

describe('the table covers every route module, every form and nothing else', () => {
  test('every route module in app/routes has rows, and every row names a route module', () => {
    expect([...new Set(table.map((r) => r.route))].sort()).toEqual(routeFiles)
  })

  test('a route has a GET row when it has a loader and POST rows when it has an action', () => {
    for (const file of routeFiles) {
      const rows = table.filter((r) => r.route === file)
      expect(
        rows.some((r) => r.request === 'GET'),
        `${file} GET`,
      ).toBe(Boolean(routeModules[file]!.loader))
      expect(
        rows.some((r) => r.request.startsWith('POST')),
        `${file} POST`,
      ).toBe(Boolean(routeModules[file]!.action))
    }
  })

  test('the claim page and the source page list every intent their handlers know', () => {
    const intentsOf = (route: string) =>
      table
        .filter((r) => r.route === route && r.request.startsWith('POST '))
        .map((r) => r.request.slice(5))
        .sort()
    const claimHandlers = {
      ...trashIntents,
      ...reviewIntents,
      ...evidenceIntents,
      ...linkIntents,
      ...annotationIntents,
    }
    expect(intentsOf('claims.$claimId._index/route.tsx')).toEqual(Object.keys(claimHandlers).sort())
    expect(intentsOf('sources.$sourceId._index.tsx')).toEqual(
      ['annotation-passage', ...Object.keys(threadIntents)].sort(),
    )
  })

  test('every row has a scenario and every scenario a row', () => {
    expect(Object.keys(scenarios).sort()).toEqual(table.map(keyOf).sort())
  })

  test('the disabled user’s session worked until an admin disabled them', () => {
    expect(disabledAtFirst.status).toBe(403)
    expect(userRow(disabledUser.id).disabledAt).not.toBeNull()
  })
})

describe.each(visitors)('as %s', (visitor) => {
  test.each(table.map((row) => [keyOf(row), row.expected[visitor], row] as const))('%s → %s', async (_k, _o, row) => {
    await runCase(row, visitor)
  })
})

describe('an editor crafting requests to admin forms', () => {
  const adminForms = (): Array<Record<string, string>> => [
    { intent: 'role', userId: people.editor.id, role: 'admin' },
    {
      intent: 'create',
      email: 'crafted@test.example',
      name: 'Crafted',
      role: 'admin',
      password: 'long enough password',
    },
    { intent: 'disable', userId: people.admin.id },
    { intent: 'enable', userId: disabledUser.id },
  ]

  test.each(adminForms())('to the users page: %o is refused with 403 and changes nothing', async (form) => {
    const before = deskFingerprint()
    const answer = await call(adminUsers.action!, formRequest('/admin/users', form, people.editor.cookie))
    expect(answer.status).toBe(403)
    expect(deskFingerprint()).toEqual(before)
  })

  // Every other form of the desk, sent the users page's fields. A form may take a field it
  // knows (the speaker form takes `name`); none may touch an account.
  const otherActions = table.filter(
    (r) => r.request === 'GET' && routeModules[r.route]!.action && !['admin.users.tsx', 'logout.tsx'].includes(r.route),
  )
  test.each(otherActions.map((r) => [r.route, r] as const))('to %s: nobody’s account changes', async (_r, row) => {
    const { url, params } = await scenarios[keyOf(row)]!(await actorFor('editor'))
    for (const form of adminForms()) {
      const before = { accounts: accountsFingerprint(), all: deskFingerprint() }
      const answer = await call(routeModules[row.route]!.action!, formRequest(url, form, people.editor.cookie), params)
      expect(answer.status, `${row.route} ${form.intent}`).toBeLessThan(500)
      expect(accountsFingerprint(), `${row.route} ${form.intent}`).toBe(before.accounts)
      if (answer.status >= 400) expect(deskFingerprint(), `${row.route} ${form.intent}`).toEqual(before.all)
    }
  })

  test('a viewer naming themselves editor in a write form is still a viewer, refused with 403', async () => {
    const before = deskFingerprint()
    const answer = await call(
      routeModules['claims.new.tsx']!.action!,
      formRequest('/claims/new', { text: 'Kim war da.', language: 'de', role: 'editor' }, people.viewer.cookie),
    )
    expect(answer.status).toBe(403)
    expect(deskFingerprint()).toEqual(before)
  })

  test('hidden fields for who wrote or approved a claim are ignored: the session says who acts', async () => {
    const id = newClaim(colleague)
    const fields = { createdById: people.admin.id, approvedById: people.admin.id, status: 'verified', role: 'admin' }
    const edit = await call(
      routeModules['claims.$claimId.edit.tsx']!.action!,
      formRequest(
        `/claims/${id}/edit`,
        { text: 'Kim war dort.', language: 'de', version: '1', ...fields },
        people.editor.cookie,
      ),
      { claimId: String(id) },
    )
    expect(edit).toMatchObject({ status: 302, location: `/claims/${id}` })
    expect(getClaim(id)).toMatchObject({
      text: 'Kim war dort.',
      createdById: colleague.id,
      updatedById: people.editor.id,
      approvedById: null,
      status: 'new',
    })
    const created = await call(
      routeModules['claims.new.tsx']!.action!,
      formRequest('/claims/new', { text: unique('Kim war hier'), language: 'de', ...fields }, people.editor.cookie),
    )
    const createdId = Number(created.location!.split('/')[2])
    expect(getClaim(createdId)).toMatchObject({ createdById: people.editor.id, approvedById: null, status: 'new' })
    expect(userRow(people.editor.id).role).toBe('editor')
  })
})

describe('rules on single records hold through the forms', () => {
  const sourceId = newSource()
  /** A claim in review, submitted by `checker` (decision 006). */
  function claimSubmittedBy(checker: { id: string; role: 'editor' | 'admin' }) {
    const id = newClaim(checker)
    moveClaim(id, { intent: 'review', move: 'start', version: 1 }, checker)
    updateClaim(
      id,
      { text: getClaim(id).text, language: 'de', tags: [], verdict: 'true', rationale: 'TASS und KCNA.', version: 2 },
      checker.id,
    )
    attachEvidence(id, { intent: 'attach-evidence', role: 'supports', ...sourceChoice(sourceId) }, checker.id)
    moveClaim(id, { intent: 'review', move: 'submit', version: getClaim(id).version }, checker)
    return id
  }
  const approve = (id: number, cookie: string, extra: Record<string, string> = {}) =>
    call(
      routeModules['claims.$claimId._index/route.tsx']!.action!,
      formRequest(
        `/claims/${id}`,
        { intent: 'review', move: 'approve', version: String(getClaim(id).version), ...extra },
        cookie,
      ),
      { claimId: String(id) },
    )
  const editorActor = { id: people.editor.id, role: 'editor' as const }

  test('the editor who submitted a check cannot approve it, not even with a crafted admin override', async () => {
    const id = claimSubmittedBy(editorActor)
    const before = deskFingerprint()
    expect((await approve(id, people.editor.cookie)).status).toBe(409)
    expect((await approve(id, people.editor.cookie, { override: 'on', reason: 'Eilt.' })).status).toBe(409)
    expect(deskFingerprint()).toEqual(before)
    expect((await approve(id, colleague.cookie)).status).toBe(200)
    expect(getClaim(id)).toMatchObject({ status: 'verified', approvedById: colleague.id })
  })

  test('a note is changed or removed by its author or an admin; other editors may only reply and resolve', async () => {
    const { claimId, noteId } = claimThread(editorActor)
    const post = (cookie: string, form: Record<string, string>) =>
      call(
        routeModules['claims.$claimId._index/route.tsx']!.action!,
        formRequest(`/claims/${claimId}`, { annotationId: String(noteId), ...form }, cookie),
        { claimId: String(claimId) },
      )
    const before = deskFingerprint()
    expect(
      (await post(colleague.cookie, { intent: 'annotation-edit', body: 'Übernommen.', version: '1' })).status,
    ).toBe(409)
    expect((await post(colleague.cookie, { intent: 'annotation-remove' })).status).toBe(409)
    expect(deskFingerprint()).toEqual(before)
    expect((await post(colleague.cookie, { intent: 'annotation-resolve' })).status).toBe(200)
    expect(
      (await post(people.admin.cookie, { intent: 'annotation-edit', body: 'Geklärt.', version: '1' })).status,
    ).toBe(200)
    expect(noteOf(noteId)).toMatchObject({ body: 'Geklärt.', createdById: people.editor.id })
  })

  test('a note, evidence or link of another claim cannot be reached through this claim’s page', async () => {
    const other = claimThread(editorActor)
    const otherEvidence = attachEvidence(
      other.claimId,
      { intent: 'attach-evidence', role: 'supports', ...sourceChoice(sourceId) },
      people.editor.id,
    )
    const otherLink = linkClaims(
      { fromClaimId: other.claimId, toClaimId: newClaim(), type: 'related' },
      people.editor.id,
    )
    const id = newClaim()
    const before = deskFingerprint()
    const forms: Array<Record<string, string>> = [
      { intent: 'annotation-remove', annotationId: String(other.noteId) },
      { intent: 'annotation-edit', annotationId: String(other.noteId), body: 'Fremd.', version: '1' },
      { intent: 'remove-evidence', evidenceId: String(otherEvidence) },
      { intent: 'remove-link', linkId: String(otherLink) },
    ]
    for (const form of forms) {
      const answer = await call(
        routeModules['claims.$claimId._index/route.tsx']!.action!,
        formRequest(`/claims/${id}`, form, people.admin.cookie),
        { claimId: String(id) },
      )
      expect(answer.status, form.intent).toBe(404)
    }
    expect(deskFingerprint()).toEqual(before)
  })

  test('claims are assigned to active editors and admins only, whatever id the form names', async () => {
    const id = newClaim()
    const before = deskFingerprint()
    for (const assigneeId of [people.viewer.id, disabledUser.id]) {
      const answer = await call(
        routeModules['claims.$claimId._index/route.tsx']!.action!,
        formRequest(`/claims/${id}`, { intent: 'assign', assigneeId }, people.editor.cookie),
        { claimId: String(id) },
      )
      expect(answer.status).toBe(400)
    }
    expect(deskFingerprint()).toEqual(before)
  })
  // Saved views and staged imports are their owner's (imports an admin's too): checked
  // through their pages in claims-list.test.ts and import-staging.test.ts.
})

describe('disabled users', () => {
  test('are refused at sign-in with the message a wrong password gets', async () => {
    const login = routeModules['login.tsx']!.action!
    const disabled = await call(
      login,
      formRequest('/login', { email: disabledUser.email, password: disabledUser.password }),
    )
    const wrong = await call(login, formRequest('/login', { email: people.editor.email, password: 'not the password' }))
    const formErrors = (answer: Answer) => (answer.body as { result: { error: unknown } }).result.error
    expect(disabled.status).toBe(400)
    expect(formErrors(disabled)).toEqual({ '': ['E-mail or password is not right.'] })
    expect(formErrors(disabled)).toEqual(formErrors(wrong))
  })

  test('a session that outlived the disabling (written before it, say) is ended at its next request', async () => {
    const user = await signedIn('editor')
    db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id)).run()
    const answer = await call(routeModules['_index.tsx']!.loader!, getRequest('/claims', user.cookie))
    expect(answer).toMatchObject({ status: 302, setCookie: expect.stringMatching(/^claimdesk_session=;/) })
    expect(sessionRow(sessionIdOf(user.cookie))).toBeUndefined()
  })
})

describe('unknown and malformed ids are 404s, not 500s', () => {
  test.each(['999999', 'abc', '1e3', '-1', '0', '99999999999999999999'])('/claims/%s', async (id) => {
    const answer = await call(
      routeModules['claims.$claimId._index/route.tsx']!.loader!,
      getRequest(`/claims/${id}`, people.viewer.cookie),
      { claimId: id },
    )
    expect(answer.status).toBe(404)
  })
})
