// One JSON line per request (pino-http): method, path, status, duration and the signed-in
// user, with an id the response also carries (X-Request-Id) so a person reporting a
// problem can point at their request. The query string is left out: searches are the
// desk's own business and do not belong in a log file.
import { randomUUID } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { pinoHttp } from 'pino-http'
import { logger } from '#app/utils/logger.server.ts'
import { runInRequestContext, type RequestContext } from '#app/utils/request-context.server.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    request: RequestContext
  }
}

/** Opens the request's context (address, user) for the app; see app/utils/request-context.server.ts. */
const requestContext: RequestHandler = (req, res, next) => {
  const context: RequestContext = { requestId: randomUUID(), ip: req.ip ?? null, userId: null }
  res.locals.request = context
  res.setHeader('X-Request-Id', context.requestId)
  runInRequestContext(context, next)
}

const staticFile = (path: string) => path.startsWith('/assets/') || /\.(svg|ico|png|css|js|map|txt)$/.test(path)

function summary(req: Request, res: Response, value: { responseTime: number }) {
  return { method: req.method, path: req.path, status: res.statusCode, durationMs: value.responseTime }
}

const log = pinoHttp<Request, Response>({
  logger,
  quietReqLogger: true,
  quietResLogger: true,
  genReqId: (_req, res) => res.locals.request.requestId,
  customAttributeKeys: { reqId: 'requestId' },
  // Read when the response is done, so the user the session named is known.
  customProps: (_req, res) => ({ userId: res.locals.request.userId }),
  customLogLevel: (req, res, error) => {
    if (error || res.statusCode >= 500) return 'error'
    if (res.statusCode >= 400) return 'warn'
    // Files served as they are would drown the log; `LOG_LEVEL=debug` shows them.
    return staticFile(req.path) ? 'debug' : 'info'
  },
  customSuccessObject: summary,
  // For a 5xx without a thrown error pino-http makes one up ("failed with status code 500")
  // whose stack is its own; Remix has already logged the real cause, so leave it out.
  customErrorObject: (req, res, error, value) =>
    error.message === `failed with status code ${res.statusCode}`
      ? summary(req, res, value)
      : { ...summary(req, res, value), err: error },
  customSuccessMessage: (req, res) => `${req.method} ${req.path} ${res.statusCode}`,
  customErrorMessage: (req, res) => `${req.method} ${req.path} ${res.statusCode}`,
})

export const requestLogging: RequestHandler[] = [requestContext, (req, res, next) => log(req, res, next)]
