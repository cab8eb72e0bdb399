/**
 * Which languages each pages-*.test.ts file checks. Several files, so the browser workers take them
 * side by side. English and Arabic check every route with JavaScript on and off (about 236 page checks
 * each), Punjabi every route with it on (118), the others a rotating part (about 59 each).
 * Largest first: the files start in this order (tests/support/sequencer.ts).
 * tests/unit/page-shares.test.ts makes sure every language is in exactly one share and each share has its file.
 */
export const pageShares = {
  en: ["en-GB"],
  ar: ["ar"],
  "cy-pl-ro": ["cy", "pl", "ro"],
  pa: ["pa"],
  "ur-bn": ["ur", "bn"],
  "so-zh": ["so", "zh-Hans"],
} as const satisfies Record<string, readonly string[]>;

export type PageShare = keyof typeof pageShares;
