/**
 * The browser's translator (decision 073): the part of i18next this portal uses, in about 1 KB
 * gzipped instead of i18next's 16 KB. The server renders with i18next itself; the browser must render
 * the very same words, or hydration fails. `i18n-lite.test.ts` checks that, key by key, in every
 * language, against i18next set up as the server sets it up (`sharedI18nOptions`).
 *
 * What is covered, because the portal uses it: "namespace:key" and nested keys; `ns`; plurals by
 * `Intl.PluralRules` with i18next's `_zero` for a count of 0; `context`; `defaultValue` (or a string
 * as the second argument); `returnObjects`; `{{name}}` filled in through the shared formatter (every
 * value, as `alwaysFormat` does), a missing value left as it was written; `getFixedT`; `dir`.
 * Not covered, and not used: nesting (`$t(…)`), formats inside `{{ }}`, ordinals, `keyPrefix`, loading.
 */
import { directionOf, isSupportedLanguage, type Resources } from "~/i18n";

export type TOptions = Record<string, unknown> & {
  ns?: string | readonly string[];
  count?: unknown;
  context?: unknown;
  defaultValue?: unknown;
  returnObjects?: boolean;
  lng?: string;
};
type Format = (value: unknown, format: string | undefined, lng: string | undefined) => unknown;
export type LiteT = ((key: string, options?: TOptions | string) => string) & { ns?: string | readonly string[] };

export interface LiteI18n {
  language: string;
  t: LiteT;
  getFixedT(lng: string | null, ns?: string | readonly string[]): LiteT;
  dir(lng?: string): "ltr" | "rtl";
  exists(key: string, options?: TOptions): boolean;
}

const placeholder = /\{\{(.+?)\}\}/g;
const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

export function createLiteI18n({ lng, resources, defaultNS, format }: { lng: string; resources: Resources; defaultNS: string; format: Format }): LiteI18n {
  const rules = new Map<string, Intl.PluralRules>();
  const pluralOf = (count: number) => {
    let rule = rules.get(lng);
    if (!rule) rules.set(lng, (rule = new Intl.PluralRules(lng)));
    return rule.select(count);
  };

  const lookup = (ns: string, key: string): unknown => {
    const found = walk(resources[ns], key.split("."));
    return found !== undefined && found !== null ? found : deepFind(resources[ns], key);
  };
  // i18next's order: the context's zero, plural and plain forms, then the key's (the last pushed wins).
  const candidates = (key: string, opt: TOptions) => {
    const count = opt.count;
    const plural = count !== undefined && !isString(count);
    const suffix = plural ? `_${pluralOf(count as number)}` : "";
    const zero = plural && count === 0;
    const forms = (base: string) => [base, ...(plural ? [base + suffix] : []), ...(zero ? [`${base}_zero`] : [])].reverse();
    const context = opt.context;
    const hasContext = context !== undefined && (isString(context) || typeof context === "number") && context !== "";
    return [...(hasContext ? forms(`${key}_${String(context)}`) : []), ...forms(key)];
  };
  const split = (full: string, opt: TOptions, fallbackNs: string | readonly string[] | undefined) => {
    let namespaces: readonly string[] = toList(opt.ns ?? fallbackNs ?? defaultNS);
    let key = full;
    const colon = full.indexOf(":");
    if (colon > 0) {
      namespaces = [full.slice(0, colon)];
      key = full.slice(colon + 1).split(":").join(".");
    }
    return { key, namespaces };
  };
  const resolve = (key: string, namespaces: readonly string[], opt: TOptions) => {
    for (const ns of namespaces) {
      for (const candidate of candidates(key, opt)) {
        const found = lookup(ns, candidate);
        if (found !== undefined && found !== null) return found;
      }
    }
    return undefined;
  };
  const interpolate = (text: string, opt: TOptions) =>
    text.replace(placeholder, (whole, name: string) => {
      const variable = name.trim();
      const value = format(findValue(opt, variable), undefined, lng);
      if (value === undefined) return Object.prototype.hasOwnProperty.call(opt, variable) ? "" : whole;
      return value == null ? "" : String(value);
    });

  const translate = (full: string, options: TOptions | string | undefined, fallbackNs?: string | readonly string[]): unknown => {
    const opt: TOptions = isString(options) ? { defaultValue: options } : { ...options };
    const { key, namespaces } = split(full, opt, fallbackNs);
    // Only the page's language is loaded, in the browser as on the server.
    const found = opt.lng !== undefined && opt.lng !== lng ? undefined : resolve(key, namespaces, opt);
    if (isObject(found)) {
      if (!opt.returnObjects) return `key '${key} (${lng})' returned an object instead of string.`;
      const copy: Record<string, unknown> | unknown[] = Array.isArray(found) ? [] : {};
      for (const part of Object.keys(found)) {
        const deepKey = `${key}.${part}`;
        const value = translate(deepKey, { ...opt, ns: namespaces }, fallbackNs);
        (copy as Record<string, unknown>)[part] = value === deepKey ? found[part] : value;
      }
      return copy;
    }
    const text = found !== undefined ? found : opt.defaultValue !== undefined && opt.defaultValue !== null ? opt.defaultValue : key;
    return isString(text) ? interpolate(text, opt) : text;
  };

  const fixed = (ns?: string | readonly string[]): LiteT => {
    const t = ((key: string, options?: TOptions | string) => translate(key, options, ns)) as LiteT;
    t.ns = ns;
    return t;
  };

  return {
    language: lng,
    t: fixed(),
    getFixedT: (_lng, ns) => fixed(ns),
    dir: (code = lng) => (isSupportedLanguage(code) ? directionOf(code) : "ltr"),
    exists: (full, options = {}) => {
      const { key, namespaces } = split(full, options, undefined);
      return resolve(key, namespaces, options) !== undefined;
    },
  };
}

const toList = (ns: string | readonly string[]) => (isString(ns) ? [ns] : ns);

/** A value for `{{name}}`, found as i18next finds it. */
function findValue(data: Record<string, unknown>, path: string): unknown {
  const found = walk(data, path.split("."));
  return found !== undefined && found !== null ? found : deepFind(data, path);
}

/** A plain walk down the keys, as i18next's resource store does first. */
function walk(at: unknown, parts: readonly string[]): unknown {
  for (const part of parts) {
    if (!isObject(at) || !Object.prototype.hasOwnProperty.call(at, part)) return undefined;
    at = at[part];
  }
  return at;
}

/** Then as i18next's `deepFind`: keys may themselves hold dots ("scope" → "appointments.read"). */
function deepFind(obj: unknown, path: string): unknown {
  if (!isObject(obj)) return undefined;
  if (obj[path]) return Object.prototype.hasOwnProperty.call(obj, path) ? obj[path] : undefined;
  const tokens = path.split(".");
  let current: unknown = obj;
  for (let i = 0; i < tokens.length; ) {
    if (!isObject(current)) return undefined;
    let next: unknown;
    let nextPath = "";
    for (let j = i; j < tokens.length; ++j) {
      if (j !== i) nextPath += ".";
      nextPath += tokens[j];
      next = current[nextPath];
      if ((typeof next === "function" || nextPath === "__proto__") && !Object.prototype.hasOwnProperty.call(current, nextPath)) next = undefined;
      if (next !== undefined) {
        if (["string", "number", "boolean"].includes(typeof next) && j < tokens.length - 1) continue;
        i = j + 1;
        break;
      }
    }
    current = next;
  }
  return current;
}
