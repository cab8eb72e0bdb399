import { isSupportedLanguage } from "~/i18n";
import { randomToken } from "~/utils/crypto.server";
import { readCookie } from "./cookies.server";
import { csrfForRequest } from "./csrf.server";
import { resolveLanguage } from "./i18n.server";
import { newFormToken } from "./saves.server";
import { SESSION_COOKIE } from "./auth.server";

/**
 * Urgent help, drawn once per language (decision 069). For anyone who is not signed in, these pages
 * are the same but for three values made for each answer: the CSP nonce, the CSRF token of the
 * language forms and their form token. So the server draws each page once per language with
 * stand-ins for those three, keeps it, and answers with the stand-ins replaced. A crisis page on a
 * poor connection and a busy server then costs about what a static file does.
 *
 * Signed in (a session cookie), the page links to the person's own crisis plan, so it is drawn as
 * any other page is. So is an address with anything in its query but the language.
 */
export const STATIC_PAGE_PATHS = ["/urgent-help", "/urgent-help/easy-read"];

// Letters and digits only, so that they read the same in HTML and in the page's JSON; random per
// process, so that no text of ours could ever hold one by chance.
const standInFor = (what: string) => `standin${what}${randomToken(12).replace(/[^A-Za-z0-9]/g, "")}`;
export const STAND_INS = { nonce: standInFor("nonce"), csrf: standInFor("csrf"), formToken: standInFor("form") } as const;

/** What the page is kept under (its address and language), or null when it must be drawn afresh. */
export function staticPageKey(request: Request): string | null {
  const url = new URL(request.url);
  if (!STATIC_PAGE_PATHS.includes(url.pathname)) return null;
  // The page names its own address (the language forms come back to it): kept under the whole
  // address, so only the bare address or a supported `?lng=` is kept, never an address made up.
  const params = [...url.searchParams];
  if (params.length > 1 || (params.length === 1 && (params[0]![0] !== "lng" || !isSupportedLanguage(params[0]![1]) || url.search !== `?lng=${params[0]![1]}`))) return null;
  if (readCookie(request, SESSION_COOKIE)) return null;
  return `${url.pathname}${url.search} ${resolveLanguage(request)}`;
}

export interface StaticPage {
  body: string;
  headers: [string, string][];
}

/** A page drawn with the stand-ins, kept if it is an ordinary 200 answer without cookies. */
export async function keepable(response: Response): Promise<StaticPage | null> {
  if (response.status !== 200 || response.headers.has("set-cookie")) return null;
  const body = await response.text();
  if (!body.includes(STAND_INS.nonce)) return null;
  return { body, headers: [...response.headers.entries()].filter(([name]) => name !== "content-length") };
}

/** The kept page for this request: its own nonce, CSRF token (and cookie when new) and form token. */
export function answerFrom(page: StaticPage, request: Request, nonce: string): { body: string; headers: [string, string][] } {
  const csrf = csrfForRequest(request);
  const body = page.body
    .replaceAll(STAND_INS.nonce, nonce)
    .replaceAll(STAND_INS.csrf, csrf.token)
    .replaceAll(STAND_INS.formToken, newFormToken());
  return { body, headers: csrf.setCookie ? [...page.headers, ["set-cookie", csrf.setCookie]] : page.headers };
}
