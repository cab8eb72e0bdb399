import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every dependency, for the app and for its tools, is pinned to one exact version (issue 16, item 11):
 * a fresh clone installs what was tested, and a new release reaches the project only by a change
 * someone reviewed, with the lock file.
 */
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;

describe("dependencies", () => {
  it.each(["dependencies", "devDependencies"])("%s are pinned to exact versions", (field) => {
    const ranges = Object.entries(pkg[field] ?? {}).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(ranges).toEqual([]);
  });
});
