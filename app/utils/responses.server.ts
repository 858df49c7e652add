// Turning domain outcomes into HTTP answers, so route modules stay thin.
import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { ConflictError, FieldError, NotFoundError, RefusedError } from './errors.server.ts'

export function notFound(message: string): never {
  throw data({ message }, { status: 404 })
}

/** A positive integer id from a URL segment; anything else is a 404, not a 500. */
export function parseRecordId(value: string | undefined, what: string): number {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    notFound(`There is no ${what.toLowerCase()} with the id “${value ?? ''}”.`)
  }
  return Number(value)
}

/** The two kinds of body a browser's form sends; every write the desk takes is one of them. */
export const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data']

/** A Content-Type header's media type in lower case, without its parameters ('' for none). */
export function mediaTypeOf(contentType: string | null | undefined) {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

export const unreadableFormMessages = {
  notAForm: 'This address takes a form sent from the desk’s pages, so nothing was saved. Send it from the page.',
  garbled: 'The form arrived incomplete or garbled, so nothing was saved. Reload the page and send it again.',
}

/** What a request's body is as far as forms go: a form of one of the two types a browser sends, or not. */
export function formTypeOf(request: Request) {
  const type = mediaTypeOf(request.headers.get('Content-Type'))
  return formTypes.includes(type) ? type : null
}

/**
 * The posted form. A body that is not a form (JSON from a script) is a 415 and a form cut
 * off or garbled on the way a 400, each with what to do: the sender's mistake, not a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!formTypeOf(request)) throw data({ message: unreadableFormMessages.notAForm }, { status: 415 })
  try {
    return await request.formData()
  } catch {
    throw data({ message: unreadableFormMessages.garbled }, { status: 400 })
  }
}

/** Runs a domain lookup and answers 404 when the record does not exist. */
export function orNotFound<T>(load: () => T, message: string): T {
  try {
    return load()
  } catch (error) {
    if (error instanceof NotFoundError) notFound(message)
    throw error
  }
}

/**
 * Field-level domain errors (an unknown speaker, a URL already taken) go back to the
 * form like schema errors do: status 400, messages next to the fields, input kept.
 */
export function replyWithFieldErrors(submission: Submission<unknown>, error: unknown) {
  if (error instanceof FieldError) {
    return data({ result: submission.reply({ fieldErrors: error.fieldErrors }) }, { status: 400 })
  }
  if (error instanceof NotFoundError) notFound(`${error.what} no longer exists.`)
  throw error
}

export function invalid(submission: Submission<unknown>) {
  return data({ result: submission.reply() }, { status: 400 })
}

/**
 * The handler a page with several forms registered for the posted `intent`. The table is
 * a Map, so `__proto__` or `toString` are unknown intents like any other: a 400.
 */
export function handlerForIntent<Handler>(handlers: Map<string, Handler>, formData: FormData): Handler {
  const handler = handlers.get(String(formData.get('intent')))
  if (!handler)
    throw data({ message: 'This page does not know that request; reload it and try again.' }, { status: 400 })
  return handler
}

/**
 * Pages with several small forms (the claim page) tell each reply which form it answers,
 * so a form shows only its own errors, with or without JavaScript.
 */
export type SectionReply = { form: string; result: ReturnType<Submission<unknown>['reply']> }

export function sectionDone(form: string, submission: Submission<unknown>) {
  return data({ form, result: submission.reply({ resetForm: true }) } satisfies SectionReply)
}

export function sectionInvalid(form: string, submission: Submission<unknown>) {
  return data({ form, result: submission.reply() } satisfies SectionReply, { status: 400 })
}

/** Domain refusals become messages on the form that asked: fields, rules, or a colleague's change. */
export function sectionRefused(form: string, submission: Submission<unknown>, error: unknown, conflictMessage: string) {
  if (error instanceof FieldError) {
    return data({ form, result: submission.reply({ fieldErrors: error.fieldErrors }) } satisfies SectionReply, {
      status: 400,
    })
  }
  if (error instanceof RefusedError) {
    return data({ form, result: submission.reply({ formErrors: [error.message] }) } satisfies SectionReply, {
      status: 409,
    })
  }
  if (error instanceof ConflictError) {
    return data({ form, result: submission.reply({ formErrors: [conflictMessage] }) } satisfies SectionReply, {
      status: 409,
    })
  }
  if (error instanceof NotFoundError) notFound(`${error.what} no longer exists.`)
  throw error
}

/**
 * A loader's slower, secondary part (look-alike claims), run once the loader has
 * returned: the page streams without waiting for it, and that part follows in the same
 * response. SQLite reads are synchronous, so the work is queued, not made parallel.
 */
export function streamedAfterPage<T>(work: () => T): Promise<T> {
  const streamed = new Promise<T>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work())
      } catch (error) {
        reject(error)
      }
    }),
  )
  // A failure reaches the page (its <Await> shows a message); a response nobody reads any
  // more (the reader left) must not take the server down with an unhandled rejection.
  streamed.catch(() => {})
  return streamed
}
