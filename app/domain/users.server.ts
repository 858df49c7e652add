import { randomUUID } from 'node:crypto'
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm'
import { db } from '#db/client.ts'
import { users, type Role } from '#db/schema.ts'
import { decoyPasswordHash, hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { liftSignInPause, pausedAccounts } from '#app/auth/login-throttle.server.ts'
import { endAllSessionsOf } from '#app/auth/session.server.ts'
import { FieldError, NotFoundError } from '#app/utils/errors.server.ts'
import { recordAuditEvent } from './audit.server.ts'

/** Everyone with an account, and whether too many failed sign-ins have paused theirs. */
export function listUsers() {
  const paused = pausedAccounts()
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.name))
    .all()
    .map((user) => ({ ...user, signInPaused: paused.has(user.email) }))
}

export function listActiveEditors() {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(isNull(users.disabledAt), ne(users.role, 'viewer')))
    .orderBy(asc(users.name))
    .all()
}

/** `actorId` is the admin who added the account; none when a script or the seed did. */
export async function createUser(
  input: { email: string; name: string; role: Role; password: string },
  actorId: string | null = null,
) {
  const email = input.email.trim().toLowerCase()
  const taken = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()
  if (taken) throw new FieldError({ email: ['A user with this e-mail already exists.'] })
  const passwordHash = await hashPassword(input.password)
  const id = randomUUID()
  // Checked again by the unique index: another admin may have added the address while we hashed.
  const added = db.transaction(() => {
    const inserted = db
      .insert(users)
      .values({ id, email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .run()
    if (inserted.changes === 0) return false
    recordAuditEvent({ action: 'user_created', actorId, subjectId: id, email, detail: { role: input.role } })
    return true
  })
  if (!added) throw new FieldError({ email: ['A user with this e-mail already exists.'] })
  return id
}

function getUserRow(userId: string) {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  if (!user) throw new NotFoundError('User')
  return user
}

/** The desk must always keep one admin who can sign in, or nobody can manage users. */
function assertAnotherActiveAdmin(userId: string) {
  const others =
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
      .get()?.n ?? 0
  if (others === 0) {
    throw new FieldError({ role: ['This is the last active admin; make someone else admin first.'] })
  }
}

/** Admins change other people's accounts; their own stays as it is, so nobody locks themselves out. */
function assertNotSelf(actorId: string, userId: string) {
  if (actorId === userId) {
    throw new FieldError({ userId: ['You cannot change your own role or disable yourself; ask another admin.'] })
  }
}

export function changeUserRole(actorId: string, userId: string, role: Role) {
  assertNotSelf(actorId, userId)
  const user = getUserRow(userId)
  if (user.role === role) return
  if (user.role === 'admin') assertAnotherActiveAdmin(userId)
  db.transaction(() => {
    db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).run()
    recordAuditEvent({
      action: 'role_changed',
      actorId,
      subjectId: userId,
      email: user.email,
      detail: { from: user.role, to: role },
    })
  })
}

/** Disabling ends every session of the user at once; their work stays attributed to them. */
export async function setUserDisabled(actorId: string, userId: string, disabled: boolean) {
  assertNotSelf(actorId, userId)
  const user = getUserRow(userId)
  if (disabled && user.role === 'admin') assertAnotherActiveAdmin(userId)
  if (Boolean(user.disabledAt) === disabled) return
  db.transaction(() => {
    db.update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .run()
    recordAuditEvent({
      action: disabled ? 'user_disabled' : 'user_enabled',
      actorId,
      subjectId: userId,
      email: user.email,
    })
  })
  if (disabled) await endAllSessionsOf(userId)
}

export type AuthenticationFailure = 'unknown_account' | 'wrong_password' | 'disabled'

/** An admin lifts a sign-in pause (decision 019): the account's failures are forgotten. */
export async function liftUserSignInPause(actorId: string, userId: string) {
  const user = getUserRow(userId)
  await liftSignInPause(user.email)
  recordAuditEvent({ action: 'sign_in_pause_lifted', actorId, subjectId: userId, email: user.email })
}

/**
 * The user for an e-mail and password, or why not. Unknown e-mail, wrong password and
 * disabled account do the same work, so timing tells nothing; the reason is for the
 * audit log only, never for the person at the login form.
 */
export async function authenticate(
  email: string,
  password: string,
): Promise<
  | { user: { id: string; email: string; name: string; role: Role } }
  | { user: null; failure: AuthenticationFailure; userId: string | null }
> {
  const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get()
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password)
  if (!user) return { user: null, failure: 'unknown_account', userId: null }
  if (!valid) return { user: null, failure: 'wrong_password', userId: user.id }
  if (user.disabledAt) return { user: null, failure: 'disabled', userId: user.id }
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role } }
}
