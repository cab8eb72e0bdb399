import type { SubmissionResult } from "@conform-to/react";
import { redirect } from "@remix-run/node";
import type { Actor } from "~/models/access.server";
import { checkCurrentPassword } from "~/models/account-security.server";
import { signInMethodsOf } from "~/models/external-identities.server";
import { getDb, type Db } from "~/utils/db.server";
import { needsSecondFactor, type SignedIn } from "./auth.server";
import { messageWith } from "./forms.server";
import { notFound } from "./guards.server";
import { nhsLoginEnabled } from "./nhs-login.server";
import { currentPasswordSchema } from "./validation/auth.server";
import { parseWithZod } from "./validation/parse.server";

/**
 * The signed-in person (the route's own guard, `requireSignedIn`, comes first: the route-guard and
 * hostile-input tests read it there), on a page that links NHS login (`linked: false`: an account with a password
 * and no NHS login yet) or unlinks it (`linked: true`: linked, with a password to fall back on).
 * Any other account, and any staff or admin account (NHS login is for people who use services and
 * those who support them), goes back to "Your account"; with NHS login off the page is not there.
 */
export async function requireNhsLoginChange(signedIn: SignedIn, linked: boolean): Promise<SignedIn> {
  if (!nhsLoginEnabled()) throw notFound();
  const methods = await signInMethodsOf(getDb(), signedIn.account.id, "nhs-login");
  if ((methods.linkedAt !== null) !== linked || !methods.hasPassword || needsSecondFactor(signedIn.account)) throw redirect("/account");
  return signedIn;
}

/** Setting a first password asks for a sign-in with NHS login at most this long ago (decision 067). */
export const RECENT_NHS_LOGIN_MS = 15 * 60 * 1000;

/**
 * The signed-in person (after the route's own `requireSignedIn`), on the page that sets a first
 * password (decision 067): only an account with no password, and never staff or admins (as the
 * NHS login part of "Your account"). Any other account goes back to "Your account"; with NHS login
 * off the page is not there.
 */
export async function requireNoPassword(signedIn: SignedIn): Promise<SignedIn> {
  if (!nhsLoginEnabled()) throw notFound();
  if (needsSecondFactor(signedIn.account)) throw redirect("/account");
  const methods = await signInMethodsOf(getDb(), signedIn.account.id, "nhs-login");
  if (methods.hasPassword) throw redirect("/account");
  return signedIn;
}

export type PasswordAgain = { status: "ok" } | { status: "problem"; result: SubmissionResult<string[]>; httpStatus: 400 | 429 };

/**
 * The form's `current` password, asked again before a change to how someone signs in (NHS login,
 * decision 066): right, or the form's answer (missing or wrong: 400, too many wrong: 429). The
 * password is never sent back.
 */
export async function checkPasswordAgain(db: Db, actor: Actor, formData: FormData): Promise<PasswordAgain> {
  const hideFields = ["current"];
  const submission = parseWithZod(formData, { schema: currentPasswordSchema });
  if (submission.status !== "success") return { status: "problem", result: submission.reply({ hideFields }), httpStatus: 400 };
  const check = await checkCurrentPassword(db, actor, submission.value.current);
  if (check.status === "locked") {
    return { status: "problem", result: submission.reply({ formErrors: [messageWith("auth:changePassword.locked", { count: check.minutes })], hideFields }), httpStatus: 429 };
  }
  if (check.status === "wrong-password") return { status: "problem", result: submission.reply({ fieldErrors: { current: ["auth:changePassword.wrong"] }, hideFields }), httpStatus: 400 };
  return { status: "ok" };
}
