import type { FormatterModule, InitOptions } from "i18next";
import { formatDate, formatList, formatNumber } from "./locale-format";

/**
 * Every value put into a sentence goes through here, on the server and in the browser alike:
 * numbers in the language's digits ("৭ out of 10" in Bengali), lists joined the language's way,
 * and `{{when, date}}` as a date in words. Strings pass through untouched.
 */
export const localeFormatter: FormatterModule = {
  type: "formatter",
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format: string | undefined, lng: string | undefined) {
    const language = lng ?? "en-GB";
    if (format === "date" && typeof value === "string") return formatDate(value, language);
    if (typeof value === "number" && Number.isFinite(value)) return formatNumber(value, language);
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return formatList(value, language);
    return value as string;
  },
};

/** The i18next options both sides share, so the browser's first render matches the server's. */
export const sharedI18nOptions = {
  fallbackLng: false,
  defaultNS: "common",
  initAsync: false,
  interpolation: { escapeValue: false, alwaysFormat: true },
} satisfies InitOptions;
