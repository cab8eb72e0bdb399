import { useTranslation } from "react-i18next";
import { languages } from "~/models/vocabulary/communication";

/**
 * A language's name in the reader's language, then in itself only when that is different:
 * "Polish – Polski", but "English", not "English – English" (nor "polski – Polski" on a Polish page).
 */
export function languageLabel(name: string, own: string, lng: string): string {
  return name.toLocaleLowerCase(lng) === own.toLocaleLowerCase(lng) ? name : `${name} – ${own}`;
}

/**
 * The language list for a <select>: each named in the reader's language and in itself, in the reader's
 * alphabetical order. That order is the locale file's (tests/support/order-locale-lists.mjs): sorting here
 * gave the browser a different order from the server's where their collation data differ.
 */
export function useLanguageOptions(options: { withSignLanguage: boolean }) {
  const { t, i18n } = useTranslation(["communication"]);
  const order = Object.keys(t("communication:language", { returnObjects: true }) as Record<string, unknown>);
  return languages
    .filter((l) => options.withSignLanguage || l.code !== "bfi")
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code))
    .map((l) => ({ value: l.code, label: languageLabel(t(`communication:language.${l.code}`), l.own, i18n.language) }));
}
