import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { statementKinds } from "#db/schema/decisions";
import { auditBases, changePhraseOf, changePhrases, notAboutARecord, phraseFor, readActions, readPhraseOf, readPhrases } from "~/models/vocabulary/access-log";
import english from "../../locales/en-GB/home.json";

/**
 * "Who has looked at my record" (decision 050) turns every audit row into a plain phrase. This reads
 * the application's code for every action it audits and every kind of record it reads, so a new one
 * added without a phrase fails here, before a person would ever see a generic line for it.
 */

const appDir = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `decisions.${kind}.write` → every statement kind filled in. */
function expand(literal: string): string[] {
  return literal.includes("${kind}") ? statementKinds.map((kind) => literal.replace("${kind}", kind)) : [literal];
}

const code = sources(appDir).map((file) => readFileSync(file, "utf8"));
const actionsAudited = new Set(code.flatMap((text) => [...text.matchAll(/\baction: ["`]([\w.${}]+)["`]/g)].flatMap((m) => expand(m[1]!))));
const readTypes = new Set(
  code.flatMap((text) => [
    ...[...text.matchAll(/recordReadIfOthers\([^,]+,\s*[^,]+,\s*[^,]+,\s*["`]([\w.${}]+)["`]/g)].flatMap((m) => expand(m[1]!)),
    ...[...text.matchAll(/recordReadsIfOthers\([^;]*?,\s*["`]([\w.${}]+)["`]\)/g)].flatMap((m) => expand(m[1]!)),
    ...[...text.matchAll(/action: "read", serviceUserId, recordType: "([\w.]+)"/g)].map((m) => m[1]!),
  ]),
);

describe("the access log's phrases", () => {
  it("finds the audited actions and reads in the code", () => {
    expect(actionsAudited).toContain("goal.add");
    expect(actionsAudited).toContain("decisions.advance.write");
    expect(readTypes).toContain("care_plan");
    expect(readTypes).toContain("caseload");
    expect(readTypes).toContain("statement.wishes");
  });

  it("has a phrase for every audited change, or knows it is not about anyone's record", () => {
    const missing = [...actionsAudited].filter((a) => !readActions.includes(a) && !(a in changePhraseOf) && !notAboutARecord.includes(a));
    expect(missing).toEqual([]);
  });

  it("has a phrase for every kind of record that is read", () => {
    expect([...readTypes].filter((t) => !(t in readPhraseOf))).toEqual([]);
  });

  it("maps only to phrases that exist, each with its copy (in every language: translations.test.ts)", () => {
    for (const phrase of Object.values(readPhraseOf)) expect(readPhrases).toContain(phrase);
    for (const phrase of Object.values(changePhraseOf)) expect(changePhrases).toContain(phrase);
    expect(Object.keys(english.accessLog.read).sort()).toEqual([...readPhrases].sort());
    expect(Object.keys(english.accessLog.change).sort()).toEqual([...changePhrases].sort());
    expect(Object.keys(english.accessLog.basis).sort()).toEqual([...auditBases].sort());
  });

  it("says which part was read, and never shows a raw code for something unknown", () => {
    expect(phraseFor({ action: "read", recordType: "care_plan", part: "crisis" })).toEqual({ kind: "read", phrase: "crisis" });
    expect(phraseFor({ action: "read", recordType: "care_plan", part: null })).toEqual({ kind: "read", phrase: "plan" });
    expect(phraseFor({ action: "goal.add", recordType: "goal", part: null })).toEqual({ kind: "change", phrase: "goal" });
    expect(phraseFor({ action: "read", recordType: "something_new", part: null })).toEqual({ kind: "read", phrase: "record" });
    expect(phraseFor({ action: "something.new", recordType: null, part: null })).toEqual({ kind: "change", phrase: "record" });
  });
});
