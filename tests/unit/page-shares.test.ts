import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languages } from "~/i18n";
import { pageShares } from "../browser/page-shares";

describe("the page checks' shares of the languages", () => {
  it("put every language in exactly one share", () => {
    const shared = Object.values(pageShares).flat();
    expect([...shared].sort()).toEqual(languages.map((l) => l.code).sort());
  });

  it("each have their own test file", () => {
    for (const share of Object.keys(pageShares)) {
      expect(existsSync(path.join(__dirname, "../browser", `pages-${share}.test.ts`)), share).toBe(true);
    }
  });
});
