import { z } from 'zod'
import { databaseFileFromEnv } from '#db/database-file.ts'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  // Secure cookies need HTTPS; production behind TLS wants them, a laptop demo on
  // plain http://localhost still works because browsers treat localhost as secure.
  SESSION_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
  // Where the desk's checks are published: exports name claims by permalinks on this
  // site and credit this organisation as the ClaimReview author.
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .default('http://localhost:3000'),
  ORGANISATION_NAME: z.string().trim().min(1).max(200).default('Claim desk'),
  ORGANISATION_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  // What one import may hold (decision 015): the upload's size in bytes and its claims.
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  // The largest plain form (not an upload) a request may send, in bytes.
  FORM_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(8 * 1024 * 1024),
  // Sign-in throttling (decision 019): failed attempts allowed per account and per network
  // address within the window; once used up, sign-in is refused until the window ends.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // Express's "trust proxy": behind a reverse proxy, which hops may say who the caller is
  // (X-Forwarded-For). Off by default, so a caller cannot pick their own address.
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value) =>
      value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value,
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
})

export type Env = z.infer<typeof EnvSchema> & { databaseFile: string; secureCookies: boolean }

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment variables:\n${problems}`)
  }
  const env = parsed.data
  return {
    ...env,
    databaseFile: databaseFileFromEnv(source),
    secureCookies: env.SESSION_COOKIE_SECURE ? env.SESSION_COOKIE_SECURE === 'true' : env.NODE_ENV === 'production',
  }
}

/** Who publishes the desk's checks, for exports: read once per export from the environment. */
export function publisherOf(env: Pick<Env, 'PUBLIC_BASE_URL' | 'ORGANISATION_NAME' | 'ORGANISATION_URL'> = readEnv()) {
  const baseUrl = env.PUBLIC_BASE_URL.replace(/\/+$/, '')
  return {
    baseUrl,
    name: env.ORGANISATION_NAME,
    url: env.ORGANISATION_URL ?? baseUrl,
    permalinkOf: (claimId: number) => `${baseUrl}/claims/${claimId}`,
  }
}
export type Publisher = ReturnType<typeof publisherOf>

/** The largest import the desk accepts, from the environment. */
export function importLimitsOf(env: Env = readEnv()) {
  return { maxBytes: env.IMPORT_MAX_BYTES, maxRows: env.IMPORT_MAX_ROWS }
}
