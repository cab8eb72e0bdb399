import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root, found from this module whether it runs from source (app/utils/)
 * or bundled into build/index.js.
 */
export function projectRoot(): string {
  if (process.env.CARE_PORTAL_ROOT) return process.env.CARE_PORTAL_ROOT;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "locales"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function fromRoot(...segments: string[]): string {
  return path.join(projectRoot(), ...segments);
}
