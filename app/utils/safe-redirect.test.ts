import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/people/1", "/people/1"],
    ["/login?x=1", "/login?x=1"],
  ])("keeps a path on this site: %s", (input, out) => expect(safeRedirect(input)).toBe(out));

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "evil", "", null, undefined, 42, "/a\nb"])(
    "refuses %s",
    (input) => expect(safeRedirect(input)).toBe("/"),
  );
});
