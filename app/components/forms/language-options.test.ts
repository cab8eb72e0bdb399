import { describe, expect, it } from "vitest";
import { languages } from "~/models/vocabulary/communication";
import { languageLabel } from "./language-options";

describe("a language's name in a list", () => {
  it("gives the name in itself only when it differs", () => {
    expect(languageLabel("English", "English", "en-GB")).toBe("English");
    expect(languageLabel("British Sign Language", "British Sign Language", "en-GB")).toBe("British Sign Language");
    expect(languageLabel("Polish", "Polski", "en-GB")).toBe("Polish – Polski");
    expect(languageLabel("polski", "Polski", "pl")).toBe("polski");
  });

  it("never repeats a name in the English list", async () => {
    const en = (await import("../../../locales/en-GB/communication.json")).default as { language: Record<string, string> };
    const labels = languages.map((l) => languageLabel(en.language[l.code]!, l.own, "en-GB"));
    expect(labels.filter((label) => /^(.+) – \1$/.test(label))).toEqual([]);
  });
});
