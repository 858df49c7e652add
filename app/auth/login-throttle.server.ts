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
      clearExpiredByTimeout: true,
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
      (reason === 'account' ? ', or ask an admin to check the account.' : '.'),
  }
}

/**
 * Counts a sign-in attempt as failed before its password is checked: argon2 takes a while,
 * and guesses sent all at once would otherwise all be checked before the first was counted.
 * An attempt refused here checked nothing and is taken back; `refusedIfWrong` is what to
 * answer if the password turns out wrong (this attempt used up an allowance).
 */
export async function countSignInAttempt(
  email: string,
  ip: string | null,
): Promise<{ refused: SignInRefusal | null; refusedIfWrong: SignInRefusal | null }> {
  const { account, address, maxPerAccount, maxPerAddress } = limiters()
  // The library rejects with the counter's state once it goes over; either way we read the count.
  const count = (limiter: RateLimiterSQLite, key: string) =>
    limiter.consume(key).catch((state: unknown) => {
      if (state instanceof Error) throw state
      return state as RateLimiterRes
    })
  const [byAddress, byAccount] = await Promise.all([count(address, addressKey(ip)), count(account, accountKey(email))])
  const refusedWhen = (spent: (state: RateLimiterRes, max: number) => boolean) =>
    spent(byAddress, maxPerAddress)
      ? refusal('address', byAddress)
      : spent(byAccount, maxPerAccount)
        ? refusal('account', byAccount)
        : null
  // Past the allowance: it was used up before this attempt came.
  const refused = refusedWhen((state, max) => state.consumedPoints > max)
  if (refused) await Promise.all([address.reward(addressKey(ip)), account.reward(accountKey(email))])
  return { refused, refusedIfWrong: refused ? null : refusedWhen((state, max) => state.consumedPoints >= max) }
}

/** A successful sign-in clears the account's failures and takes back its own count at the address. */
export async function clearFailedSignIns(email: string, ip: string | null) {
  const { account, address } = limiters()
  await Promise.all([account.delete(accountKey(email)), address.reward(addressKey(ip))])
}
