import { describe, expect, it } from "vitest";
import { directionOf, matchLanguage, pickFromAcceptLanguage } from "./i18n";

describe("language choice", () => {
  it.each([
    ["cy", "cy"],
    ["CY", "cy"],
    ["en", "en-GB"],
    ["en-US", "en-GB"],
    ["ar-SA", "ar"],
    ["pl-PL", "pl"],
    ["ro", "ro"],
    ["pa-IN", "pa"],
    ["ur-PK", "ur"],
    ["bn-BD", "bn"],
    ["so", "so"],
    ["zh-CN", "zh-Hans"],
    ["zh-hans", "zh-Hans"],
    ["zh", "zh-Hans"],
    ["fr", undefined],
  ])("matches %s to %s", (tag, want) => expect(matchLanguage(tag)).toBe(want));

  it("honours q-values in Accept-Language", () => {
    expect(pickFromAcceptLanguage("fr;q=1, ar;q=0.5, cy;q=0.8")).toBe("cy");
    expect(pickFromAcceptLanguage("fr, de")).toBeUndefined();
    expect(pickFromAcceptLanguage(null)).toBeUndefined();
    expect(pickFromAcceptLanguage("ar;q=0, cy;q=0.1")).toBe("cy");
  });

  it("knows Arabic and Urdu are right to left", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("ur")).toBe("rtl");
    expect(directionOf("pa")).toBe("ltr");
    expect(directionOf("cy")).toBe("ltr");
  });
});
