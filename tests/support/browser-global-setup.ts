import type { TestProject } from "vitest/node";
import { findChromium } from "./chromium";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

/** One production server for the browser tests, on a free port with a fresh database. */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  const server = await startServer();
  project.provide("baseURL", server.url);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    await server.stop();
  };
}
