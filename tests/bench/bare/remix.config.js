/**
 * The bare Remix 2 app `npm run bench` compares the portal with: the same classic compiler and
 * settings as the portal's remix.config.js, one route, no database. Its build goes to tests/.output.
 *
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverDependenciesToBundle: [],
  buildDirectory: "../../.output/bench-bare/build",
  assetsBuildDirectory: "../../.output/bench-bare/public/build",
  serverBuildPath: "../../.output/bench-bare/build/index.js",
  cacheDirectory: "../../.output/bench-bare/.cache",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
