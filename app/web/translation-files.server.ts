import { createHash } from "node:crypto";
import { isSupportedLanguage, namespaces, type LanguageCode } from "~/i18n";
import { resourcesFor } from "./i18n.server";

/**
 * The browser's copy of the translations (decision 042): one file per language and namespace,
 * named by a hash of its content, so it can be cached for ever and a changed text gets a new name.
 * The page names the files (a few hundred bytes) instead of carrying every translation inline; the
 * browser fetches them once before it hydrates the page, then has them for every later page.
 * They hold only the portal's own words (with English under any missing key), never personal data.
 */
export const TRANSLATIONS_PATH = "/translations";

interface TranslationFile {
  href: string;
  body: string;
}

const byLanguage = new Map<LanguageCode, Map<string, TranslationFile>>();

function filesFor(lng: LanguageCode): Map<string, TranslationFile> {
  let files = byLanguage.get(lng);
  if (!files) {
    files = new Map();
    const resources = resourcesFor(lng);
    for (const ns of namespaces) {
      const body = JSON.stringify(resources[ns] ?? {});
      const hash = createHash("sha256").update(body).digest("base64url").slice(0, 16);
      files.set(ns, { href: `${TRANSLATIONS_PATH}/${lng}/${ns}.${hash}.json`, body });
    }
    byLanguage.set(lng, files);
  }
  return files;
}

/** Each namespace's file for the language: what the page tells the browser to load. */
export function translationFileHrefs(lng: LanguageCode): Record<string, string> {
  return Object.fromEntries([...filesFor(lng)].map(([ns, file]) => [ns, file.href]));
}

/** The file at this path (as `translationFileHrefs` names it), or undefined for any other path. */
export function translationFileAt(pathname: string): string | undefined {
  const match = /^\/translations\/([A-Za-z-]+)\/([a-z]+)\.([A-Za-z0-9_-]+)\.json$/.exec(pathname);
  if (!match || !isSupportedLanguage(match[1])) return undefined;
  const file = filesFor(match[1]).get(match[2]!);
  return file?.href === pathname ? file.body : undefined;
}
