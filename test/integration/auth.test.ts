import { describe, expect, test } from 'vitest'
import { getSessionUser } from '#app/auth/session.server.ts'
import { changeUserRole, setUserDisabled } from '#app/domain/users.server.ts'
import * as login from '#app/routes/login.tsx'
import * as logout from '#app/routes/logout.tsx'
import { FieldError } from '#app/utils/errors.server.ts'
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
    await setUserDisabled(user.id, true)
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
    expect(() => changeUserRole(admin.id, 'editor')).toThrow(FieldError)
    await expect(setUserDisabled(admin.id, true)).rejects.toThrow(FieldError)
    const second = await makeUser('admin')
    changeUserRole(admin.id, 'editor')
    expect(() => changeUserRole(second.id, 'viewer')).toThrow(FieldError)
  })
})

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
