import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { defaultLanguage, isSupportedLanguage, namespaces, type Resources } from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { NonceContext } from "~/utils/nonce";
import { noteTypedBeforeHydration } from "~/utils/typed-before-hydration";

// The server rendered <html lang> and named the active language's translation files (one per
// namespace, fingerprinted, cached for ever: decision 042). They are loaded before hydrating, so
// the first client render matches the server's. A page that could not name them carries them inline.
const lang = document.documentElement.lang;
const lng = isSupportedLanguage(lang) ? lang : defaultLanguage;

function readJson(id: string): unknown {
  const text = document.getElementById(id)?.textContent;
  return text ? JSON.parse(text) : undefined;
}

async function loadResources(): Promise<Resources | undefined> {
  const files = readJson("i18n-files") as Record<string, string> | undefined;
  if (!files) return readJson("i18n-resources") as Resources | undefined;
  const loaded = await Promise.all(
    Object.entries(files).map(async ([ns, href]) => {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`Translations not loaded (${response.status})`);
      return [ns, await response.json()] as const;
    }),
  );
  return Object.fromEntries(loaded) as Resources;
}

// The server put this response's CSP nonce in a meta tag; render the same markup as it did.
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.content || undefined;

// Without its translations the page is left as the server sent it: it works without JavaScript.
void loadResources().then((resources) => {
  if (!resources) return;
  const i18n = createInstance();
  void i18n
    .use(initReactI18next)
    .use(localeFormatter)
    .init({ ...sharedI18nOptions, lng, ns: [...namespaces], resources: { [lng]: resources } });

  // Anything typed while the page loaded is put back once hydrated (root.tsx). Hydration is not
  // a transition, so it runs in one go: from here until the fields are put back (in the same task,
  // as a layout effect) no click or key can reach a field that was set back.
  noteTypedBeforeHydration(document);
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
