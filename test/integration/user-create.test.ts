// The user:create script, run as a newcomer would, against its own database file.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-'))
const databaseFile = path.join(dir, 'cli.db')

function createUserCli(args: string[], password: string) {
  const child = run(path.resolve('node_modules/.bin/tsx'), ['scripts/user-create.ts', ...args], {
    env: { ...process.env, DATABASE_URL: databaseFile },
  })
  child.child.stdin?.end(`${password}\n`)
  return child.then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
}

function usersIn() {
  const db = new Database(databaseFile, { readonly: true })
  const emails = db.prepare('select email from users order by email').all() as Array<{ email: string }>
  db.close()
  return emails.map((row) => row.email)
}

describe('npm run user:create', () => {
  test('creates a user with the password from standard input', async () => {
    const result = await createUserCli(
      ['--email', 'Chefin@Example.org', '--role', 'admin', '--name', 'Die Chefin'],
      'ein langes Passwort',
    )
    expect(result.stdout).toMatch(/Created admin chefin@example.org/)
    expect(result.code).toBe(0)
    const db = new Database(databaseFile, { readonly: true })
    const row = db.prepare('select name, role, password_hash from users where email = ?').get('chefin@example.org') as {
      name: string
      role: string
      password_hash: string
    }
    db.close()
    expect(row).toMatchObject({ name: 'Die Chefin', role: 'admin' })
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
  }, 30_000)

  test('refuses bad arguments before asking for a password, and creates nothing', async () => {
    const result = await createUserCli(['--email', 'not-an-email', '--role', 'boss'], 'ein langes Passwort')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/email: Enter an e-mail address/)
    expect(result.stderr).toMatch(/role: --role must be one of viewer, editor, admin/)
    expect(usersIn()).toEqual(['chefin@example.org'])
  }, 30_000)

  test('refuses a short password and creates nothing', async () => {
    const result = await createUserCli(['--email', 'kurz@example.org', '--role', 'viewer'], 'short')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/password: Use at least 10 characters/)
    expect(usersIn()).toEqual(['chefin@example.org'])
  }, 30_000)

  test('refuses an e-mail that is taken', async () => {
    const result = await createUserCli(['--email', 'chefin@example.org', '--role', 'viewer'], 'ein langes Passwort')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/already exists/)
  }, 30_000)
})
