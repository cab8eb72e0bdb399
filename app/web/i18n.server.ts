import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import {
  defaultLanguage,
  isSupportedLanguage,
  languages,
  namespaces,
  pickFromAcceptLanguage,
  type LanguageCode,
  type Resources,
} from "~/i18n";
import { localeFormatter, sharedI18nOptions } from "~/utils/i18n-format";
import { readCookie } from "./cookies.server";
import { fromRoot } from "~/utils/paths.server";

let allResources: Record<string, Resources> | undefined;

/** Every locale file, read once from locales/<lng>/<namespace>.json. */
export function loadAllResources(): Record<string, Resources> {
  if (allResources) return allResources;
  const result: Record<string, Resources> = {};
  const dir = fromRoot("locales");
  for (const { code } of languages) {
    const lngDir = path.join(dir, code);
    const bundle: Resources = {};
    for (const file of readdirSync(lngDir).filter((f) => f.endsWith(".json"))) {
      bundle[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(path.join(lngDir, file), "utf8"));
    }
    result[code] = bundle;
  }
  allResources = result;
  return result;
}

export const LANGUAGE_COOKIE = "lng";

/**
 * Language for this request: ?lng=, then the saved choice (cookie), then the account's
 * preference, then Accept-Language, then en-GB.
 */
export function resolveLanguage(request: Request, accountLanguage?: string | null): LanguageCode {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isSupportedLanguage(fromQuery)) return fromQuery;
  const fromCookie = readCookie(request, LANGUAGE_COOKIE);
  if (isSupportedLanguage(fromCookie)) return fromCookie;
  if (isSupportedLanguage(accountLanguage)) return accountLanguage;
  return pickFromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLanguage;
}

const instances = new Map<LanguageCode, I18n>();

/**
 * The i18next instance of a language, holding only that language with en-GB filled in underneath,
 * so a missing key shows English, never a raw key. The browser is sent exactly this bundle.
 * One instance per language, made once and shared by every request: nothing calls changeLanguage
 * or adds resources, so an instance never changes after init (making one cost about 0.5 ms, and
 * a page made several).
 */
export function i18nFor(lng: LanguageCode): I18n {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createInstance();
    void instance.use(localeFormatter).init({
      ...sharedI18nOptions,
      lng,
      supportedLngs: languages.map((l) => l.code),
      ns: [...namespaces],
      resources: { [lng]: resourcesFor(lng) },
      returnNull: false,
    });
    instances.set(lng, instance);
  }
  return instance;
}

export function getFixedT(request: Request, accountLanguage?: string | null): { t: TFunction; lng: LanguageCode } {
  const lng = resolveLanguage(request, accountLanguage);
  return { t: i18nFor(lng).t, lng };
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      // Arrays (lists of paragraphs) are values, not trees: a translation replaces the whole list.
      v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object" && !Array.isArray(b)
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v === ""
          ? b
          : v;
  }
  return out;
}

const merged = new Map<LanguageCode, Resources>();
/** The language's copy over en-GB's. */
export function resourcesFor(lng: LanguageCode): Resources {
  let bundle = merged.get(lng);
  if (!bundle) {
    const all = loadAllResources();
    bundle = deepMerge(all[defaultLanguage] ?? {}, lng === defaultLanguage ? {} : (all[lng] ?? {})) as Resources;
    merged.set(lng, bundle);
  }
  return bundle;
}
