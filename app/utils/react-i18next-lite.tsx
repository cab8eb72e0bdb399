/**
 * What the browser gets when a component imports "react-i18next" (decision 073: package.json's
 * "browser" field points the import here, for the client build only). The server, and every test
 * that renders on the server, use react-i18next itself.
 *
 * The portal's components use three things: `useTranslation(ns?)`, `I18nextProvider` and
 * `initReactI18next`. The translations are all loaded before hydrating and the language never
 * changes without a new page, so nothing here suspends, loads or listens.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from "react";
import type { LiteI18n, LiteT } from "./i18n-lite";

const I18nContext = createContext<{ i18n: LiteI18n } | undefined>(undefined);

export function I18nextProvider({ i18n, children }: { i18n: LiteI18n; children?: ReactNode }) {
  const value = useMemo(() => ({ i18n }), [i18n]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** i18next's plug-in for React; here there is nothing to plug in. */
export const initReactI18next = { type: "3rdParty", init() {} } as const;

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
