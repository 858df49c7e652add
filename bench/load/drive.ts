// Drives a running desk with autocannon: one keep-alive connection per signed-in session,
// each connection asking its own session (traffic.ts) what to request next and handing it
// the answer. autocannon keeps the connections busy, counts transport errors and
// timeouts; the sessions time every request themselves, so latency can be told per kind.
import autocannon from 'autocannon'
import { signInOverHttp } from '#test/helpers/desk-http.ts'
import type { Account } from './desk.ts'
import { readForm } from './html-form.ts'
import { DeskSession, type Traffic } from './traffic.ts'

/** Signs in as the login form does without JavaScript; returns the session cookie. */
export async function signIn(origin: string, account: Account) {
  return (await signInOverHttp(origin, account.email, account.password)).cookie
}

/** The new-claim form as an editor is served it: each create fills in a copy. */
export async function readCreateForm(origin: string, cookie: string) {
  const response = await fetch(`${origin}/claims/new`, { headers: { Cookie: cookie } })
  const form = response.ok ? readForm(await response.text(), 'claim-create') : null
  if (!form) throw new Error(`The new-claim page answered ${response.status} without its form.`)
  return form
}

export type DriveOptions = {
  origin: string
  accounts: Account[]
  connections: number
  seconds: number
  traffic: Omit<Traffic, 'createForm' | 'origin' | 'ledger' | 'records' | 'problems'>
  /** Seconds autocannon waits for an answer before it counts a timeout. */
  timeoutSeconds?: number
}

export type DriveResult = Traffic & {
  /** Seconds from the first request until the last session had its last answer. */
  seconds: number
  transportErrors: number
  timeouts: number
  lostRequests: number
}

/**
 * Signs in one session per connection (accounts taken in turn) and runs the traffic for
 * `seconds`. Then every session waits for the answer to the request it has out and stops:
 * had autocannon cut a save off unanswered, nobody could say whether it was written, and
 * the checks could not be exact.
 */
export async function driveLoad({
  origin,
  accounts,
  connections,
  seconds,
  traffic,
  timeoutSeconds = 30,
}: DriveOptions) {
  const cookies: string[] = []
  for (let i = 0; i < connections; i++) cookies.push(await signIn(origin, accounts[i % accounts.length]!))
  const editorIndex = Array.from({ length: connections }, (_, i) => i).find(
    (i) => accounts[i % accounts.length]!.role !== 'viewer',
  )
  if (editorIndex === undefined) throw new Error('The load test needs at least one editor among its accounts.')
  const shared: Traffic = {
    ...traffic,
    origin,
    createForm: await readCreateForm(origin, cookies[editorIndex]!),
    ledger: [],
    records: [],
    problems: [],
  }
  const sessions = cookies.map((cookie, i) => {
    const account = accounts[i % accounts.length]!
    return new DeskSession(i + 1, account.email, account.role, cookie, shared)
  })

  const started = performance.now()
  const deadline = started + seconds * 1000
  const finished = new Set<DeskSession>()
  let allStoppedAt = 0
  let transportErrors = 0
  let nextSession = 0

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        // An upper bound only: the run ends once every session has stopped after the deadline.
        duration: seconds + 10 * timeoutSeconds,
        timeout: timeoutSeconds,
        setupClient(client) {
          const session = sessions[nextSession++ % sessions.length]!
          keepBodiesWhole(client)
          client.setRequests([
            {
              setupRequest(request) {
                if (performance.now() >= deadline) {
                  finished.add(session)
                  if (finished.size === sessions.length) allStoppedAt = performance.now()
                  // This connection is done; autocannon stops once all are. It still sends
                  // what is returned here, so that is something cheap, and not recorded.
                  // destroy() is autocannon's own (the typings leave it out).
                  setImmediate(() => (client as unknown as { destroy(): void }).destroy())
                  return { ...request, method: 'GET', path: '/favicon.svg', headers: {}, body: undefined }
                }
                const visit = session.nextVisit()
                return {
                  ...request,
                  method: visit.method,
                  path: visit.path,
                  headers: session.headersFor(visit),
                  body: visit.body,
                }
              },
              onResponse(status, body, _context, headers) {
                if (!finished.has(session)) session.receive({ status, body, headers: headers ?? {} })
              },
            },
          ])
        },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
    instance.on('reqError', () => transportErrors++)
  })
  const drive: DriveResult = {
    ...shared,
    seconds: ((allStoppedAt || performance.now()) - started) / 1000,
    transportErrors,
    timeouts: result.timeouts,
    lostRequests: sessions.reduce((sum, s) => sum + s.lost, 0),
  }
  return { drive, autocannon: result }
}

/**
 * autocannon appends each piece of a body to a string as it arrives, so a character split
 * between two TCP reads turns into two replacement characters; the edit forms echo what
 * they were served, and that would write garbled rationales back. Pieces are kept as bytes
 * and decoded once the answer is complete instead (autocannon 9's request queue).
 */
function keepBodiesWhole(client: autocannon.Client) {
  type Pending = { body: string; pieces?: Buffer[] }
  const queue = (client as unknown as { pipelinedRequests?: Record<string, unknown> }).pipelinedRequests as
    { peek(): Pending | undefined; addBody(data: Buffer): void; terminateRequest(): Pending | undefined } | undefined
  if (!queue || typeof queue.addBody !== 'function' || typeof queue.terminateRequest !== 'function') {
    throw new Error('autocannon changed how it collects answers; bench/load/drive.ts reads them as autocannon 9 did.')
  }
  queue.addBody = (data) => {
    const pending = queue.peek()
    if (pending) (pending.pieces ??= []).push(Buffer.from(data))
  }
  const terminate = queue.terminateRequest.bind(queue)
  queue.terminateRequest = () => {
    const done = terminate()
    if (done?.pieces) done.body = Buffer.concat(done.pieces).toString('utf8')
    return done
  }
}
