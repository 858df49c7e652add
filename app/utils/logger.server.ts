// The desk's one logger: JSON lines on standard output (pino), one per request and one
// per audit event, for whatever collects the server's output. LOG_LEVEL=silent stops it.
import { pino } from 'pino'
import { readEnv } from './env.server.ts'

const globalForLogger = globalThis as unknown as { __claimDeskLogger?: pino.Logger }

function levelFromEnv() {
  const level = readEnv().LOG_LEVEL
  if (level) return level
  // Unit and integration tests assert on behaviour, not on log lines.
  return process.env.VITEST ? 'silent' : 'info'
}

export const logger = (globalForLogger.__claimDeskLogger ??= pino({
  level: levelFromEnv(),
  base: { service: 'claim-desk' },
  timestamp: pino.stdTimeFunctions.isoTime,
}))
