// Sessions live here and nowhere else: lucia 3 is deprecated upstream, so the rest of
// the app talks to these functions and never to lucia, and it can be swapped in one file.
import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle'
import { Lucia, type Session } from 'lucia'
import { db } from '#db/client.ts'
import { sessions, users, type Role } from '#db/schema.ts'
import { readEnv } from '#app/utils/env.server.ts'

const adapter = new DrizzleSQLiteAdapter(db, sessions, users)

const lucia = new Lucia(adapter, {
  sessionCookie: {
    name: 'claimdesk_session',
    attributes: { secure: readEnv().secureCookies, sameSite: 'lax' },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role,
    disabledAt: attributes.disabledAt,
  }),
})

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    DatabaseUserAttributes: {
      email: string
      name: string
      role: Role
      disabledAt: Date | null
    }
  }
}

export type SessionUser = { id: string; email: string; name: string; role: Role }

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Secure cookies are right in production, but Safari refuses them on plain
 * http://localhost, where a newcomer first runs `npm start`. A request that reached us
 * over http on a loopback name gets the cookie without the flag; behind a TLS proxy the
 * Host is the public name, so real deployments keep it.
 */
export function forRequest(cookie: string, request: Request | undefined) {
  if (!request) return cookie
  const url = new URL(request.url)
  if (url.protocol === 'http:' && loopbackHosts.has(url.hostname)) return cookie.replace(/; Secure/i, '')
  return cookie
}

function readSessionId(request: Request) {
  return lucia.readSessionCookie(request.headers.get('Cookie') ?? '')
}

/**
 * The signed-in user of a request, or null. `setCookie` is a header value to send back
 * when the session was extended or found invalid.
 */
export async function getSessionUser(
  request: Request,
): Promise<{ user: SessionUser | null; setCookie: string | null }> {
  const sessionId = readSessionId(request)
  if (!sessionId) return { user: null, setCookie: null }
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session || !user) {
    return { user: null, setCookie: forRequest(lucia.createBlankSessionCookie().serialize(), request) }
  }
  // Disabling a user deletes their sessions; this is the belt to those braces.
  if (user.disabledAt) {
    await lucia.invalidateSession(session.id)
    return { user: null, setCookie: forRequest(lucia.createBlankSessionCookie().serialize(), request) }
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    setCookie: session.fresh ? forRequest(lucia.createSessionCookie(session.id).serialize(), request) : null,
  }
}

/**
 * Starts a new session and returns its Set-Cookie value. A brand-new id on every login
 * means a session id planted before login is worthless afterwards.
 */
export async function startSession(userId: string, request?: Request) {
  const previous = request ? readSessionId(request) : null
  if (previous) await lucia.invalidateSession(previous)
  const session: Session = await lucia.createSession(userId, {})
  return forRequest(lucia.createSessionCookie(session.id).serialize(), request)
}

export async function endSession(request: Request) {
  const sessionId = readSessionId(request)
  if (sessionId) await lucia.invalidateSession(sessionId)
  return forRequest(lucia.createBlankSessionCookie().serialize(), request)
}

export async function endAllSessionsOf(userId: string) {
  await lucia.invalidateUserSessions(userId)
}
