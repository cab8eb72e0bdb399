import { beforeAll } from "vitest";
import { startWorker } from "./browser";

// Before each browser test file: this worker's server and Chromium, started by the first file only.
beforeAll(async () => {
  await startWorker();
});
