import { describe, expect, it } from "vitest";
import { directionOf, matchLanguage, pickFromAcceptLanguage } from "./i18n";

describe("language choice", () => {
  it.each([
    ["cy", "cy"],
    ["CY", "cy"],
    ["en", "en-GB"],
    ["en-US", "en-GB"],
    ["ar-SA", "ar"],
    ["fr", undefined],
  ])("matches %s to %s", (tag, want) => expect(matchLanguage(tag)).toBe(want));

  it("honours q-values in Accept-Language", () => {
    expect(pickFromAcceptLanguage("fr;q=1, ar;q=0.5, cy;q=0.8")).toBe("cy");
    expect(pickFromAcceptLanguage("fr, de")).toBeUndefined();
    expect(pickFromAcceptLanguage(null)).toBeUndefined();
    expect(pickFromAcceptLanguage("ar;q=0, cy;q=0.1")).toBe("cy");
  });

  it("knows Arabic is right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("cy")).toBe("ltr");
  });
});
