import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
// In the browser build "react-i18next" is our small binding (package.json "browser"; decision 073).
import { I18nextProvider } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { defaultLanguage, isSupportedLanguage, type Resources } from "~/i18n";
import { createLiteI18n } from "~/utils/i18n-lite";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { NonceContext } from "~/utils/nonce";
import { takePrefetchedTranslation } from "~/utils/translation-prefetch";
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
      // Usually already on its way: the page's head started it (decision 075).
      const started = takePrefetchedTranslation(ns);
      if (started) return [ns, await started] as const;
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
  // The same words as the server's i18next, from a translator of about 1 KB instead of 16 (decision 073).
  const i18n = createLiteI18n({ lng, resources, defaultNS: sharedI18nOptions.defaultNS, format: localeFormatter.format });

  // Anything typed while the page loaded is put back once hydrated (root.tsx). Hydration is not
  // a transition, so it runs in one go: from here until the fields are put back (in the same task,
  // as a layout effect) no click or key can reach a field that was set back.
  noteTypedBeforeHydration(document);
  hydrateRoot(
    document,
    <StrictMode>
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={i18n as unknown as I18n}>
          <RemixBrowser />
        </I18nextProvider>
      </NonceContext.Provider>
    </StrictMode>,
  );
});
