import { describe, expect, it } from "vitest";
import type { LanguageCode } from "~/i18n";
import { serverHtml, words } from "../../../tests/support/server-html";
import { NeedsSummary, type NeedsShown } from "./NeedsSummary";


const needs: NeedsShown = {
  support: [],
  formats: [],
  attachmentFormat: "",
  contactMethods: [],
  languages: [{ code: "pl", preferred: false, modes: ["spoken", "written"], interpreterNeeded: true, proficiency: "fair" }],
  other: "",
};

/** The language's line in the summary: its name, how they use it, how well they know it, and whether they need an interpreter. */
const languageLine = (lng: LanguageCode) => {
  const li = /<li>(.*?)<\/li>/.exec(serverHtml(<NeedsSummary needs={needs} />, lng))?.[1] ?? "";
  return words(li);
};

describe("a language in the communication needs summary", () => {
  it("in English, with an English colon and full stops", () => {
    expect(languageLine("en-GB")).toBe("Polish: Speaking and Reading and writing. How well they know it: Fairly well. Needs an interpreter");
  });

  it("in Chinese, with the full-width colon and full stop, and no space after them", () => {
    expect(languageLine("zh-Hans")).toBe("波兰语：说和读和写。语言掌握程度：一般。需要口译员");
  });

  it("in Urdu, with the Urdu full stop", () => {
    expect(languageLine("ur")).toContain("۔ ");
    expect(languageLine("ur")).not.toContain(". ");
  });
});
