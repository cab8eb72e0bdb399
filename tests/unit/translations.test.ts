import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languages, namespaces } from "~/i18n";
import { localeFormat } from "~/utils/locale-format";

const root = path.resolve(__dirname, "../..");
type Tree = { [key: string]: string | string[] | Tree };

function load(lng: string): Record<string, Tree> {
  const dir = path.join(root, "locales", lng);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Tree]),
  );
}

function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    if (v && typeof v === "object" && !Array.isArray(v)) for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

const en = load("en-GB");
const enKeys = new Map<string, unknown>();
for (const [ns, tree] of Object.entries(en)) for (const [k, v] of flatten(tree)) enKeys.set(`${ns}:${k}`, v);

/** Plural forms (_one, _two, _few…) differ by language; compare on the base key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

/** Strings that are the same in every language: names of services and of languages written in English. */
const sameAsEnglish = new Set(["NHS", "NHS 111", "Samaritans", "Braille", "Hindi", "Pashto", "Tigrinya", "Gujarati", "Punjabi", "Urdu"]);
/** Single strings that happen to be the same word in another language, each with the reason. */
const sameAsEnglishKeys = new Map([["cy/plan:caseload.person", "“Person” is also the Welsh word"]]);

describe("locale files", () => {
  it("has a file for every namespace in en-GB", () => {
    expect(Object.keys(en).sort()).toEqual([...namespaces].sort());
  });

  for (const { code } of languages.filter((l) => l.code !== "en-GB")) {
    it(`${code} has every key that en-GB has, none empty`, () => {
      const other = load(code);
      const keys = new Map<string, unknown>();
      for (const [ns, tree] of Object.entries(other)) for (const [k, v] of flatten(tree)) keys.set(`${ns}:${k}`, v);
      const bases = new Set([...keys.keys()].map(base));
      const missing = [...enKeys.keys()].filter((k) => !bases.has(base(k)));
      expect(missing).toEqual([]);
      const empty = [...keys.entries()].filter(([, v]) => v === "" || (Array.isArray(v) && v.length === 0)).map(([k]) => k);
      expect(empty).toEqual([]);
      // Arrays (lists of paragraphs) must have the same length, or a paragraph is missing.
      const shorter = [...enKeys.entries()]
        .filter(([k, v]) => Array.isArray(v) && (keys.get(k) as unknown[] | undefined)?.length !== v.length)
        .map(([k]) => k);
      expect(shorter).toEqual([]);
    });

    it(`${code} has every plural form its language needs`, () => {
      // i18next picks _zero/_one/_two/_few/_many/_other with Intl.PluralRules for the page language.
      const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const other = load(code);
      const keys = new Set<string>();
      for (const [ns, tree] of Object.entries(other)) for (const [k] of flatten(tree)) keys.add(`${ns}:${k}`);
      const plurals = new Set([...enKeys.keys()].filter((k) => /_other$/.test(k)).map(base));
      const missing = [...plurals].flatMap((b) => needed.filter((c) => !keys.has(`${b}_${c}`)).map((c) => `${b}_${c}`));
      expect(missing).toEqual([]);
    });

    it(`${code} translates every string, except names and codes`, () => {
      const other = load(code);
      const same: string[] = [];
      for (const [ns, tree] of Object.entries(other)) {
        for (const [k, v] of flatten(tree)) {
          const source = enKeys.get(`${ns}:${k}`);
          if (typeof v !== "string" || v !== source) continue;
          if (sameAsEnglish.has(v) || sameAsEnglishKeys.has(`${code}/${ns}:${k}`)) continue;
          // Only placeholders, digits and punctuation: nothing to translate.
          if (!/[A-Za-z]/.test(v.replace(/{{\w+}}/g, ""))) continue;
          same.push(`${ns}:${k}`);
        }
      }
      expect(same).toEqual([]);
    });

    it(`${code} writes numbers in its own digits, except numbers to dial`, () => {
      // Formatted values use the language's digits (app/utils/locale-format.ts); the copy around them must too,
      // or a Bengali page reads "১০-এর মধ্যে ৭" in one place and "10" in the next.
      const digits = localeFormat(code).digits;
      if (digits === "0123456789") return;
      const dialled = /\b(0808 808 7777|0800 1111|116 123|18001|999|111)\b/g;
      const inEnglishWords = /[A-Za-z][A-Za-z ]*\d[\d.]*/g;
      const western: string[] = [];
      for (const [ns, tree] of Object.entries(load(code))) {
        for (const [k, v] of flatten(tree)) {
          const text = [v].flat().join(" ").replace(/{{\w+}}/g, "").replace(dialled, "").replace(inEnglishWords, "");
          if (/[0-9]/.test(text)) western.push(`${ns}:${k}`);
        }
      }
      expect(western).toEqual([]);
    });

    it(`${code} keeps every {{placeholder}}`, () => {
      const other = load(code);
      const problems: string[] = [];
      for (const [ns, tree] of Object.entries(other)) {
        for (const [k, v] of flatten(tree)) {
          const source = enKeys.get(`${ns}:${k}`) ?? enKeys.get(`${ns}:${base(k)}_other`);
          if (typeof source !== "string" || typeof v !== "string") continue;
          const want = (source.match(/{{\w+}}/g) ?? []).filter((p) => p !== "{{count}}").sort();
          const got = (v.match(/{{\w+}}/g) ?? []).filter((p) => p !== "{{count}}").sort();
          if (want.join() !== got.join()) problems.push(`${ns}:${k}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("keys used in code", () => {
  const nsPattern = namespaces.join("|");
  const literal = new RegExp(`["'\`]((?:${nsPattern}):[A-Za-z0-9_.-]+)(["'\`|])`, "g");
  const template = new RegExp(`\`((?:${nsPattern}):[A-Za-z0-9_.-]*)\\$\\{`, "g");
  const files = sourceFiles(path.join(root, "app"));

  it("finds keys to check (the scan works)", () => {
    const all = files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(literal)]);
    expect(all.length).toBeGreaterThan(50);
  });

  it("every literal key exists in en-GB", () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(literal)) {
        const key = m[1]!;
        const exists = enKeys.has(key) || enKeys.has(`${key}_other`) || [...enKeys.keys()].some((k) => k.startsWith(`${key}.`));
        if (!exists) missing.push(`${path.relative(root, f)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every template key prefix exists in en-GB", () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, "utf8").matchAll(template)) {
        const prefix = m[1]!;
        if (![...enKeys.keys()].some((k) => k.startsWith(prefix))) missing.push(`${path.relative(root, f)}: ${prefix}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
