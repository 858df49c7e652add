import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'
import remixOptions from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  build: { target: 'es2022', sourcemap: true },
  // The Remix plugin would try to build the app under vitest; tests import modules directly.
  plugins: [!process.env.VITEST && remix(remixOptions)],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup/setup-test-env.ts'],
    restoreMocks: true,
    pool: 'forks',
  },
})
