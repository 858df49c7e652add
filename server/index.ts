// Claim desk's HTTP server: prepares the database (migrations, first-start demo data),
// then serves the Remix app — through Vite with HMR in development, from build/ otherwise.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { readEnv } from '#app/utils/env.server.ts'
import { cspNonce, refuseCrossSiteWrites, refuseUnreadableBodies, securityHeaders } from './http-security.ts'
import { prepareDatabase } from './prepare-database.ts'
import { requestLogging } from './request-log.ts'

const env = readEnv()
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const { seeded, logins } = prepareDatabase(env)

const viteDevServer =
  env.NODE_ENV === 'production'
    ? undefined
    : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', env.TRUST_PROXY)
app.use(requestLogging)
app.use(
  cspNonce,
  securityHeaders({ development: Boolean(viteDevServer), https: env.PUBLIC_BASE_URL.startsWith('https:') }),
)
app.use(refuseCrossSiteWrites({ publicBaseUrl: env.PUBLIC_BASE_URL }))
app.use(refuseUnreadableBodies({ maxFormBytes: env.FORM_MAX_BYTES, maxUploadBytes: env.IMPORT_MAX_BYTES }))

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Vite fingerprints everything under /assets, so it may be cached for good.
  app.use('/assets', express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import(path.join(root, 'build/server/index.js'))) as ServerBuild)

app.all(
  '*',
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
)

const server = app.listen(env.PORT, env.HOST, () => {
  const url = `http://localhost:${env.PORT}`
  console.log(`\nClaim desk is running on ${url} (${env.NODE_ENV}), database ${env.databaseFile}`)
  if (logins.length > 0) {
    console.log(seeded ? 'Demo data loaded. Sign in with one of these:' : 'Demo logins:')
    for (const login of logins) console.log(`  ${login.role.padEnd(7)} ${login.email}  password: ${login.password}`)
    if (env.NODE_ENV === 'production' && env.HOST !== '127.0.0.1' && env.HOST !== 'localhost') {
      console.log(
        `\nWarning: these accounts use the published demo password and the desk listens on ${env.HOST}.` +
          '\nBefore others can reach it, disable them at /admin/users or start with HOST=127.0.0.1.',
      )
    }
  }
})

function shutdown() {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
