// What the server knows about the request being handled, for code that only gets a
// Request: the caller's address (login throttling, audit) and who turned out to be
// signed in (request logs). server/index.ts opens one per request.
import { AsyncLocalStorage } from 'node:async_hooks'

export type RequestContext = {
  requestId: string
  /** The caller's address as Express sees it (TRUST_PROXY decides whether proxies count). */
  ip: string | null
  /** Set once the session is read, so the request log can name the user. */
  userId: string | null
}

// On globalThis because the dev server loads the app a second time through Vite: both
// copies must read the one store the Express server writes.
const globalForContext = globalThis as unknown as { __claimDeskRequests?: AsyncLocalStorage<RequestContext> }
const requests = (globalForContext.__claimDeskRequests ??= new AsyncLocalStorage<RequestContext>())

export function runInRequestContext<T>(context: RequestContext, run: () => T): T {
  return requests.run(context, run)
}

/** The current request's context; undefined outside a server request (scripts, tests). */
export function currentRequest(): RequestContext | undefined {
  return requests.getStore()
}

export function noteSignedInUser(userId: string) {
  const context = currentRequest()
  if (context) context.userId = userId
}
