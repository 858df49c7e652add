// Options for the Remix Vite plugin. vite.config.ts passes them to the plugin, so
// route conventions and future flags are set here and nowhere else.

/** @type {import('@remix-run/dev').VitePluginConfig} */
export default {
  appDirectory: 'app',
  // Flat routes (dot-delimited file names in app/routes) are the v2 default; tests
  // and other non-route modules beside the routes are ignored.
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
