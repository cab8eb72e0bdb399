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
/**
 * Easy Read mode (CT-05, decision 061): every key of the Easy Read namespace is one idea beside one
 * picture, so its sentences are at most 15 words and it holds at most 2 of them.
 */
const EASY_READ_NAMESPACE = "easyread";
const EASY_READ_MAX_WORDS = 15;
const EASY_READ_MAX_SENTENCES = 2;

/** The limits a namespace's copy is held to: Easy Read's, or the plain-English ones. */
function limitsFor(ns: string): { maxWords: number; maxSentences: number } {
  return ns === EASY_READ_NAMESPACE
    ? { maxWords: EASY_READ_MAX_WORDS, maxSentences: EASY_READ_MAX_SENTENCES }
    : { maxWords: MAX_WORDS, maxSentences: MAX_SENTENCES };
}

/** Sentences over the namespace's limit, as "ns:key (n words): sentence". */
function longSentences(ns: string, strings: [string, string][]): string[] {
  const { maxWords } = limitsFor(ns);
  return strings.flatMap(([key, text]) =>
    sentencesOf(text)
      .filter((s) => wordsOf(s).length > maxWords && !longSentenceAllowlist.has(`${ns}:${key}`))
      .map((s) => `${ns}:${key} (${wordsOf(s).length} words): ${s}`),
  );
}
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

describe("Easy Read mode", () => {
  const sixteen = "You can call us at any time of the day or night if you need help.";
  it("holds the Easy Read namespace to 15 words a sentence and 2 sentences a string", () => {
    expect(limitsFor("easyread")).toEqual({ maxWords: 15, maxSentences: 2 });
    expect(limitsFor("plan")).toEqual({ maxWords: 20, maxSentences: 3 });
  });

  it("catches a 16-word sentence in Easy Read that plain English lets through", () => {
    expect(wordsOf(sixteen)).toHaveLength(16);
    expect(longSentences("easyread", [["urgent.intro", sixteen]])).toEqual([`easyread:urgent.intro (16 words): ${sixteen}`]);
    expect(longSentences("pages", [["urgent.intro", sixteen]])).toEqual([]);
    expect(longSentences("easyread", [["urgent.intro", "Call us if you need help."]])).toEqual([]);
  });

  it("has an Easy Read namespace to check", () => {
    expect(namespaces.map((n) => n.ns)).toContain(EASY_READ_NAMESPACE);
  });
});

describe.each(namespaces)("plain English in $ns", ({ ns, strings }) => {
  const { maxWords, maxSentences } = limitsFor(ns);
  it(`has no sentence longer than ${maxWords} words`, () => {
    expect(longSentences(ns, strings)).toEqual([]);
  });

  it(`has no paragraph longer than ${maxSentences} sentences`, () => {
    const long = strings
      .map(([key, text]) => [key, fullSentencesOf(text).length] as const)
      .filter(([, n]) => n > maxSentences)
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
