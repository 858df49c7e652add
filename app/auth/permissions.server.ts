// Every loader and action starts with one of these. Rules are enforced here, on the
// server, never only by hiding a button.
import { data, redirect } from '@remix-run/node'
import type { Role } from '#db/schema.ts'
import { noteSignedInUser } from '#app/utils/request-context.server.ts'
import { getSessionUser, type SessionUser } from './session.server.ts'

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 }

export function hasRole(user: Pick<SessionUser, 'role'>, role: Role) {
  return rank[user.role] >= rank[role]
}

// Root and route loaders receive the same Request; look the session up once for all.
const sessionsByRequest = new WeakMap<Request, ReturnType<typeof getSessionUser>>()

export function getSession(request: Request) {
  let pending = sessionsByRequest.get(request)
  if (!pending) {
    pending = getSessionUser(request).then((session) => {
      if (session.user) noteSignedInUser(session.user.id)
      return session
    })
    sessionsByRequest.set(request, pending)
  }
  return pending
}

export async function getOptionalUser(request: Request) {
  return (await getSession(request)).user
}

/**
 * Where to come back to after login: only a path on this site. Browsers forgive a lot
 * (`/\t/evil.example`, `/\\evil.example`), so the path is resolved as a browser would and
 * kept only if it stays on our origin; it comes back percent-encoded, safe for a header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  const base = 'http://claimdesk.invalid'
  let resolved: URL
  try {
    resolved = new URL(to, base)
  } catch {
    return fallback
  }
  if (resolved.origin !== base) return fallback
  return `${resolved.pathname}${resolved.search}${resolved.hash}`
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const { user, setCookie } = await getSession(request)
  if (user) return user
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  const params = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
  throw redirect(`/login${params}`, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined)
}

export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user, role)) {
    throw data({ message: `This needs the ${role} role; you are signed in as ${user.role}.` }, { status: 403 })
  }
  return user
}

export const requireEditor = (request: Request) => requireRole(request, 'editor')
export const requireAdmin = (request: Request) => requireRole(request, 'admin')
