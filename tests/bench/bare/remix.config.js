/**
 * The bare Remix 2 app `npm run bench` compares the portal with: the portal's own settings and classic
 * compiler (remix.config.js at the root), one route, no database. Its build goes to tests/.output.
 *
 * @type {import('@remix-run/dev').AppConfig}
 */
import portal from "../../../remix.config.js";

export default {
  ...portal,
  buildDirectory: "../../.output/bench-bare/build",
  assetsBuildDirectory: "../../.output/bench-bare/public/build",
  serverBuildPath: "../../.output/bench-bare/build/index.js",
  cacheDirectory: "../../.output/bench-bare/.cache",
};
