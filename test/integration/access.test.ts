// Role rules per route, called as Remix calls them: loaders and actions with a Request.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import * as activity from '#app/routes/activity.tsx'
import * as adminUsers from '#app/routes/admin.users.tsx'
import * as claimDetail from '#app/routes/claims.$claimId._index/route.tsx'
import * as claimEdit from '#app/routes/claims.$claimId.edit.tsx'
import * as claimsIndex from '#app/routes/claims._index.tsx'
import * as claimNew from '#app/routes/claims.new.tsx'
import * as trash from '#app/routes/claims.trash.tsx'
import * as desk from '#app/routes/_index.tsx'
import * as resourcesClaims from '#app/routes/resources.claims.tsx'
import * as resourcesSources from '#app/routes/resources.sources.tsx'
import * as resourcesSpeakers from '#app/routes/resources.speakers.tsx'
import * as sourceDetail from '#app/routes/sources.$sourceId._index.tsx'
import * as sourceEdit from '#app/routes/sources.$sourceId.edit.tsx'
import * as sourcesIndex from '#app/routes/sources._index.tsx'
import * as sourceNew from '#app/routes/sources.new.tsx'
import * as speakerDetail from '#app/routes/speakers.$speakerId._index.tsx'
import * as speakerEdit from '#app/routes/speakers.$speakerId.edit.tsx'
import * as speakerMerge from '#app/routes/speakers.$speakerId.merge.tsx'
import * as speakersIndex from '#app/routes/speakers._index.tsx'
import * as speakerNew from '#app/routes/speakers.new.tsx'
import { createClaim, getClaim } from '#app/domain/claims.server.ts'
import { createSource, getSource } from '#app/domain/sources.server.ts'
import { createSpeaker, getSpeaker } from '#app/domain/speakers.server.ts'
import { getConnection } from '#db/client.ts'
import { formRequest, getRequest, signedIn } from '#test/helpers/fixtures.ts'

const viewer = await signedIn('viewer')
const editor = await signedIn('editor')
const admin = await signedIn('admin')

const speakerId = createSpeaker({ name: 'Kim Jong-un', kind: 'person', aliases: ['Kim Jong Un'] }, editor.id)
const duplicateSpeakerId = createSpeaker({ name: 'Kim Dschong Un', kind: 'person', aliases: [] }, editor.id)
const sourceId = createSource(
  { title: 'Gipfel in Wostotschny', kind: 'article', excerpt: 'Kim traf Putin im Kosmodrom Wostotschny.' },
  editor.id,
)
const claimId = createClaim({ text: 'Kim sicherte Putin volle Unterstützung zu.', language: 'de', tags: [] }, editor.id)

const tables = [
  'users',
  'sessions',
  'claims',
  'speakers',
  'speaker_aliases',
  'sources',
  'evidence',
  'claim_events',
  'tags',
  'annotations',
]
function snapshot() {
  const { sqlite } = getConnection()
  return Object.fromEntries(
    tables.map((t) => [t, sqlite.prepare(`select count(*) as n, max(rowid) as last from ${t}`).get()]),
  )
}
// Taken after the fixtures; anonymous and viewer attempts must leave every table as it is.
const before = snapshot()

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Action = (args: ActionFunctionArgs) => Promise<unknown>

/** What a loader or action answered: the Response it returned or threw, or plain data. */
async function outcome(run: () => Promise<unknown>) {
  try {
    const value = await run()
    if (value instanceof Response) return { status: value.status, location: value.headers.get('Location') }
    if (
      value &&
      typeof value === 'object' &&
      'type' in value &&
      (value as { type: unknown }).type === 'DataWithResponseInit'
    ) {
      const init = (value as unknown as { init: ResponseInit | null }).init
      return { status: init?.status ?? 200, location: null }
    }
    return { status: 200, location: null }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get('Location') }
    if (thrown && typeof thrown === 'object' && 'init' in thrown) {
      return { status: (thrown as { init: ResponseInit | null }).init?.status ?? 500, location: null }
    }
    throw thrown
  }
}

const pages: Array<[string, Loader, Record<string, string>]> = [
  ['/', desk.loader, {}],
  ['/claims', claimsIndex.loader, {}],
  [`/claims/${claimId}`, claimDetail.loader, { claimId: String(claimId) }],
  ['/claims/trash', trash.loader, {}],
  ['/activity', activity.loader, {}],
  ['/activity?type=updated&claim=abc', activity.loader, {}],
  ['/speakers', speakersIndex.loader, {}],
  [`/speakers/${speakerId}`, speakerDetail.loader, { speakerId: String(speakerId) }],
  ['/sources', sourcesIndex.loader, {}],
  [`/sources/${sourceId}`, sourceDetail.loader, { sourceId: String(sourceId) }],
  ['/resources/speakers?q=kim', resourcesSpeakers.loader, {}],
  ['/resources/sources?q=gipfel', resourcesSources.loader, {}],
  ['/resources/claims?q=putin', resourcesClaims.loader, {}],
]

const editorPages: Array<[string, Loader, Record<string, string>]> = [
  ['/claims/new', claimNew.loader, {}],
  [`/claims/${claimId}/edit`, claimEdit.loader, { claimId: String(claimId) }],
  ['/speakers/new', speakerNew.loader, {}],
  [`/speakers/${speakerId}/edit`, speakerEdit.loader, { speakerId: String(speakerId) }],
  [`/speakers/${duplicateSpeakerId}/merge`, speakerMerge.loader, { speakerId: String(duplicateSpeakerId) }],
  [
    `/speakers/${duplicateSpeakerId}/merge?into=Kim+Jong+Un`,
    speakerMerge.loader,
    { speakerId: String(duplicateSpeakerId) },
  ],
  ['/sources/new', sourceNew.loader, {}],
  [`/sources/${sourceId}/edit`, sourceEdit.loader, { sourceId: String(sourceId) }],
]

// Each write a viewer might try, with input that would succeed for an editor.
const writes: Array<[string, Action, Record<string, string>, Record<string, string>]> = [
  ['/claims/new', claimNew.action, {}, { text: 'Viewer-Behauptung', language: 'de' }],
  [
    `/claims/${claimId}/edit`,
    claimEdit.action,
    { claimId: String(claimId) },
    { text: 'Geändert', language: 'de', version: '1' },
  ],
  [`/claims/${claimId}`, claimDetail.action, { claimId: String(claimId) }, { intent: 'delete', version: '1' }],
  [`/claims/${claimId}`, claimDetail.action, { claimId: String(claimId) }, { intent: 'restore' }],
  [
    `/claims/${claimId}`,
    claimDetail.action,
    { claimId: String(claimId) },
    { intent: 'review', move: 'start', version: '1' },
  ],
  [`/claims/${claimId}`, claimDetail.action, { claimId: String(claimId) }, { intent: 'assign' }],
  [
    `/claims/${claimId}`,
    claimDetail.action,
    { claimId: String(claimId) },
    { intent: 'attach-evidence', role: 'supports', sourceId: String(sourceId), sourceRef: 'x' },
  ],
  [
    `/claims/${claimId}`,
    claimDetail.action,
    { claimId: String(claimId) },
    { intent: 'remove-evidence', evidenceId: '1' },
  ],
  [
    `/claims/${claimId}`,
    claimDetail.action,
    { claimId: String(claimId) },
    { intent: 'annotation-add', kind: 'question', body: 'Wer hat das gesagt?' },
  ],
  ['/speakers/new', speakerNew.action, {}, { name: 'Neu', kind: 'person' }],
  [
    `/speakers/${speakerId}/edit`,
    speakerEdit.action,
    { speakerId: String(speakerId) },
    { name: 'Geändert', kind: 'person', version: '1' },
  ],
  [
    `/speakers/${duplicateSpeakerId}/merge`,
    speakerMerge.action,
    { speakerId: String(duplicateSpeakerId) },
    { intoSpeakerId: String(speakerId), speakerVersion: '1', intoVersion: '1' },
  ],
  ['/sources/new', sourceNew.action, {}, { title: 'Neu', kind: 'article' }],
  [
    `/sources/${sourceId}/edit`,
    sourceEdit.action,
    { sourceId: String(sourceId) },
    { title: 'Geändert', kind: 'article', version: '1' },
  ],
  [
    `/sources/${sourceId}`,
    sourceDetail.action,
    { sourceId: String(sourceId) },
    { intent: 'annotation-passage', kind: 'note', body: 'Wer war dabei?', passage: 'Kosmodrom Wostotschny' },
  ],
  [
    '/admin/users',
    adminUsers.action,
    {},
    { intent: 'create', email: 'x@example.org', name: 'X', role: 'admin', password: 'long enough password' },
  ],
]

describe('anonymous visitors see only the login page', () => {
  test.each([...pages, ...editorPages, ['/admin/users', adminUsers.loader, {}] as const])(
    '%s redirects to login',
    async (url, loader, params) => {
      const result = await outcome(() => loader({ request: getRequest(url), params, context: {} }))
      expect(result.status).toBe(302)
      expect(result.location).toBe(url === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: url })}`)
    },
  )

  test.each(writes)('POST %s redirects to login and changes nothing', async (url, action, params, fields) => {
    const result = await outcome(() => action({ request: formRequest(url, fields), params, context: {} }))
    expect(result.status).toBe(302)
  })
})

describe('viewers read everything and change nothing', () => {
  test.each(pages)('%s is readable', async (url, loader, params) => {
    expect((await outcome(() => loader({ request: getRequest(url, viewer.cookie), params, context: {} }))).status).toBe(
      200,
    )
  })

  test.each(editorPages)('%s is refused with 403', async (url, loader, params) => {
    expect((await outcome(() => loader({ request: getRequest(url, viewer.cookie), params, context: {} }))).status).toBe(
      403,
    )
  })

  test.each(writes)('POST %s is refused with 403', async (url, action, params, fields) => {
    const result = await outcome(() =>
      action({ request: formRequest(url, fields, viewer.cookie), params, context: {} }),
    )
    expect(result.status).toBe(403)
  })

  test('and nothing was written by those attempts, anonymous or viewer', () => {
    expect(snapshot()).toEqual(before)
    expect(getClaim(claimId)).toMatchObject({
      text: 'Kim sicherte Putin volle Unterstützung zu.',
      version: 1,
      deletedAt: null,
    })
    expect(getSpeaker(speakerId)).toMatchObject({ name: 'Kim Jong-un', version: 1 })
    expect(getSpeaker(duplicateSpeakerId)).toMatchObject({ mergedIntoId: null, version: 1 })
    expect(getSource(sourceId)).toMatchObject({ title: 'Gipfel in Wostotschny', version: 1 })
  })
})

describe('editors', () => {
  test.each(editorPages)('%s is open to editors', async (url, loader, params) => {
    expect((await outcome(() => loader({ request: getRequest(url, editor.cookie), params, context: {} }))).status).toBe(
      200,
    )
  })

  test('user administration is refused to editors', async () => {
    expect(
      (
        await outcome(() =>
          adminUsers.loader({ request: getRequest('/admin/users', editor.cookie), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403)
    const create = formRequest(
      '/admin/users',
      { intent: 'create', email: 'e@example.org', name: 'E', role: 'admin', password: 'long enough password' },
      editor.cookie,
    )
    expect((await outcome(() => adminUsers.action({ request: create, params: {}, context: {} }))).status).toBe(403)
  })

  test('admins may manage users', async () => {
    expect(
      (
        await outcome(() =>
          adminUsers.loader({ request: getRequest('/admin/users', admin.cookie), params: {}, context: {} }),
        )
      ).status,
    ).toBe(200)
  })
})

describe('unknown and malformed ids are 404s, not 500s', () => {
  test.each(['999999', 'abc', '1e3', '-1', '0', '99999999999999999999'])('/claims/%s', async (id) => {
    const result = await outcome(() =>
      claimDetail.loader({ request: getRequest(`/claims/${id}`, viewer.cookie), params: { claimId: id }, context: {} }),
    )
    expect(result.status).toBe(404)
  })
})
