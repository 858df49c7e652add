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
