// Lists shown in the reader's alphabetical order are kept in that order in the locale files: the
// glossary's terms (by term) and the language names (by name). Pages show them in file order, so the
// server and the browser agree; sorting in the page did not, because Node's and Chromium's collation
// data differ (Welsh "Words we use" did not hydrate). app/locale-order.test.ts checks the order.
// Run to fix the files: node tests/support/order-locale-lists.mjs
import fs from "node:fs";
import path from "node:path";

const collator = (lng) => new Intl.Collator(lng, { sensitivity: "base" });

/** The glossary with its terms in the language's alphabetical order. */
export function orderedGlossary(json, lng) {
  const compare = collator(lng).compare;
  const terms = Object.entries(json.terms).sort(([, a], [, b]) => compare(a.term, b.term));
  return { ...json, terms: Object.fromEntries(terms) };
}

/** The communication namespace with its language names in the language's alphabetical order. */
export function orderedLanguageNames(json, lng, codes) {
  const compare = collator(lng).compare;
  const entries = Object.entries(json.language);
  const names = entries.filter(([key]) => codes.includes(key)).sort(([, a], [, b]) => compare(a, b));
  const others = entries.filter(([key]) => !codes.includes(key));
  return { ...json, language: Object.fromEntries([...others, ...names]) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "../../locales");
  const vocabulary = fs.readFileSync(path.resolve(import.meta.dirname, "../../app/models/vocabulary/communication.ts"), "utf8");
  const codes = [...vocabulary.matchAll(/\{ code: "([^"]+)", own:/g)].map((m) => m[1]);
  for (const lng of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory())) {
    const edit = (file, reorder) => {
      const full = path.join(root, lng, file);
      const json = JSON.parse(fs.readFileSync(full, "utf8"));
      fs.writeFileSync(full, JSON.stringify(reorder(json), null, 2) + "\n");
    };
    edit("glossary.json", (json) => orderedGlossary(json, lng));
    edit("communication.json", (json) => orderedLanguageNames(json, lng, codes));
  }
}
