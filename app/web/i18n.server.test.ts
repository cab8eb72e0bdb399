import { describe, expect, it } from "vitest";
import { i18nFor, resolveLanguage, resourcesFor } from "./i18n.server";

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
    const t = i18nFor("ar").t;
    expect(t("common:urgentHelp.link")).not.toBe("common:urgentHelp.link");
  });
  it("keeps lists of paragraphs as lists in every language", () => {
    for (const lng of ["en-GB", "cy", "ar"] as const) {
      const paragraphs = i18nFor(lng).t("pages:accessibility.using.paragraphs", { returnObjects: true });
      expect(Array.isArray(paragraphs)).toBe(true);
    }
  });

  it("makes one instance per language, once, and each keeps its own language", () => {
    expect(i18nFor("cy")).toBe(i18nFor("cy"));
    expect(i18nFor("cy")).not.toBe(i18nFor("ar"));
    // Used for Arabic in between, the Welsh instance still speaks Welsh (nothing changes a language).
    expect(i18nFor("ar").language).toBe("ar");
    expect(i18nFor("cy").language).toBe("cy");
    expect(i18nFor("cy").t("home:greeting", { name: "Sam" })).toBe(i18nFor("cy").t("home:greeting", { name: "Sam" }));
    expect(i18nFor("cy").t("home:greeting", { name: "Sam" })).not.toBe(i18nFor("en-GB").t("home:greeting", { name: "Sam" }));
  });

  it("translates with values", () => {
    expect(i18nFor("en-GB").t("home:greeting", { name: "Sam" })).toBe("Hello, Sam");
  });
});
