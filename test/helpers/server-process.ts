// The production server as a child process: the browser tests, the crash test and the
// load test all start the app the way `npm run start:prod` does (server/index.ts with
// NODE_ENV=production, serving build/), so `npm run build` must have run first.
// No vitest imports here: scripts outside the test runner use this module too.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      if (!address || typeof address === 'string') {
        probe.close()
        reject(new Error('The OS did not hand out a port.'))
        return
      }
      probe.close(() => resolve(address.port))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function acceptsConnections(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export type RunningServer = {
  baseUrl: string
  port: number
  databaseFile: string
  /** Everything the server printed so far (stdout and stderr, interleaved). */
  log: () => string
  /** SIGTERM (then SIGKILL after 5 s); removes the temp database unless it was passed in. */
  stop: () => Promise<void>
  /** SIGKILL at once, as a crash would: no shutdown handlers run, nothing is removed. */
  kill: () => Promise<void>
}

export type ServerOptions = {
  /** An existing database to serve; it is left in place on stop(). Default: a fresh temp file. */
  databaseFile?: string
  /** Seed the demo desk on first start (default true). */
  seedDemoData?: boolean
  /** A fixed port; default a free one. */
  port?: number
  /** Further environment variables for the server. */
  env?: Record<string, string | undefined>
  timeoutMs?: number
}

/**
 * Starts server/index.ts in production mode on loopback and resolves once it answers
 * HTTP. A fresh database (the default) is migrated and seeded with the demo desk.
 */
export async function startServer({
  databaseFile: givenDatabaseFile,
  seedDemoData = true,
  port: givenPort,
  env = {},
  timeoutMs = 90_000,
}: ServerOptions = {}): Promise<RunningServer> {
  const serverBuild = path.join(repoRoot, 'build/server/index.js')
  if (!fs.existsSync(serverBuild)) {
    throw new Error(`${serverBuild} is missing: run \`npm run build\` first (npm run test:e2e does).`)
  }
  const tempDir = givenDatabaseFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'))
  const databaseFile = givenDatabaseFile ? path.resolve(givenDatabaseFile) : path.join(tempDir!, 'claimdesk.db')
  const port = givenPort ?? (await freePort())
  const baseUrl = `http://localhost:${port}`

  let output = ''
  const child: ChildProcess = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['server/index.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseFile,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO_DATA: String(seedDemoData),
      SESSION_COOKIE_SECURE: undefined,
      // vitest marks its workers; the server must not think it runs under a test runner.
      VITEST: undefined,
      VITEST_WORKER_ID: undefined,
      VITEST_POOL_ID: undefined,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() reaches tsx and the node process it starts.
    detached: true,
  })
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal }
      resolve()
    })
  })

  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name)
    } catch {
      // Already gone.
    }
  }
  const kill = async () => {
    if (exited) return
    signal('SIGKILL')
    await Promise.race([exitPromise, sleep(5000)])
    // tsx exits first; the node process it started holds the port until it is gone too,
    // and a restart on the same port must not find it taken.
    for (let waited = 0; waited < 5000 && (await acceptsConnections(port)); waited += 100) await sleep(100)
  }
  const stop = async () => {
    if (!exited) {
      signal('SIGTERM')
      const ended = await Promise.race([exitPromise.then(() => true), sleep(5000).then(() => false)])
      if (!ended) await kill()
    }
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true })
  }

  const started = Date.now()
  try {
    for (;;) {
      if (exited) {
        const { code, signal } = exited as { code: number | null; signal: NodeJS.Signals | null }
        throw new Error(`The server exited (code ${code}, signal ${signal}) before answering.`)
      }
      if (Date.now() - started > timeoutMs) throw new Error(`The server did not answer within ${timeoutMs} ms.`)
      if (output.includes('Claim desk is running on')) {
        // Guard against ever running on the developer's own database.
        if (!output.includes(databaseFile)) {
          throw new Error(`The server is not using the database it was given, ${databaseFile}.`)
        }
        try {
          const response = await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' })
          if (response.status === 200) break
        } catch {
          // Not listening yet.
        }
      }
      await sleep(200)
    }
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
  }
  return { baseUrl, port, databaseFile, log: () => output, stop, kill }
}
