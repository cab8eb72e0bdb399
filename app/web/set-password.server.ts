import { json, redirect } from "@remix-run/node";
import { createSession, endSession, sessionCookie } from "./auth.server";
import { getDb, type Db } from "~/utils/db.server";
import { isCommonPassword } from "~/utils/passwords.server";
import { newPasswordSchema } from "./validation/auth.server";
import { parseWithZod } from "./validation/parse.server";

type SpendToken = (db: Db, input: { token: string; password: string }) => Promise<{ status: "ok"; accountId: string } | { status: string }>;

/**
 * Set a password with a one-time token (an invitation, or a set-up or reset link): a new
 * password that is not a common one, the token used up, then signed in afresh. A used, expired or
 * unknown token says so in the error summary (`problems` is where those messages are). The
 * password is never sent back into the form.
 */
export async function setPasswordWithToken(formData: FormData, request: Request, token: string, spend: SpendToken, problems: string) {
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
  const result = await spend(db, { token, password: submission.value.password });
  if (result.status !== "ok" || !("accountId" in result)) {
    return json(submission.reply({ formErrors: [`${problems}.${result.status}`], hideFields: ["password"] }), {
      status: 400,
    });
  }
  await endSession(db, request);
  const session = await createSession(db, result.accountId);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(session) } });
}
