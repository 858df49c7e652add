// One signed-in person at the desk: a session picks what to do next the way a desk's day
// is weighted (mostly lists, searches and claim pages; now and then a note, an edit, a
// status change, a new claim) and walks through it request by request, reading each page
// it is served before the next step, as a browser without JavaScript would. Every write
// the desk acknowledges goes into the ledger with what was written, for the check after
// the run (verify.ts).
import type { ReviewMove, Role } from '#app/domain/vocabulary.ts'
import type { DeskSample } from './desk.ts'
import { formBody, readForm, type HtmlForm } from './html-form.ts'

export const requestKinds = [
  'list',
  'search',
  'detail',
  'edit form',
  'edit',
  'create',
  'annotate',
  'status change',
] as const
export type RequestKind = (typeof requestKinds)[number]

export type Visit = {
  kind: RequestKind
  method: 'GET' | 'POST'
  path: string
  body?: string
  /** The statuses that mean the step worked. */
  ok: number[]
  /** Recognises the desk's refusal of a stale write (409 and its conflict message). */
  conflict?: (answer: Answer) => boolean
}
export type Outcome = 'ok' | 'conflict' | 'unexpected' | 'server error'
export type Answer = { status: number; body: string; headers: Record<string, string | string[] | undefined> }
type Answered = Answer & { outcome: Outcome }

export type RequestRecord = {
  kind: RequestKind
  status: number
  ms: number
  outcome: Outcome
  session: number
  path: string
}

export type AcknowledgedWrite = { email: string; claimId: number } & (
  | { type: 'create'; text: string }
  | { type: 'edit'; versionSent: number; text: string }
  | { type: 'note'; body: string }
  | { type: 'status change'; versionSent: number; move: ReviewMove; reason: string }
)

export type Traffic = {
  /** The desk's address as the browser has it: its origin goes with every form post. */
  origin: string
  desk: DeskSample
  /** The new-claim form as the desk serves it, filled in by each create. */
  createForm: HtmlForm
  /** Unique per run, so markers from an earlier run in the same file cannot count. */
  runTag: string
  ledger: AcknowledgedWrite[]
  records: RequestRecord[]
  /** Answers that were acknowledged but not as the desk should give them. */
  problems: string[]
}

type Flow = Generator<Visit, void, Answered>
/** A flow, or a step of one that hands back its answer. */
type Steps = Generator<Visit, unknown, Answered>

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!
const chance = (p: number) => Math.random() < p
function weighted<T>(choices: Array<[number, T]>) {
  let roll = Math.random() * choices.reduce((sum, [w]) => sum + w, 0)
  for (const [weight, value] of choices) if ((roll -= weight) < 0) return value
  return choices.at(-1)![1]
}
const header = (answer: Answer, name: string) => {
  const found = Object.entries(answer.headers).find(([key]) => key.toLowerCase() === name)?.[1]
  return Array.isArray(found) ? found : found === undefined ? [] : [found]
}
const nextPageLink = (html: string) =>
  /<a\b[^>]*\brel="next"[^>]*\bhref="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')

const statuses = ['new', 'researching', 'in_review', 'verified', 'rejected']
const verdicts = ['false', 'misleading', 'mostly_false', 'mixed', 'true']
// The review moves any editor may make whenever the page offers them; submit and approve
// depend on the check and on who submitted it, and a refusal there would say nothing about load.
const movesAlwaysAllowed: ReviewMove[] = ['start', 'send_back', 'reject']
const claimTextLimit = 1000
/** How the reason of every status change this test makes begins, so the check can count them. */
export const statusReasonOpening = 'Load test status change '

export class DeskSession {
  private flow: Steps | null = null
  private upcoming: Visit | null = null
  private waiting: { visit: Visit; startedAt: number } | null = null
  private writes = 0
  /** Edit forms opened and not yet saved: an editor who opens a claim, is called away and saves later. */
  private openForms = new Map<number, HtmlForm>()
  /** Requests sent and never answered (a timeout, a dropped connection). */
  lost = 0

  constructor(
    readonly index: number,
    readonly email: string,
    readonly role: Role,
    private cookie: string,
    private traffic: Traffic,
  ) {}

  /** The next request, continuing the current step or starting the next one. */
  nextVisit(): Visit {
    if (this.waiting) {
      // autocannon asks again without an answer only after giving up on the last request:
      // whatever that step was, this person starts afresh.
      this.lost++
      this.waiting = null
      this.upcoming = null
    }
    const visit = this.upcoming ?? this.advance(undefined)
    this.upcoming = null
    this.waiting = { visit, startedAt: performance.now() }
    return visit
  }

  /**
   * Hands the answer to the step that asked and lets it go on to its next request at once,
   * so a write is in the ledger as soon as it is acknowledged, even if no request follows.
   */
  private advance(answered: Answered | undefined): Visit {
    for (let attempts = 0; attempts < 100; attempts++) {
      if (!this.flow) {
        this.flow = this.startFlow()
        answered = undefined
      }
      const step = answered ? this.flow.next(answered) : this.flow.next()
      if (!step.done) return step.value
      this.flow = null
    }
    throw new Error('A session found nothing to do in 100 tries.')
  }

  headersFor(visit: Visit): Record<string, string> {
    return {
      Cookie: this.cookie,
      Accept: 'text/html',
      'User-Agent': 'claim-desk-loadtest',
      // What a browser sends with a form post: the desk refuses posts from other sites.
      ...(visit.method === 'POST'
        ? { Origin: this.traffic.origin, 'Content-Type': 'application/x-www-form-urlencoded' }
        : {}),
    }
  }

  receive(answer: Answer) {
    if (!this.waiting) return
    const { visit, startedAt } = this.waiting
    this.waiting = null
    const ms = performance.now() - startedAt
    const outcome: Outcome =
      answer.status >= 500
        ? 'server error'
        : visit.ok.includes(answer.status)
          ? 'ok'
          : visit.conflict?.(answer)
            ? 'conflict'
            : 'unexpected'
    this.traffic.records.push({
      kind: visit.kind,
      status: answer.status,
      ms,
      outcome,
      session: this.index,
      path: visit.path,
    })
    // The desk may renew the session cookie on any answer.
    const renewed = header(answer, 'set-cookie')
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith(this.cookie.split('=')[0]! + '='))
    if (renewed) this.cookie = renewed
    this.upcoming = this.advance({ ...answer, outcome })
  }

  private marker() {
    return `[${this.traffic.runTag} s${this.index} w${++this.writes}]`
  }

  /**
   * What the session does first, before the weighted day starts: one of everything it may
   * do, so that even a run of a few seconds has tried every kind of request. Its edit is
   * saved at once; a form left open might never be.
   */
  private tour: Array<() => Steps> | null = null

  private startFlow(): Steps {
    const reads: Array<[number, () => Steps]> = [
      [24, () => this.list()],
      [20, () => this.search()],
      [22, () => this.detail()],
    ]
    const writes: Array<[number, () => Steps]> = [
      [10, () => this.annotate()],
      [12, () => this.edit()],
      [6, () => this.changeStatus()],
      [6, () => this.create()],
    ]
    const flows = this.role === 'viewer' ? reads : [...reads, ...writes]
    this.tour ??=
      this.role === 'viewer'
        ? [() => this.list(), () => this.search(), () => this.detail()]
        : [
            () => this.list(),
            () => this.search(),
            () => this.detail(),
            () => this.annotate(),
            () => this.edit(0),
            () => this.changeStatus(),
            () => this.create(),
          ]
    return (this.tour.shift() ?? weighted(flows))()
  }

  private *list(): Flow {
    const { tags } = this.traffic.desk
    const query = pick([
      '',
      `status=${pick(statuses)}`,
      `verdict=${pick(verdicts)}`,
      tags.length ? `tag=${encodeURIComponent(pick(tags))}` : '',
      'sort=created&order=asc',
      `status=${pick(statuses)}&sort=created`,
    ])
    let page = yield { kind: 'list', method: 'GET', path: query ? `/claims?${query}` : '/claims', ok: [200] }
    // Some people page on.
    for (let pages = 0; pages < 2 && page.outcome === 'ok' && chance(0.35); pages++) {
      const next = nextPageLink(page.body)
      if (!next) break
      page = yield { kind: 'list', method: 'GET', path: next, ok: [200] }
    }
  }

  private *search(): Flow {
    const term = encodeURIComponent(pick(this.traffic.desk.searchTerms))
    const filter = chance(0.3) ? `&status=${pick(statuses)}` : ''
    const results = yield { kind: 'search', method: 'GET', path: `/claims?q=${term}${filter}`, ok: [200] }
    if (results.outcome !== 'ok') return
    const next = chance(0.25) ? nextPageLink(results.body) : undefined
    if (next) yield { kind: 'search', method: 'GET', path: next, ok: [200] }
  }

  private *detail(claimId = pick(this.traffic.desk.claimIds)): Generator<Visit, Answered, Answered> {
    return yield { kind: 'detail', method: 'GET', path: `/claims/${claimId}`, ok: [200] }
  }

  /** Hot claims take most of the notes too: notes must not get in the way of edits. */
  private noteTarget() {
    return chance(0.5) ? pick(this.traffic.desk.hot).id : pick(this.traffic.desk.claimIds)
  }

  private *annotate(): Flow {
    const claimId = this.noteTarget()
    const page = yield* this.detail(claimId)
    const form = page.outcome === 'ok' ? readForm(page.body, 'annotation-add') : null
    if (!form) return
    const body = `Load test note ${this.marker()}: source checked, figures match the agency release.`
    const saved = yield {
      kind: 'annotate',
      method: 'POST',
      path: form.action,
      body: formBody(form.fields, { kind: 'note', body }),
      ok: [200],
    }
    if (saved.outcome === 'ok') this.traffic.ledger.push({ type: 'note', email: this.email, claimId, body })
  }

  private *changeStatus(): Flow {
    const claimId = pick(this.traffic.desk.hot).id
    const page = yield* this.detail(claimId)
    const form = page.outcome === 'ok' ? readForm(page.body, 'review') : null
    if (!form) return
    const offered = form.submitters
      .filter((s) => s.name === 'move' && !s.disabled)
      .map((s) => s.value as ReviewMove)
      .filter((move) => movesAlwaysAllowed.includes(move))
    if (offered.length === 0) return
    const move = pick(offered)
    const reason = `${statusReasonOpening}${this.marker()}: moved while the desk was busy.`
    const versionSent = Number(new URLSearchParams(formBody(form.fields)).get('version'))
    const saved = yield {
      kind: 'status change',
      method: 'POST',
      path: form.action,
      body: formBody(form.fields, { reason, move }),
      ok: [200],
      conflict: (a) => a.status === 409 && a.body.includes('Someone changed this claim since you opened it'),
    }
    if (saved.outcome === 'ok') {
      this.traffic.ledger.push({ type: 'status change', email: this.email, claimId, versionSent, move, reason })
    }
  }

  private *edit(leaveOpen = 0.3): Flow {
    // Half the time an editor comes back to a form opened earlier; its version may be stale by now.
    const kept = chance(0.5) ? [...this.openForms.entries()][0] : undefined
    let claimId: number
    let form: HtmlForm | null
    if (kept) {
      ;[claimId, form] = kept
      this.openForms.delete(claimId)
    } else {
      claimId = pick(this.traffic.desk.hot).id
      const page = yield { kind: 'edit form', method: 'GET', path: `/claims/${claimId}/edit`, ok: [200] }
      form = page.outcome === 'ok' ? readForm(page.body, 'claim-edit') : null
      if (!form) return
      if (chance(leaveOpen)) {
        this.openForms.set(claimId, form)
        return
      }
    }
    const fields = new URLSearchParams(formBody(form.fields))
    const versionSent = Number(fields.get('version'))
    const previous = (fields.get('text') ?? '').replace(/^Load edit \[[^\]]*\] /, '')
    const text = `Load edit ${this.marker()} ${previous}`.slice(0, claimTextLimit)
    const saved = yield {
      kind: 'edit',
      method: 'POST',
      path: form.action,
      body: formBody(form.fields, { text }),
      ok: [302],
      conflict: (a) => a.status === 409 && a.body.includes('Your changes were not saved'),
    }
    if (saved.outcome !== 'ok') return
    this.traffic.ledger.push({ type: 'edit', email: this.email, claimId, versionSent, text })
    yield* this.detail(claimId)
  }

  private *create(): Flow {
    const text = `Load test claim ${this.marker()}: the ministry says rents rose by a third since 2020.`
    const saved = yield {
      kind: 'create',
      method: 'POST',
      path: this.traffic.createForm.action,
      body: formBody(this.traffic.createForm.fields, { text, language: 'en', tags: 'load-test' }),
      ok: [302],
    }
    if (saved.outcome !== 'ok') return
    const location = header(saved, 'location')[0] ?? ''
    const claimId = Number(/\/claims\/(\d+)$/.exec(location)?.[1])
    if (!claimId) {
      this.traffic.problems.push(`A created claim redirected to “${location}”, not to its page.`)
      return
    }
    this.traffic.ledger.push({ type: 'create', email: this.email, claimId, text })
    yield* this.detail(claimId)
  }
}
