import { useTranslation } from "react-i18next";
import { languages } from "~/models/communication-vocabulary";

/** The language list for a <select>: each named in the reader's language and in itself, in the reader's order. */
export function useLanguageOptions(options: { withSignLanguage: boolean }) {
  const { t, i18n } = useTranslation(["communication"]);
  return languages
    .filter((l) => options.withSignLanguage || l.code !== "bfi")
    .map((l) => ({ value: l.code, label: `${t(`communication:language.${l.code}`)} – ${l.own}` }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
}
