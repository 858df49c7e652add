// Browser tests: a production build served by server/index.ts, driven through Chromium.
// Run with `npm run test:e2e` (it builds first). Deliberately separate from vite.config.ts:
// the Remix plugin is not loaded here, and the unit/integration setup file is not used.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One server and one browser per file; files run one after another.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: [],
    // Polled values change at the page's pace: on a slow CI machine a type-ahead answer can
    // take longer than vitest's one-second default, as Playwright's own waits allow for.
    expect: { poll: { timeout: 10_000 } },
  },
})
