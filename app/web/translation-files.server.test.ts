import { describe, expect, it } from "vitest";
import { languages, namespaces } from "~/i18n";
import { resourcesFor } from "./i18n.server";
import { translationFileAt, translationFileHrefs } from "./translation-files.server";

describe("translation files for the browser", () => {
  it("names one file per namespace, fingerprinted, for every language", () => {
    for (const { code } of languages) {
      const hrefs = translationFileHrefs(code);
      expect(Object.keys(hrefs).sort()).toEqual([...namespaces].sort());
      for (const [ns, href] of Object.entries(hrefs)) expect(href).toMatch(new RegExp(`^/translations/${code}/${ns}\\.[A-Za-z0-9_-]{16}\\.json$`));
    }
  });

  it("serves exactly the server's translations, English under any missing key", () => {
    const href = translationFileHrefs("cy").plan!;
    expect(JSON.parse(translationFileAt(href)!)).toEqual(resourcesFor("cy").plan);
  });

  it("gives each language and namespace its own name, so a changed text is never served from an old cache", () => {
    const all = languages.flatMap(({ code }) => Object.values(translationFileHrefs(code)));
    expect(new Set(all.map((href) => href.split(".").at(-2))).size).toBe(all.length);
  });

  it("answers nothing for a wrong hash, language, namespace or path", () => {
    const href = translationFileHrefs("ar").common!;
    expect(translationFileAt(href)).toBeDefined();
    for (const wrong of [
      href.replace(/\.[^.]+\.json$/, ".AAAAAAAAAAAAAAAA.json"),
      href.replace("/ar/", "/xx/"),
      href.replace("/common.", "/nothing."),
      `${href}/..`,
      "/translations/ar/common.json",
      "/translations/../locales/ar/common.json",
    ]) {
      expect(translationFileAt(wrong), wrong).toBeUndefined();
    }
  });
});
