import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLanguage, isSupportedLanguage, namespaces, type Resources } from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { NonceContext } from "~/utils/nonce";

// The server rendered <html lang> and put the active language's copy (only that one) in a JSON
// script. Initialising synchronously from it means the first client render matches the server's.
const lang = document.documentElement.lang;
const lng = isSupportedLanguage(lang) ? lang : defaultLanguage;
const resources = JSON.parse(document.getElementById("i18n-resources")?.textContent ?? "{}") as Resources;

// The server put this response's CSP nonce in a meta tag; render the same markup as it did.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.content || undefined;

const i18n = createInstance();
void i18n
  .use(initReactI18next)
  .use(localeFormatter)
  .init({ ...sharedI18nOptions, lng, ns: [...namespaces], resources: { [lng]: resources } });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </NonceContext.Provider>
    </StrictMode>,
  );
});
