import { describe, expect, test } from 'vitest'
import { getSessionUser } from '#app/auth/session.server.ts'
import { changeUserRole, setUserDisabled } from '#app/domain/users.server.ts'
import * as login from '#app/routes/login.tsx'
import * as logout from '#app/routes/logout.tsx'
import { formRequest, makeUser, signedIn } from '#test/helpers/fixtures.ts'

async function submitLogin(fields: Record<string, string>, cookie?: string) {
  const result = await login.action({ request: formRequest('/login', fields, cookie), params: {}, context: {} })
  return result
}

function cookieOf(response: Response) {
  return response.headers.get('Set-Cookie') ?? ''
}

describe('login', () => {
  test('right password: a session cookie that is httpOnly and SameSite=Lax, and the way back', async () => {
    const user = await makeUser('editor')
    const response = await submitLogin({
      email: user.email.toUpperCase(),
      password: user.password,
      redirectTo: '/claims?status=new',
    })
    expect(response).toBeInstanceOf(Response)
    const res = response as Response
    expect(res.status).toBe(302)
    expect(res.headers.get('Location')).toBe('/claims?status=new')
    expect(cookieOf(res)).toMatch(/^claimdesk_session=[^;]+;/)
    expect(cookieOf(res)).toMatch(/HttpOnly/i)
    expect(cookieOf(res)).toMatch(/SameSite=Lax/i)
    const session = await getSessionUser(
      new Request('http://localhost/', { headers: { Cookie: cookieOf(res).split(';')[0]! } }),
    )
    expect(session.user?.email).toBe(user.email)
  })

  test('wrong password and unknown e-mail get the same message', async () => {
    const user = await makeUser('editor')
    const wrong = (await submitLogin({ email: user.email, password: 'not the password' })) as {
      data: { result: { error: Record<string, string[]> } }
      init: ResponseInit
    }
    const unknown = (await submitLogin({ email: 'nobody@example.org', password: 'not the password' })) as typeof wrong
    expect(wrong.init.status).toBe(400)
    expect(unknown.init.status).toBe(400)
    expect(wrong.data.result.error).toEqual({ '': ['E-mail or password is not right.'] })
    expect(unknown.data.result.error).toEqual(wrong.data.result.error)
  })

  test('a redirect to another site is ignored', async () => {
    const user = await makeUser('viewer')
    const response = (await submitLogin({
      email: user.email,
      password: user.password,
      redirectTo: '//evil.example/x',
    })) as Response
    expect(response.headers.get('Location')).toBe('/')
  })

  test('login issues a new session id and ends the one the browser came with', async () => {
    const user = await signedIn('editor')
    const response = (await submitLogin({ email: user.email, password: user.password }, user.cookie)) as Response
    const fresh = cookieOf(response).split(';')[0]!
    expect(fresh).not.toBe(user.cookie)
    const old = await getSessionUser(new Request('http://localhost/', { headers: { Cookie: user.cookie } }))
    expect(old.user).toBeNull()
  })

  test('a disabled user cannot sign in and their open sessions end at once', async () => {
    const user = await signedIn('editor')
    const admin = await makeUser('admin')
    await setUserDisabled(admin.id, user.id, true)
    const session = await getSessionUser(new Request('http://localhost/', { headers: { Cookie: user.cookie } }))
    expect(session.user).toBeNull()
    const attempt = (await submitLogin({ email: user.email, password: user.password })) as { init: ResponseInit }
    expect(attempt.init.status).toBe(400)
  })

  test('logout ends the session', async () => {
    const user = await signedIn('viewer')
    const response = await logout.action({ request: formRequest('/logout', {}, user.cookie), params: {}, context: {} })
    expect(response.headers.get('Location')).toBe('/login')
    const session = await getSessionUser(new Request('http://localhost/', { headers: { Cookie: user.cookie } }))
    expect(session.user).toBeNull()
  })
})

describe('user administration rules', () => {
  test('the last active admin can be neither demoted nor disabled', async () => {
    const { getConnection } = await import('#db/client.ts')
    getConnection().sqlite.prepare("update users set role = 'editor' where role = 'admin'").run()
    const admin = await makeUser('admin')
    expect(() => changeUserRole('a-script', admin.id, 'editor')).toThrow(/last active admin/)
    await expect(setUserDisabled('a-script', admin.id, true)).rejects.toThrow(/last active admin/)
    const second = await makeUser('admin')
    changeUserRole(second.id, admin.id, 'editor')
    expect(() => changeUserRole(admin.id, second.id, 'viewer')).toThrow(/last active admin/)
  })

  test('nobody changes their own role or disables themselves', async () => {
    const admin = await makeUser('admin')
    expect(() => changeUserRole(admin.id, admin.id, 'viewer')).toThrow(/your own role/)
    await expect(setUserDisabled(admin.id, admin.id, true)).rejects.toThrow(/your own role/)
  })

  test('through /admin/users: create, change role, disable; bad input changes nothing', async () => {
    const adminUsers = await import('#app/routes/admin.users.tsx')
    const { listUsers } = await import('#app/domain/users.server.ts')
    const admin = await signedIn('admin')
    const post = (fields: Record<string, string>) =>
      adminUsers.action({
        request: formRequest('/admin/users', fields, admin.cookie),
        params: {},
        context: {},
      }) as Promise<{
        data: { error?: string; result?: { error: Record<string, string[]> } }
        init: ResponseInit | null
      }>
    const created = await post({
      intent: 'create',
      email: 'Neu@Example.org',
      name: 'Neu',
      role: 'viewer',
      password: 'ein langes Passwort',
    })
    expect(created.init?.status ?? 200).toBe(200)
    const neu = listUsers().find((u) => u.email === 'neu@example.org')!
    expect(neu.role).toBe('viewer')

    const taken = await post({
      intent: 'create',
      email: 'neu@example.org',
      name: 'Doppelt',
      role: 'admin',
      password: 'ein langes Passwort',
    })
    expect(taken.init?.status).toBe(400)
    expect(taken.data.result?.error.email).toEqual(['A user with this e-mail already exists.'])

    await post({ intent: 'role', userId: neu.id, role: 'editor' })
    expect(listUsers().find((u) => u.id === neu.id)?.role).toBe('editor')

    const bogus = await post({ intent: 'role', userId: neu.id, role: 'owner' })
    expect(bogus.init?.status).toBe(400)
    expect(listUsers().find((u) => u.id === neu.id)?.role).toBe('editor')

    const self = await post({ intent: 'disable', userId: admin.id })
    expect(self.init?.status).toBe(400)
    expect(self.data.error).toMatch(/your own role or disable yourself/)

    const session = await startSessionFor(neu.id)
    await post({ intent: 'disable', userId: neu.id })
    expect(listUsers().find((u) => u.id === neu.id)?.disabledAt).toBeInstanceOf(Date)
    expect((await getSessionUser(new Request('http://localhost/', { headers: { Cookie: session } }))).user).toBeNull()

    const unknown = await post({ intent: 'enable', userId: 'no-such-user' })
    expect(unknown.init?.status).toBe(404)
  })
})

async function startSessionFor(userId: string) {
  const { startSession } = await import('#app/auth/session.server.ts')
  return (await startSession(userId)).split(';')[0]!
}

describe('session cookie flags', () => {
  test('Secure by default in production, configurable, off in development', async () => {
    const { readEnv } = await import('#app/utils/env.server.ts')
    expect(readEnv({ NODE_ENV: 'production' }).secureCookies).toBe(true)
    expect(readEnv({ NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' }).secureCookies).toBe(false)
    expect(readEnv({ NODE_ENV: 'development' }).secureCookies).toBe(false)
    expect(readEnv({ NODE_ENV: 'development', SESSION_COOKIE_SECURE: 'true' }).secureCookies).toBe(true)
  })

  test('a bad value stops the start with the variable named', async () => {
    const { readEnv } = await import('#app/utils/env.server.ts')
    expect(() => readEnv({ SESSION_COOKIE_SECURE: 'yes' })).toThrow(/SESSION_COOKIE_SECURE/)
    expect(() => readEnv({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})
