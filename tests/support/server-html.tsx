import { createInstance } from "i18next";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import type { LanguageCode } from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { resourcesFor } from "~/web/i18n.server";

/** What the server sends for a component, in a language (entry.server.tsx sets i18next up the same way), before any JavaScript runs. */
export function serverHtml(ui: React.ReactNode, lng: LanguageCode = "en-GB"): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).use(localeFormatter).init({ ...sharedI18nOptions, lng, resources: { [lng]: resourcesFor(lng) } });
  return renderToString(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

/** The text of some markup: no tags, and none of the empty comments React puts between pieces of text. */
export const words = (markup: string) => markup.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");
