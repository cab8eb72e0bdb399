import { createInstance, type i18n as I18n } from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as real from "react-i18next";
import { describe, expect, it } from "vitest";
import { languages, namespaces, type LanguageCode } from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { resourcesFor } from "~/web/i18n.server";
import { createLiteI18n, type LiteI18n, type TOptions } from "./i18n-lite";
import * as lite from "./react-i18next-lite";

/** i18next as the server sets it up (entry.server.tsx, tests/support/render.tsx). */
function serverI18n(lng: LanguageCode): I18n {
  const i18n = createInstance();
  void i18n.use(localeFormatter).init({ ...sharedI18nOptions, lng, resources: { [lng]: resourcesFor(lng) } });
  return i18n;
}
const liteI18n = (lng: LanguageCode) => createLiteI18n({ lng, resources: resourcesFor(lng), defaultNS: sharedI18nOptions.defaultNS, format: localeFormatter.format });

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const counts = [0, 1, 2, 3, 5, 6, 11, 21, 100, 1.5];

/** Every leaf's key path ("a.b.c"), and every object's. */
function keyPaths(node: unknown, prefix = ""): { leaves: string[]; objects: string[] } {
  const leaves: string[] = [];
  const objects: string[] = [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") {
      objects.push(path);
      const inner = keyPaths(v, path);
      leaves.push(...inner.leaves);
      objects.push(...inner.objects);
    } else leaves.push(path);
  }
  return { leaves, objects };
}

/** Values for each `{{name}}` in a text: a word, a number (formatted in the language's digits), a list. */
function valuesFor(text: unknown, kind: number): Record<string, unknown> {
  const names = typeof text === "string" ? [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim()) : [];
  const pick = [(n: string) => `${n} {{not-again}} $t(common:serviceName)`, () => 7, () => ["Sam", "Jo", "Alex"], () => null, () => undefined];
  return Object.fromEntries(names.map((n) => [n, pick[kind % pick.length]!(n)]));
}

describe("the browser's translator says what the server's i18next says", () => {
  it.each(languages.map((l) => l.code))("%s: every key, with and without values, plurals and contexts", (lng) => {
    const server = serverI18n(lng);
    const browser = liteI18n(lng);
    const resources = resourcesFor(lng);
    let compared = 0;
    const same = (key: string, options?: TOptions | string) => {
      const want = options === undefined ? server.t(key) : server.t(key, options as never);
      const got = browser.t(key, options);
      expect(got, `${lng} ${key} ${JSON.stringify(options)}`).toStrictEqual(want);
      compared++;
    };
    for (const ns of namespaces) {
      const { leaves, objects } = keyPaths(resources[ns] ?? {});
      for (const path of leaves) {
        const key = `${ns}:${path}`;
        const text: unknown = server.getResource(lng, ns, path);
        same(key);
        for (let kind = 0; kind < 5; kind++) same(key, valuesFor(text, kind));
        // A value named but undefined is left out; one not named at all stays as written.
        same(key, { ...valuesFor(text, 0), ...Object.fromEntries(Object.keys(valuesFor(text, 0)).map((n) => [n, undefined])) });
        const base = path.replace(pluralSuffix, "");
        if (base !== path) for (const count of counts) same(`${ns}:${base}`, { ...valuesFor(text, 1), count });
        const underscore = base.lastIndexOf("_");
        if (underscore > 0 && !base.includes(".", underscore)) {
          const context = base.slice(underscore + 1);
          same(`${ns}:${base.slice(0, underscore)}`, { context });
          for (const count of [0, 1, 2, 5]) same(`${ns}:${base.slice(0, underscore)}`, { context, count });
        }
      }
      for (const path of objects) {
        same(`${ns}:${path}`, { returnObjects: true });
        same(`${ns}:${path}`, { returnObjects: true, name: "Sam", count: 2 });
        same(`${ns}:${path}`);
      }
    }
    // Keys that are not there, defaults, the namespace option and the default namespace.
    same("common:no.such.key");
    same("no.such.key", "A default with {{name}}");
    same("no.such.key", { defaultValue: "Hello {{name}}", name: "Sam" });
    same("serviceName");
    same("serviceName", { ns: "plan" });
    same("title", { ns: ["nothing-here", "home"] });
    same("common:serviceName", { lng: "xx" });
    expect(compared).toBeGreaterThan(3000);
  });

  it("follows i18next's rules where today's translations do not reach them", () => {
    // Made-up words, so that each rule is exercised whatever the translations hold.
    const resources = {
      common: {
        item_zero: "none",
        item_one: "one item",
        item_other: "{{count}} items",
        pet_cat_one: "one cat",
        pet_cat_other: "{{count}} cats",
        pet_cat: "a cat",
        pet: "a pet",
        empty: "",
        nothing: null,
        dotted: { "a.b": "dotted {{who.name}}" },
        list: ["first {{name}}", "second"],
      },
    };
    for (const lng of ["en-GB", "cy", "ar", "pl"] as const) {
      const server = createInstance();
      void server.use(localeFormatter).init({ ...sharedI18nOptions, lng, resources: { [lng]: resources } });
      const browser = createLiteI18n({ lng, resources, defaultNS: "common", format: localeFormatter.format });
      const cases: [string, TOptions?][] = [
        ["item", { count: 0 }],
        ["item", { count: 1 }],
        ["item", { count: 2 }],
        ["pet", { context: "cat", count: 1 }],
        ["pet", { context: "cat", count: 0 }],
        ["pet", { context: "cat" }],
        ["pet", { context: "dog" }],
        ["pet", { context: "" }],
        ["empty"],
        ["nothing"],
        ["dotted.a.b", { who: { name: "Sam" } }],
        ["list", { returnObjects: true, name: "Jo" }],
        ["list.0", { name: "Jo" }],
      ];
      for (const [key, options] of cases) expect(browser.t(key, options), `${lng} ${key} ${JSON.stringify(options)}`).toStrictEqual(server.t(key, options as never));
    }
  });

  it("fixes a namespace as i18next's getFixedT does, and agrees on direction and existence", () => {
    for (const { code } of languages) {
      const server = serverI18n(code);
      const browser: LiteI18n = liteI18n(code);
      for (const ns of ["plan", "admin", "common"]) {
        const want = server.getFixedT(null, ns);
        const got = browser.getFixedT(null, ns);
        for (const key of ["title", "serviceName", "common:serviceName", "heading", "no.such.key"]) expect(got(key), `${code} ${ns} ${key}`).toBe(want(key));
      }
      expect(browser.dir()).toBe(server.dir());
      expect(browser.dir("ar")).toBe("rtl");
      expect(browser.exists("common:serviceName")).toBe(true);
      expect(browser.exists("common:no.such.key")).toBe(false);
    }
  });
});

describe("the browser's useTranslation renders what react-i18next renders", () => {
  // A component written once and rendered with each binding, as a page is on each side.
  const probe = (useTranslation: (ns?: string | readonly string[]) => { t: (k: string, o?: TOptions) => string; i18n: { language: string; dir(l?: string): string } }, ns?: string | readonly string[]) =>
    function Probe() {
      const { t, i18n } = useTranslation(ns);
      return createElement("p", { lang: i18n.language, dir: i18n.dir() }, t("serviceName"), " · ", t("common:account.signedInAs", { name: "Sam" }), " · ", t("title"));
    };
  it.each([undefined, "plan", ["admin", "common"]])("namespaces %j, in English, Welsh and Arabic", (ns) => {
    for (const lng of ["en-GB", "cy", "ar"] as const) {
      const server = renderToStaticMarkup(createElement(real.I18nextProvider, { i18n: serverI18n(lng) }, createElement(probe(real.useTranslation as never, ns))));
      const browser = renderToStaticMarkup(createElement(lite.I18nextProvider, { i18n: liteI18n(lng) }, createElement(probe(lite.useTranslation as never, ns))));
      expect(browser).toBe(server);
      if (lng === "en-GB") expect(browser).toContain("Signed in as Sam");
    }
  });

  it("is the binding the client build uses, and the server build does not", async () => {
    const pkg = (await import("../../package.json", { with: { type: "json" } })).default as { browser?: Record<string, string> };
    expect(pkg.browser?.["react-i18next"]).toBe("./app/utils/react-i18next-lite.tsx");
  });
});
