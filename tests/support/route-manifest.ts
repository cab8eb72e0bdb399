import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";

/** One route as Remix's manifest has it (built from remix.config.js, not from file names). */
export interface ManifestRoute {
  id: string;
  file: string;
  path?: string;
  index?: boolean;
  parentId?: string;
}

/**
 * Every route in the app's route manifest with its full path ("/people/:serviceUserId/plan"),
 * for the tests that go through every route: route-guards and the authorisation matrix.
 */
export async function readRouteManifest(): Promise<{ appDirectory: string; routes: (ManifestRoute & { fullPath: string })[] }> {
  const config = await readConfig(path.resolve(__dirname, "../.."));
  const manifest = Object.values(config.routes) as ManifestRoute[];
  const byId = new Map(manifest.map((r) => [r.id, r]));
  const fullPath = (route: ManifestRoute): string => {
    const parent = route.parentId ? byId.get(route.parentId) : undefined;
    const own = route.path ?? "";
    return parent ? [fullPath(parent), own].filter(Boolean).join("/") : own;
  };
  return { appDirectory: config.appDirectory, routes: manifest.map((r) => ({ ...r, fullPath: `/${fullPath(r)}` })) };
}
