import { execSync } from "node:child_process";
import path from "node:path";

/** Tests that run the production server need a build that matches the sources. */
export default function setup() {
  execSync("node app/server/build-if-needed.mjs", { cwd: path.resolve(__dirname, "../.."), stdio: "inherit" });
}
