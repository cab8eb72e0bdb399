/**
 * Remix 2 classic compiler. The production server (app/server/index.ts) is our own
 * Express server, bundled separately by app/server/build-server.mjs, so that we
 * control headers, the CSP nonce and logging.
 *
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // PGlite loads its own .wasm and .data files from its package folder, so it
  // must stay external; no server dependency is bundled.
  serverDependenciesToBundle: [],
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
