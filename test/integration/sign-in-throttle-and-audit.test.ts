// Sign-in throttling per account and per address, and the audit log of sign-ins and
// account changes (decision 019), through the login, logout and admin routes.
import { describe, expect, test } from 'vitest'
import { listAuditEvents } from '#app/domain/audit.server.ts'
import * as adminAudit from '#app/routes/admin.audit.tsx'
import * as adminUsers from '#app/routes/admin.users.tsx'
import * as login from '#app/routes/login.tsx'
import * as logout from '#app/routes/logout.tsx'
import { runInRequestContext } from '#app/utils/request-context.server.ts'
import { formRequest, getRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

type Refused = { data: { result: { error: Record<string, string[]> } }; init: ResponseInit }

/** A login form post from `ip`, as the Express server would hand it to the route. */
function submitLogin(fields: Record<string, string>, ip: string) {
  return runInRequestContext({ requestId: 'test', ip, userId: null }, () =>
    login.action({ request: formRequest('/login', fields), params: {}, context: {} }),
  )
}

const messageOf = (result: unknown) => (result as Refused).data.result.error['']?.[0]
const statusOf = (result: unknown) => (result instanceof Response ? result.status : (result as Refused).init.status)

function auditOf(email: string) {
  return listAuditEvents({})
    .events.filter((event) => event.email === email)
    .map((event) => event.action)
    .reverse()
}

describe('sign-in throttling', () => {
  test('five failures lock the account, even for the right password, with a clear message; others are not affected', async () => {
    const user = await makeUser('editor')
    const bystander = await makeUser('editor')
    const ip = '198.51.100.1'
    for (let attempt = 1; attempt <= 4; attempt++) {
      const result = await submitLogin({ email: user.email, password: 'wrong' }, ip)
      expect(statusOf(result)).toBe(400)
      expect(messageOf(result)).toBe('E-mail or password is not right.')
    }
    const fifth = await submitLogin({ email: user.email, password: 'wrong' }, ip)
    expect(statusOf(fifth)).toBe(429)
    expect(messageOf(fifth)).toMatch(/^Too many failed sign-ins for this account\. .*try again in 15 minutes/)
    expect((fifth as Refused).init.headers).toEqual({ 'Retry-After': expect.stringMatching(/^(89\d|900)$/) })

    const rightPassword = await submitLogin({ email: user.email.toUpperCase(), password: user.password }, ip)
    expect(statusOf(rightPassword)).toBe(429)
    expect(rightPassword).not.toBeInstanceOf(Response)

    const other = await submitLogin({ email: bystander.email, password: bystander.password }, ip)
    expect(statusOf(other)).toBe(302)
    expect(auditOf(user.email)).toEqual(['user_created', ...Array(5).fill('sign_in_failed'), 'sign_in_throttled'])
  })

  test('guesses sent all at once are counted before their passwords are checked: no more than five get an answer', async () => {
    const user = await makeUser('editor')
    const results = await Promise.all(
      Array.from({ length: 12 }, () => submitLogin({ email: user.email, password: 'wrong' }, '198.51.100.3')),
    )
    expect(results.map(statusOf).filter((status) => status === 400)).toHaveLength(4)
    expect(auditOf(user.email).filter((action) => action === 'sign_in_failed')).toHaveLength(5)
  })

  test('a newsroom behind one address may all sign in at once', async () => {
    const people = await Promise.all(Array.from({ length: 25 }, () => makeUser('viewer')))
    const results = await Promise.all(
      people.map((person) => submitLogin({ email: person.email, password: person.password }, '198.51.100.4')),
    )
    expect(results.map(statusOf)).toEqual(people.map(() => 302))
  })

  test('a success clears the account’s failures', async () => {
    const user = await makeUser('viewer')
    const ip = '198.51.100.2'
    for (let attempt = 1; attempt <= 4; attempt++) await submitLogin({ email: user.email, password: 'wrong' }, ip)
    expect(statusOf(await submitLogin({ email: user.email, password: user.password }, ip))).toBe(302)
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(statusOf(await submitLogin({ email: user.email, password: 'wrong' }, ip))).toBe(400)
    }
  })

  test('twenty failures from one address, on any accounts, pause sign-in from there only', async () => {
    const user = await makeUser('editor')
    const ip = '203.0.113.9'
    for (let attempt = 1; attempt < 20; attempt++) {
      const result = await submitLogin({ email: `nobody-${attempt}@example.org`, password: 'guess' }, ip)
      expect(statusOf(result)).toBe(400)
    }
    const twentieth = await submitLogin({ email: 'nobody-20@example.org', password: 'guess' }, ip)
    expect(statusOf(twentieth)).toBe(429)
    expect(messageOf(twentieth)).toMatch(/^Too many failed sign-ins from your network address\./)
    expect(statusOf(await submitLogin({ email: user.email, password: user.password }, ip))).toBe(429)
    expect(statusOf(await submitLogin({ email: user.email, password: user.password }, '203.0.113.10'))).toBe(302)
  })
})

describe('an admin lifts a pause', () => {
  test('the users page shows the pause; lifting it lets the person in and is audited; refusals are recorded once', async () => {
    const admin = await signedIn('admin')
    const user = await makeUser('editor')
    const ip = '198.51.100.77'
    for (let attempt = 1; attempt <= 5; attempt++) await submitLogin({ email: user.email, password: 'wrong' }, ip)
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(statusOf(await submitLogin({ email: user.email, password: user.password }, ip))).toBe(429)
    }
    expect(auditOf(user.email).filter((action) => action === 'sign_in_throttled')).toHaveLength(1)

    const page = await adminUsers.loader({ request: getRequest('/admin/users', admin.cookie), params: {}, context: {} })
    expect(page.users.find((u) => u.id === user.id)?.signInPaused).toBe(true)
    await adminUsers.action({
      request: formRequest('/admin/users', { intent: 'lift-pause', userId: user.id }, admin.cookie),
      params: {},
      context: {},
    })
    const after = await adminUsers.loader({
      request: getRequest('/admin/users', admin.cookie),
      params: {},
      context: {},
    })
    expect(after.users.find((u) => u.id === user.id)?.signInPaused).toBe(false)
    expect(statusOf(await submitLogin({ email: user.email, password: user.password }, ip))).toBe(302)
    expect(listAuditEvents({ action: 'sign_in_pause_lifted' }).events[0]).toMatchObject({
      actor: { id: admin.id },
      subject: { id: user.id },
    })
  })
})

describe('audit log', () => {
  test('sign-in and sign-out are recorded with the address; a failure says why, for admins only', async () => {
    const user = await makeUser('editor')
    const ip = '192.0.2.44'
    await submitLogin({ email: user.email, password: 'wrong' }, ip)
    const response = (await submitLogin({ email: user.email, password: user.password }, ip)) as Response
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!
    await logout.action({ request: formRequest('/logout', {}, cookie), params: {}, context: {} })

    const events = listAuditEvents({}).events.filter((event) => event.email === user.email)
    expect(events.map((event) => [event.action, event.ip, event.actor?.id ?? null])).toEqual([
      ['sign_out', null, user.id],
      ['sign_in', ip, user.id],
      ['sign_in_failed', ip, null],
      // makeUser adds the account as a script would: no admin, no address.
      ['user_created', null, null],
    ])
    expect(events[2]!.detail).toEqual({ reason: 'wrong_password' })
    expect(events[2]!.subject?.id).toBe(user.id)
  })

  test('account changes through /admin/users name the admin, the account and what changed', async () => {
    const admin = await signedIn('admin')
    const post = (fields: Record<string, string>) =>
      adminUsers.action({ request: formRequest('/admin/users', fields, admin.cookie), params: {}, context: {} })
    await post({
      intent: 'create',
      email: 'audit@example.org',
      name: 'Audit',
      role: 'viewer',
      password: 'lang genug 123',
    })
    const created = listAuditEvents({ action: 'user_created' }).events[0]!
    expect(created).toMatchObject({ email: 'audit@example.org', actor: { id: admin.id }, detail: { role: 'viewer' } })
    const subjectId = created.subject!.id!

    await post({ intent: 'role', userId: subjectId, role: 'editor' })
    await post({ intent: 'role', userId: subjectId, role: 'nonsense' })
    await post({ intent: 'disable', userId: subjectId })
    await post({ intent: 'disable', userId: subjectId })
    await post({ intent: 'enable', userId: subjectId })
    const changes = listAuditEvents({})
      .events.filter((event) => event.subject?.id === subjectId)
      .map((event) => [event.action, event.actor?.id, event.detail])
    expect(changes).toEqual([
      ['user_enabled', admin.id, null],
      ['user_disabled', admin.id, null],
      ['role_changed', admin.id, { from: 'viewer', to: 'editor' }],
      ['user_created', admin.id, { role: 'viewer' }],
    ])
  })

  test('the audit page is for admins, filters by action and refuses a nonsense filter without failing', async () => {
    const admin = await signedIn('admin')
    const editor = await signedIn('editor')
    const denied = await adminAudit
      .loader({ request: getRequest('/admin/audit', editor.cookie), params: {}, context: {} })
      .catch((e: unknown) => e)
    expect((denied as { init: ResponseInit }).init.status).toBe(403)

    const page = await adminAudit.loader({
      request: getRequest('/admin/audit?action=role_changed', admin.cookie),
      params: {},
      context: {},
    })
    expect(page.events.every((event) => event.action === 'role_changed')).toBe(true)
    const nonsense = await adminAudit.loader({
      request: getRequest('/admin/audit?action=drop+table&before=abc', admin.cookie),
      params: {},
      context: {},
    })
    expect(nonsense.errors).toEqual({ action: [expect.stringMatching(/not an event/)], before: [expect.any(String)] })
  })
})
