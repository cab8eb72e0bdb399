/**
 * What the browser gets when a component imports "react-i18next" (decision 073: package.json's
 * "browser" field points the import here, for the client build only). The server, and every test
 * that renders on the server, use react-i18next itself.
 *
 * The browser's code uses two things: `useTranslation(ns?)` and `I18nextProvider`. The translations
 * are all loaded before hydrating and the language never changes without a new page, so nothing
 * here suspends, loads or listens. Anything else imported from "react-i18next" fails the client build.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import type { LiteI18n, LiteT } from "./i18n-lite";

const I18nContext = createContext<{ i18n: LiteI18n } | undefined>(undefined);

export function I18nextProvider({ i18n, children }: { i18n: LiteI18n; children?: ReactNode }) {
  const value = useMemo(() => ({ i18n }), [i18n]);
  return createElement(I18nContext.Provider, { value }, children);
}

type Translation = [LiteT, LiteI18n, boolean] & { t: LiteT; i18n: LiteI18n; ready: boolean };

export function useTranslation(ns?: string | readonly string[]): Translation {
  const i18n = useContext(I18nContext)?.i18n;
  if (!i18n) throw new Error("useTranslation needs an I18nextProvider above it");
  // As react-i18next does: the first namespace named is the default; others are reached as "ns:key".
  const first = typeof ns === "string" ? ns : ns?.[0];
  return useMemo(() => {
    const t = i18n.getFixedT(null, first);
    return Object.assign([t, i18n, true], { t, i18n, ready: true }) as Translation;
  }, [i18n, first]);
}
