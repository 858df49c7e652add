// Remix's default Node entry, plus the Content-Security-Policy nonce: every script the
// server writes (React's streaming scripts, Remix's data and its Scripts) carries the
// nonce that server/http-security.ts put in the policy, and no other script may run.
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { logger } from '#app/utils/logger.server.ts'
import { NonceProvider } from '#app/utils/nonce-provider.ts'
import { withoutZeroBytes } from '#app/utils/react-stream.server.ts'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce (server/http-security.ts). */
    cspNonce?: string
  }
}

// How long deferred data (possible duplicates, decision 012) may stream after the page.
export const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // Crawlers and the SPA build get the whole page at once; people get it as it streams.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const ready = () => {
      shellRendered = true
      const body = withoutZeroBytes()
      responseHeaders.set('Content-Type', 'text/html')
      resolve(
        new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
      )
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : ready,
        onAllReady: waitForAll ? ready : undefined,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the shell reject and Remix logs them; later ones only show up here.
          if (shellRendered) logger.error({ err: error, path: new URL(request.url).pathname }, 'render failed')
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}
