// The desk a load test runs against: a copy of the 100k-claim bench desk with accounts
// that can sign in, and what the traffic needs to know about it before it starts (which
// claims exist, the contended "hot" claims as they are, words worth searching for).
// Read and written with better-sqlite3 directly: db/client.ts would open DATABASE_URL.
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import { hashPassword } from '#app/auth/password.server.ts'
import type { ClaimStatus, Role } from '#app/domain/vocabulary.ts'
import { benchDeskFile, ensureBenchDesk } from '../generate.ts'

export type Account = { email: string; password: string; role: Role }

/**
 * Copies the bench desk (generated first if missing) to `target` with SQLite's online
 * backup, so the original is only ever read and the copy is a consistent file.
 */
export async function copyBenchDesk(target: string) {
  const { manifest } = ensureBenchDesk()
  const original = new Database(benchDeskFile, { readonly: true, fileMustExist: true })
  try {
    await original.backup(target)
  } finally {
    original.close()
  }
  return manifest
}

export const loadPassword = 'claimdesk-load-test'

/**
 * Adds the load test's people to a desk that is not running yet: the bench desk's own
 * accounts have no password anyone knows. One hash for all of them: argon2 takes a
 * moment per hash and every account signs in with the same password anyway.
 */
export async function addLoadAccounts(file: string, { editors, viewers }: { editors: number; viewers: number }) {
  const passwordHash = await hashPassword(loadPassword)
  const accounts: Account[] = [
    ...Array.from({ length: editors }, (_, i) => ({ email: `load-editor-${i + 1}@claimdesk.example`, role: 'editor' })),
    ...Array.from({ length: viewers }, (_, i) => ({ email: `load-viewer-${i + 1}@claimdesk.example`, role: 'viewer' })),
  ].map((a) => ({ ...a, password: loadPassword }) as Account)
  const sqlite = new Database(file, { fileMustExist: true })
  try {
    const insert = sqlite.prepare(
      `insert into users (id, email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
    )
    const now = Date.now()
    sqlite.transaction(() => {
      for (const a of accounts) {
        const name = a.email.split('@')[0]!.replace(/-/g, ' ')
        insert.run(randomUUID(), a.email, name, a.role, passwordHash, now, now)
      }
    })()
  } finally {
    sqlite.close()
  }
  return accounts
}

export type HotClaim = { id: number; version: number; status: ClaimStatus; text: string }

export type DeskSample = {
  /** Live claims to open, annotate and list around. */
  claimIds: number[]
  /** The few claims every editing session works on, as they were before the traffic. */
  hot: HotClaim[]
  searchTerms: string[]
  tags: string[]
  /** The highest ids before the traffic: anything above was written during the run. */
  before: { claimId: number; annotationId: number; eventId: number }
}

/**
 * What the traffic draws from. Hot claims are live and their form round-trips as it is:
 * their speaker is not merged away and their source not deleted, or saving the unchanged
 * form would be refused for reasons that have nothing to do with load.
 */
export function sampleDesk(
  file: string,
  { hot, sample = 2000, extraTerms = [] as string[] }: { hot: number; sample?: number; extraTerms?: string[] },
): DeskSample {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const ids = (sql: string, ...params: unknown[]) =>
      (sqlite.prepare(sql).all(...params) as Array<{ id: number }>).map((r) => r.id)
    const claimIds = ids(`select id from claims where deleted_at is null order by random() limit ?`, sample)
    const hotClaims = sqlite
      .prepare(
        `select c.id, c.version, c.status, c.text from claims c
           left join speakers sp on sp.id = c.speaker_id
           left join sources so on so.id = c.source_id
         where c.deleted_at is null and sp.merged_into_id is null and sp.deleted_at is null and so.deleted_at is null
         order by random() limit ?`,
      )
      .all(hot) as HotClaim[]
    const tags = (
      sqlite
        .prepare(
          `select t.name from tags t join claim_tags ct on ct.tag_id = t.id group by t.id order by count(*) desc limit 30`,
        )
        .all() as Array<{ name: string }>
    ).map((t) => t.name)
    // Words of six letters or more from the sampled claims: what someone would type to find one again.
    const texts = sqlite
      .prepare(`select text from claims where id in (${claimIds.slice(0, 200).join(',') || 'null'})`)
      .all() as Array<{ text: string }>
    const words = new Set(texts.flatMap((t) => t.text.match(/\p{L}{6,}/gu) ?? []))
    const max = (table: string) =>
      (sqlite.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n
    return {
      claimIds,
      hot: hotClaims,
      searchTerms: [...extraTerms, ...[...words].slice(0, 60)],
      tags,
      before: { claimId: max('claims'), annotationId: max('annotations'), eventId: max('claim_events') },
    }
  } finally {
    sqlite.close()
  }
}
