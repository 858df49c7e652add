// What every response and every write must pass before the app sees it (decision 019):
// security headers with a per-request Content-Security-Policy nonce, refusal of writes
// sent from other sites, and of bodies the app cannot read as a form.
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'
import { formatBytes } from '#app/utils/format.ts'
import { formTypes, mediaTypeOf } from '#app/utils/responses.server.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    cspNonce: string
  }
}

/** A fresh nonce per response: only scripts the server wrote into this page may run. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
  next()
}

export function securityHeaders({ development, https }: { development: boolean; https: boolean }): RequestHandler[] {
  // helmet hands directive functions Node's plain response; ours is Express's, with locals.
  const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${(res as Response).locals.cspNonce}'`
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'base-uri': ["'self'"],
          // Vite's dev server reloads the page over a web socket.
          'connect-src': development ? ["'self'", 'ws:'] : ["'self'"],
          'font-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'img-src': ["'self'", 'data:'],
          'object-src': ["'none'"],
          // 'strict-dynamic': what a nonced script loads (Remix's route modules) may run too.
          'script-src': ["'self'", nonce, "'strict-dynamic'"],
          'script-src-attr': ["'none'"],
          // Vite injects <style> elements in development; the build links its CSS files.
          'style-src': development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
          // React's style={…} attributes (bar widths, the graph); they cannot run code.
          'style-src-attr': ["'unsafe-inline'"],
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      // Same-origin only: nothing here is meant to be embedded or opened by other sites.
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'same-origin' },
      // Only over HTTPS: on plain http a browser ignores it, and a laptop demo has no TLS.
      strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()')
      next()
    },
  ]
}

const readsNoBody = new Set(['GET', 'HEAD', 'OPTIONS'])

function refuse(res: Parameters<RequestHandler>[1], status: number, message: string) {
  res.status(status).type('text/plain; charset=utf-8').send(message)
}

/**
 * Cross-site request forgery: a write must come from one of the desk's own pages. Browsers
 * say where a request comes from (Sec-Fetch-Site, Origin, or at least Referer); when one
 * names another site the write is refused. A request with none of them is not a browser
 * acting for a signed-in person (they always send Origin on a POST), so it may pass: a
 * script then needs the session cookie itself. SameSite=Lax cookies are the second lock.
 */
export function refuseCrossSiteWrites({ publicBaseUrl }: { publicBaseUrl: string }): RequestHandler {
  const publicHost = new URL(publicBaseUrl).host
  return (req, res, next) => {
    if (readsNoBody.has(req.method)) return next()
    const fetchSite = req.get('sec-fetch-site')
    const origin = req.get('origin')
    const referer = req.get('referer')
    const from = origin ?? referer
    let sameSite = fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none'
    if (sameSite && from !== undefined) {
      try {
        const host = new URL(from).host
        sameSite = host !== '' && (host === req.get('host') || host === publicHost)
      } catch {
        // "null" (a sandboxed frame, a redirect across sites) or garbage: not one of our pages.
        sameSite = false
      }
    }
    if (sameSite) return next()
    refuse(
      res,
      403,
      'Claim desk refused this request: it was sent from another site, not from one of the desk’s own pages. ' +
        'Nothing was changed. If you did mean to do this, open the desk and do it there.',
    )
  }
}

/**
 * Every write is a form (urlencoded, or multipart for uploads); anything else would fail
 * deep in the app as a 500, so it is turned away here with a clear answer. The app reads a
 * whole form into memory, the sign-in form too, before anyone is known: so every form must
 * declare its length, as browsers do, and plain forms are capped at `maxFormBytes`,
 * multipart ones at an import file (`maxUploadBytes`, which the import checks itself with
 * a message by the field) plus a form's fields.
 */
export function refuseUnreadableBodies({
  maxFormBytes,
  maxUploadBytes,
}: {
  maxFormBytes: number
  maxUploadBytes: number
}): RequestHandler {
  return (req, res, next) => {
    if (readsNoBody.has(req.method)) return next()
    const type = mediaTypeOf(req.get('content-type'))
    if (!formTypes.includes(type)) {
      return refuse(
        res,
        415,
        `Claim desk only takes forms (${formTypes.join(' or ')}); this request sent ${type ? `“${type}”` : 'no content type'}. Nothing was changed.`,
      )
    }
    // Node refuses a request that declares both, so a transfer encoding means no known length.
    if (req.get('transfer-encoding') !== undefined) {
      return refuse(
        res,
        411,
        'Claim desk takes forms sent with their length (Content-Length), as browsers send them. Nothing was changed.',
      )
    }
    const length = Number(req.get('content-length') ?? 0)
    const max = type === 'multipart/form-data' ? maxUploadBytes + maxFormBytes : maxFormBytes
    if (length > max) {
      return refuse(
        res,
        413,
        `This form is ${formatBytes(length)}; Claim desk takes forms up to ${formatBytes(max)}. Nothing was changed.`,
      )
    }
    next()
  }
}
