// Turning domain outcomes into HTTP answers, so route modules stay thin.
import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { FieldError, NotFoundError } from './errors.server.ts'

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
