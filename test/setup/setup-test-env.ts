// Every test file gets its own freshly migrated temp-file database; the developer's
// ./data file is never touched. A console.error during a test fails it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, expect, vi } from 'vitest'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-test-'))
process.env.DATABASE_URL = path.join(dir, 'test.db')
process.env.NODE_ENV = 'test'

const { getConnection, closeDatabase } = await import('#db/client.ts')
const { migrateDatabase } = await import('#db/migrate.ts')
migrateDatabase(getConnection().db)

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
})
afterEach(() => {
  expect(consoleError, 'console.error was called during the test').not.toHaveBeenCalled()
})

afterAll(() => {
  closeDatabase()
  fs.rmSync(dir, { recursive: true, force: true })
})
