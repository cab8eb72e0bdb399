import { describe, expect, it } from "vitest";
import { createI18n, resolveLanguage, resourcesFor } from "./i18n.server";

const req = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("resolveLanguage", () => {
  it("takes ?lng= first", () => {
    expect(resolveLanguage(req("http://x/?lng=ar", { Cookie: "lng=cy", "Accept-Language": "cy" }), "cy")).toBe("ar");
  });
  it("then the saved cookie, then the account, then Accept-Language, then en-GB", () => {
    expect(resolveLanguage(req("http://x/", { Cookie: "lng=cy", "Accept-Language": "ar" }), "ar")).toBe("cy");
    expect(resolveLanguage(req("http://x/", { "Accept-Language": "ar" }), "cy")).toBe("cy");
    expect(resolveLanguage(req("http://x/", { "Accept-Language": "ar" }))).toBe("ar");
    expect(resolveLanguage(req("http://x/"))).toBe("en-GB");
  });
  it("ignores unsupported values", () => {
    expect(resolveLanguage(req("http://x/?lng=xx", { Cookie: "lng=zz" }), "qq")).toBe("en-GB");
  });
});

describe("server translations", () => {
  it("falls back to English, never to a raw key, when a language lacks a key", () => {
    const cy = resourcesFor("cy");
    expect(cy.common).toBeDefined();
    const t = createI18n("ar").t;
    expect(t("common:urgentHelp.link")).not.toBe("common:urgentHelp.link");
  });
  it("keeps lists of paragraphs as lists in every language", () => {
    for (const lng of ["en-GB", "cy", "ar"] as const) {
      const paragraphs = createI18n(lng).t("pages:accessibility.using.paragraphs", { returnObjects: true });
      expect(Array.isArray(paragraphs)).toBe(true);
    }
  });

  it("translates with values", () => {
    expect(createI18n("en-GB").t("home:greeting", { name: "Sam" })).toBe("Hello, Sam");
  });
});
