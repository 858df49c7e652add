// Builders for test data, going through the same domain functions the app uses.
import { createUser } from '#app/domain/users.server.ts'
import { startSession } from '#app/auth/session.server.ts'
import type { Role } from '#db/schema.ts'

let counter = 0

export async function makeUser(role: Role, name = `${role} ${++counter}`) {
  const email = `${role}-${++counter}-${Date.now()}@test.example`
  const id = await createUser({ email, name, role, password: 'correct horse battery' })
  return { id, email, name, role, password: 'correct horse battery' }
}

/** A user with a live session, and the Cookie header that carries it. */
export async function signedIn(role: Role) {
  const user = await makeUser(role)
  const setCookie = await startSession(user.id)
  return { ...user, cookie: setCookie.split(';')[0]! }
}

export function formRequest(url: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
  })
}

export function getRequest(url: string, cookie?: string) {
  return new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} })
}

let pausedFrom = 0

/** Uses up an account's failed sign-ins, as that many wrong passwords would (no argon2 run). */
export async function pauseSignIn(email: string) {
  const { readEnv } = await import('#app/utils/env.server.ts')
  const { startSignInAttempt } = await import('#app/auth/login-throttle.server.ts')
  // An address of its own each time, so the address's count never pauses anyone else.
  const ip = `198.18.0.${++pausedFrom}`
  for (let failure = 0; failure < readEnv().LOGIN_MAX_FAILURES_PER_ACCOUNT; failure++) {
    const attempt = await startSignInAttempt(email, ip)
    if (attempt.refused) throw new Error(`${email} is paused already.`)
    await attempt.failed()
  }
}
