import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languages } from "~/i18n";
import { languages as spokenLanguages } from "~/models/vocabulary/communication";
import { orderedGlossary, orderedLanguageNames } from "../tests/support/order-locale-lists.mjs";

/**
 * Pages show the glossary and the language names in the order of the locale file, not sorted in the
 * page: the server's and the browser's collation data differ, and a page sorted in both did not hydrate.
 * So the files must hold them in each language's alphabetical order. To fix: node tests/support/order-locale-lists.mjs
 */
const read = (lng: string, ns: string) => JSON.parse(fs.readFileSync(path.resolve("locales", lng, `${ns}.json`), "utf8"));
const codes = spokenLanguages.map((l) => l.code as string);

describe.each(languages.map((l) => l.code))("lists in %s are in alphabetical order in the file", (lng) => {
  it("the glossary's terms", () => {
    const json = read(lng, "glossary");
    expect(Object.keys(json.terms)).toEqual(Object.keys(orderedGlossary(json, lng).terms));
  });
  it("the language names", () => {
    const json = read(lng, "communication");
    expect(Object.keys(json.language)).toEqual(Object.keys(orderedLanguageNames(json, lng, codes).language));
  });
});
