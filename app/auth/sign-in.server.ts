// Signing in and out, with the throttle and the audit log around them. The login and
// logout routes call these; sessions themselves stay in session.server.ts.
import { auditedSince, recordAuditEvent } from '#app/domain/audit.server.ts'
import { authenticate } from '#app/domain/users.server.ts'
import { readEnv } from '#app/utils/env.server.ts'
import { currentRequest, noteSignedInUser } from '#app/utils/request-context.server.ts'
import { startSignInAttempt } from './login-throttle.server.ts'
import { getOptionalUser } from './permissions.server.ts'
import { endSession, startSession } from './session.server.ts'

export type SignInOutcome =
  | { ok: true; userId: string; setCookie: string }
  | { ok: false; status: 400 | 429; message: string; retryAfterSeconds?: number }

// One message for every wrong answer, so the form does not reveal which accounts exist.
const notRight = 'E-mail or password is not right.'

/**
 * Checks the throttle and the password, records the attempt and starts a fresh session.
 * `email` is as LoginSchema gives it, trimmed and in lower case as accounts are stored,
 * so the audit log groups every attempt on one account together.
 */
export async function signIn(request: Request, email: string, password: string): Promise<SignInOutcome> {
  const ip = currentRequest()?.ip ?? null
  const attempt = await startSignInAttempt(email, ip)
  if (attempt.refused) {
    // Once per pause is what an admin needs; a script hammering a paused account or
    // address must not grow the audit table by a row a request.
    const pausedSince = new Date(Date.now() - readEnv().LOGIN_WINDOW_MINUTES * 60_000)
    const who = attempt.refused.reason === 'account' ? { email } : { ip }
    if (!auditedSince('sign_in_throttled', pausedSince, who)) {
      recordAuditEvent({ action: 'sign_in_throttled', email, detail: { limit: attempt.refused.reason } })
    }
    return {
      ok: false,
      status: 429,
      message: attempt.refused.message,
      retryAfterSeconds: attempt.refused.retryAfterSeconds,
    }
  }
  const result = await authenticate(email, password)
  if (!result.user) {
    recordAuditEvent({
      action: 'sign_in_failed',
      email,
      subjectId: result.userId,
      detail: { reason: result.failure },
    })
    const refusedNow = await attempt.failed()
    if (refusedNow) {
      return { ok: false, status: 429, message: refusedNow.message, retryAfterSeconds: refusedNow.retryAfterSeconds }
    }
    return { ok: false, status: 400, message: notRight }
  }
  const { user } = result
  await attempt.succeeded()
  recordAuditEvent({ action: 'sign_in', actorId: user.id, subjectId: user.id, email: user.email })
  noteSignedInUser(user.id)
  // A brand-new session id on every sign-in (session fixation): startSession drops the old one.
  return { ok: true, userId: user.id, setCookie: await startSession(user.id, request) }
}

/** Ends the request's session; returns the Set-Cookie value that clears it. */
export async function signOut(request: Request) {
  const user = await getOptionalUser(request)
  const setCookie = await endSession(request)
  if (user) recordAuditEvent({ action: 'sign_out', actorId: user.id, subjectId: user.id, email: user.email })
  return setCookie
}
