import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { headerCrisisPlan } from "~/models/people.server";
import { randomToken } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { isSuccessMessage } from "~/utils/success-messages";
import { IDLE_LIMIT_MS, readSession, WARNING_BEFORE_MS } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { recordNameOnce } from "~/web/guards.server";
import { resolveLanguage } from "~/web/i18n.server";
import { newFormToken, takeFlash } from "~/web/saves.server";
import { STAND_INS } from "~/web/static-pages.server";
import { exitPageHref } from "~/web/sign-out.server";
import { translationFileHrefs } from "~/web/translation-files.server";

/** Must work with no database and no sign-in, whatever else is broken. */
const URGENT_HELP_PATH = "/urgent-help";

async function signedInOrNull(request: Request) {
  try {
    // A staff member setting up their authenticator app sees who is signed in, and can sign out.
    const state = await readSession(request);
    return state.status === "active" || state.status === "enrol" ? state.signedIn : null;
  } catch {
    // The shell (and its "Get help now" link) still renders; the page's own loader reports the problem.
    return null;
  }
}

/** The data every page's shell needs: language, who is signed in, CSRF token, the header's crisis plan link. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // A body over the limit (app/server/index.ts): the "too large" page, translated, with urgent help.
  if (context.requestTooLarge === true) throw new Response("Request too large", { status: 413 });
  const url = new URL(request.url);
  const headers = new Headers();
  const signedIn = url.pathname === URGENT_HELP_PATH ? null : await signedInOrNull(request);
  // `?lng=` shows this page in that language and saves nothing (no state change on GET): the
  // language switcher saves a choice by POST (routes/language.tsx).
  const lng = resolveLanguage(request, signedIn?.account.preferredLanguage);
  // The crisis plan one step from every page (CP-04); the page itself still loads if this cannot.
  // The person's name is the one the record's pages read too: once a request (web/guards.server.ts).
  const crisisPlan = signedIn ? await headerCrisisPlan(getDb(), signedIn.actor, (id) => recordNameOnce(request, id)).catch(() => null) : null;
  // Urgent help drawn once to keep (web/static-pages.server.ts): stand-ins, replaced in each answer.
  const template = context.pageTemplate === true;
  const csrf = template ? { token: STAND_INS.csrf } : csrfForRequest(request);
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  const cfg = config();
  // A message left by the last save (Post/Redirect/Get), shown once on this page.
  const flashKey = signedIn?.hasFlash ? await takeFlash(getDb(), request) : null;
  return json(
    {
      lng,
      // The browser loads the translations from these cached files, not from the page (decision 042).
      translations: translationFileHrefs(lng),
      csrf: csrf.token,
      formToken: template ? STAND_INS.formToken : newFormToken(),
      flash: isSuccessMessage(flashKey) ? { message: flashKey, id: randomToken(8) } : null,
      serviceName: cfg.serviceName,
      exitTo: exitPageHref(lng),
      // easyRead: "Get help now" leads to urgent help in Easy Read (the needs come with the session).
      user: signedIn ? { displayName: signedIn.account.displayName, isStaff: signedIn.account.isStaff, easyRead: signedIn.account.needsEasyRead } : null,
      crisisPlan,
      session: signedIn
        ? { idleRemainingMs: signedIn.idleRemainingMs, warningBeforeMs: WARNING_BEFORE_MS, idleLimitMs: IDLE_LIMIT_MS }
        : null,
    },
    { headers },
  );
}
