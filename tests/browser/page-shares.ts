/**
 * Which languages each pages-*.test.ts file checks. Several files, so the browser workers take them
 * side by side; each share is about the same number of page checks (English and Arabic check every
 * route with JavaScript on and off, Punjabi every route with it on, the others a rotating part).
 * tests/unit/page-shares.test.ts makes sure every language is in exactly one share and each share has its file.
 */
export const pageShares = {
  en: ["en-GB"],
  ar: ["ar"],
  "pa-cy-pl": ["pa", "cy", "pl"],
  "ro-ur-bn-so-zh": ["ro", "ur", "bn", "so", "zh-Hans"],
} as const satisfies Record<string, readonly string[]>;

export type PageShare = keyof typeof pageShares;
