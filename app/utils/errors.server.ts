// Domain errors carry what the user must be told; routes turn them into 4xx responses.

export class NotFoundError extends Error {
  constructor(public readonly what: string) {
    super(`${what} not found`)
    this.name = 'NotFoundError'
  }
}

/** Input that passed the schema but breaks a rule only the database can check. */
export class FieldError extends Error {
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super(Object.values(fieldErrors).flat().join(' '))
    this.name = 'FieldError'
  }
}

/** Someone else saved the record after the user opened it. */
export class ConflictError<T> extends Error {
  constructor(public readonly current: T) {
    super('The record was changed by someone else')
    this.name = 'ConflictError'
  }
}

/** Something the desk's rules do not allow right now; the message says why and what to do. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RefusedError'
  }
}
