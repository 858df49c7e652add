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
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() }
  }
  // Disabling a user deletes their sessions; this is the belt to those braces.
  if (user.disabledAt) {
    await lucia.invalidateSession(session.id)
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() }
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
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
  return lucia.createSessionCookie(session.id).serialize()
}

export async function endSession(request: Request) {
  const sessionId = readSessionId(request)
  if (sessionId) await lucia.invalidateSession(sessionId)
  return lucia.createBlankSessionCookie().serialize()
}

export async function endAllSessionsOf(userId: string) {
  await lucia.invalidateUserSessions(userId)
}
