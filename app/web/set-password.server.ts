import { json, redirect } from "@remix-run/node";
import { linkRefusedMinutes, recordLinkAttempt } from "~/models/account.server";
import { createSession, endSession, sessionCookie } from "./auth.server";
import { getDb, type Db } from "~/utils/db.server";
import { isCommonPassword, isPersonalPassword } from "~/utils/passwords.server";
import { newPasswordSchema } from "./validation/auth.server";
import { parseWithZod } from "./validation/parse.server";
import { messageWith } from "./forms.server";

type SpendToken = (db: Db, input: { token: string; password: string }) => Promise<{ status: "ok"; accountId: string } | { status: string }>;
/** Whose password the token sets (null for a token that is unknown, used or expired). */
type TokenPerson = (db: Db, token: string) => Promise<{ displayName: string; email: string } | null>;

/**
 * Set a password with a one-time token (an invitation, or a set-up or reset link): a new
 * password that is not a common one, the token used up, then signed in afresh. A used, expired or
 * unknown token says so in the error summary (`problems` is where those messages are). The
 * password is never sent back into the form. A password made from the person's own name or email is
 * refused too (decision 037), once the token is known to be usable. Throttled per address as signing in is: after 10
 * unknown, used or expired tokens in 15 minutes, the address waits (429) before trying again.
 */
export async function setPasswordWithToken(
  formData: FormData,
  request: Request,
  token: string,
  spend: SpendToken,
  person: TokenPerson,
  problems: string,
  address: string,
) {
  const submission = parseWithZod(formData, {
    schema: newPasswordSchema.refine((v) => !isCommonPassword(v.password), {
      path: ["password"],
      message: "validation:newPassword.common",
    }),
  });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const db = getDb();
  const waitMinutes = await linkRefusedMinutes(db, address);
  if (waitMinutes > 0) {
    return json(submission.reply({ formErrors: [messageWith("auth:oneTimeLink.locked", { count: waitMinutes })], hideFields: ["password"] }), {
      status: 429,
    });
  }
  const whose = await person(db, token);
  if (whose && isPersonalPassword(submission.value.password, whose)) {
    return json(submission.reply({ fieldErrors: { password: ["validation:newPassword.personal"] }, hideFields: ["password"] }), {
      status: 400,
    });
  }
  const result = await spend(db, { token, password: submission.value.password });
  const spent = result.status === "ok";
  if (result.status !== "email-taken") await recordLinkAttempt(db, address, spent);
  if (result.status !== "ok" || !("accountId" in result)) {
    return json(submission.reply({ formErrors: [`${problems}.${result.status}`], hideFields: ["password"] }), {
      status: 400,
    });
  }
  await endSession(db, request);
  const now = new Date();
  const session = await createSession(db, result.accountId, now, { signIn: { method: "password", at: now } });
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(session) } });
}
