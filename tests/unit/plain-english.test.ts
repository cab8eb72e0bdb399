import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { describe, expect, it } from "vitest";

/**
 * The plain-English gate over every English string (CT-01, CT-02): no sentence longer than
 * 20 words, and each namespace at Flesch–Kincaid grade 7 or below (a reading age of about 12).
 * Syllables come from `syllable` and the grade from `flesch-kincaid` (both maintained by the
 * unified collective); sentences are split here, the same way for every string.
 */
const MAX_WORDS = 20;
const MAX_GRADE = 7;
const MAX_SENTENCES = 3; // per paragraph (CT-02); each string is at most one paragraph
const dir = path.resolve(__dirname, "../../locales/en-GB");

/**
 * Sentences that may be longer, each with why. Keep this short: rewrite before adding here.
 * Keys are "namespace:key.path".
 */
const longSentenceAllowlist = new Map<string, string>([]);

/** Split copy into sentences: after . ! ? : ; followed by a space, and at line breaks. */
function sentencesOf(text: string): string[] {
  const plain = text
    .replace(/\{\{[^}]+\}\}/g, "Sam") // a placeholder reads as one short word
    .replace(/<\/?\d+>|<[^>]+>/g, ""); // Trans markup
  return plain
    .split(/(?<=[.!?:;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

/** Whole sentences only (ending . ! or ?), for the paragraph rule: a label before a colon is not one. */
function fullSentencesOf(text: string): string[] {
  return text
    .replace(/\{\{[^}]+\}\}/g, "Sam")
    .split(/(?<=[.!?])\s+/)
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
}

function stringsOf(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

const namespaces = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ ns: f.replace(/\.json$/, ""), strings: stringsOf(JSON.parse(readFileSync(path.join(dir, f), "utf8"))) }));

describe("the splitter and counter", () => {
  it("splits sentences and ignores placeholders' length", () => {
    expect(sentencesOf("Ask us. We will help: {{name}} too!\nThen stop")).toEqual(["Ask us.", "We will help:", "Sam too!", "Then stop"]);
    expect(wordsOf("You can – if you want – ask 3 times.")).toEqual(["You", "can", "if", "you", "want", "ask", "3", "times."]);
  });

  it("counts whole sentences for the paragraph rule", () => {
    expect(fullSentencesOf("One. Two! Three? Four: still four.")).toHaveLength(4);
  });

  it("would catch a long sentence and hard words", () => {
    const long = "This sentence has far too many words in it because it keeps going on and on well past the limit we set.";
    expect(wordsOf(sentencesOf(long)[0]!).length).toBeGreaterThan(MAX_WORDS);
    const hard = "Multidisciplinary institutionalisation necessitates comprehensive interdisciplinary documentation.";
    const words = wordsOf(hard);
    expect(fleschKincaid({ sentence: 1, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) })).toBeGreaterThan(MAX_GRADE);
  });
});

describe.each(namespaces)("plain English in $ns", ({ ns, strings }) => {
  it(`has no sentence longer than ${MAX_WORDS} words`, () => {
    const long = strings.flatMap(([key, text]) =>
      sentencesOf(text)
        .filter((s) => wordsOf(s).length > MAX_WORDS && !longSentenceAllowlist.has(`${ns}:${key}`))
        .map((s) => `${ns}:${key} (${wordsOf(s).length} words): ${s}`),
    );
    expect(long).toEqual([]);
  });

  it(`has no paragraph longer than ${MAX_SENTENCES} sentences`, () => {
    const long = strings
      .map(([key, text]) => [key, fullSentencesOf(text).length] as const)
      .filter(([, n]) => n > MAX_SENTENCES)
      .map(([key, n]) => `${ns}:${key} (${n} sentences)`);
    expect(long).toEqual([]);
  });

  it(`reads at Flesch–Kincaid grade ${MAX_GRADE} or below`, () => {
    const sentences = strings.flatMap(([, text]) => sentencesOf(text));
    const words = sentences.flatMap(wordsOf);
    const grade = fleschKincaid({ sentence: sentences.length, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) });
    expect(grade, `${ns} grade`).toBeLessThanOrEqual(MAX_GRADE);
  });
});
