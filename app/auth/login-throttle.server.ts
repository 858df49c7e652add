// Failed sign-ins are counted per account and per network address (rate-limiter-flexible,
// stored in the login_throttle table so a restart does not reset them). When either count
// is used up within the window, sign-in is refused, even with the right password, until
// the window ends: guessing is capped without telling anyone whether an account exists,
// since unknown addresses are counted the same way. Successful sign-ins are never limited.
import { RateLimiterSQLite, type RateLimiterRes } from 'rate-limiter-flexible'
import { getConnection } from '#db/client.ts'
import { readEnv } from '#app/utils/env.server.ts'

type Limiters = { account: RateLimiterSQLite; address: RateLimiterSQLite; maxPerAccount: number; maxPerAddress: number }

// One pair per open database: tests open a fresh one per file.
const limitersByDatabase = new WeakMap<object, Limiters>()

function limiters(): Limiters {
  const { sqlite } = getConnection()
  let existing = limitersByDatabase.get(sqlite)
  if (!existing) {
    const env = readEnv()
    const common = {
      storeClient: sqlite,
      storeType: 'better-sqlite3' as const,
      tableName: 'login_throttle',
      // Migration 0008 made the table, in the layout the library expects.
      tableCreated: true,
      // The library's own sweep runs on a timer with no error handling: a busy database
      // (a restore holding the lock) would end the process. We sweep on failures instead.
      clearExpiredByTimeout: false,
      duration: env.LOGIN_WINDOW_MINUTES * 60,
    }
    existing = {
      account: new RateLimiterSQLite({ ...common, keyPrefix: 'account', points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT }),
      address: new RateLimiterSQLite({ ...common, keyPrefix: 'address', points: env.LOGIN_MAX_FAILURES_PER_ADDRESS }),
      maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    }
    limitersByDatabase.set(sqlite, existing)
  }
  return existing
}

export type SignInRefusal = { reason: 'account' | 'address'; message: string; retryAfterSeconds: number }

const accountKey = (email: string) => email.trim().toLowerCase()
// Without a known address (a script, a test) every such caller shares one count.
const addressKey = (ip: string | null) => ip ?? 'unknown'

function inMinutes(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  return minutes === 1 ? 'a minute' : `${minutes} minutes`
}

function refusal(reason: SignInRefusal['reason'], state: RateLimiterRes): SignInRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000))
  const who = reason === 'account' ? 'for this account' : 'from your network address'
  return {
    reason,
    retryAfterSeconds,
    message:
      `Too many failed sign-ins ${who}. Sign-in is paused: try again in ${inMinutes(retryAfterSeconds)}` +
      (reason === 'account' ? ', or ask an admin to lift the pause.' : '.'),
  }
}

// The library rejects with the counter's state once it goes over; either way we read the count.
const count = (limiter: RateLimiterSQLite, key: string) =>
  limiter.consume(key).catch((state: unknown) => {
    if (state instanceof Error) throw state
    return state as RateLimiterRes
  })

export type SignInAttempt =
  | { refused: SignInRefusal }
  | {
      refused: null
      /** Counts the failure at the address; the refusal to answer with if it used up an allowance. */
      failed: () => Promise<SignInRefusal | null>
      /** Clears the account's failures (the address keeps its count). */
      succeeded: () => Promise<void>
    }

/**
 * Starts a sign-in attempt, before its password is checked. The account's count goes up
 * at once: argon2 takes a while, and guesses at one password sent all at once would
 * otherwise all be checked before the first was counted. An attempt refused here checked
 * nothing and is taken back. The address counts failures only once they are known, so a
 * newsroom behind one address can sign in all at once at nine.
 */
export async function startSignInAttempt(email: string, ip: string | null): Promise<SignInAttempt> {
  const { account, address, maxPerAccount, maxPerAddress } = limiters()
  const byAddress = await address.get(addressKey(ip))
  if (byAddress && byAddress.consumedPoints >= maxPerAddress) return { refused: refusal('address', byAddress) }
  const byAccount = await count(account, accountKey(email))
  if (byAccount.consumedPoints > maxPerAccount) {
    await account.reward(accountKey(email))
    return { refused: refusal('account', byAccount) }
  }
  return {
    refused: null,
    failed: async () => {
      sweepExpiredCounts()
      const byAddressNow = await count(address, addressKey(ip))
      if (byAddressNow.consumedPoints >= maxPerAddress) return refusal('address', byAddressNow)
      if (byAccount.consumedPoints >= maxPerAccount) return refusal('account', byAccount)
      return null
    },
    succeeded: () => account.delete(accountKey(email)).then(() => undefined),
  }
}

/** Drops counts whose window has ended; a busy database just leaves them for next time. */
function sweepExpiredCounts() {
  try {
    getConnection().sqlite.prepare('delete from login_throttle where expire < ?').run(Date.now())
  } catch {
    // Only housekeeping: an expired count is ignored when read anyway.
  }
}

/** The accounts (e-mail addresses, lower case) whose sign-in is paused right now. */
export function pausedAccounts(): Set<string> {
  const { maxPerAccount } = limiters()
  const keys = getConnection()
    .sqlite.prepare(
      "select substr(key, length('account:') + 1) from login_throttle where key like 'account:%' and points >= ? and expire > ?",
    )
    .pluck()
    .all(maxPerAccount, Date.now()) as string[]
  return new Set(keys)
}

/** Ends an account's pause and forgets its failures: an admin vouched for the person. */
export async function liftSignInPause(email: string) {
  await limiters().account.delete(accountKey(email))
}
