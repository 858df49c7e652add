import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './migrations',
  // drizzle-kit does not understand FTS5 virtual tables and would offer to drop them.
  tablesFilter: ['!claims_fts*', '!search_fts*'],
})
