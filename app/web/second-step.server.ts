import { json, redirect } from "@remix-run/node";
import { checkSecondStep, looksLikeTotp } from "~/models/account-security.server";
import { getDb } from "~/utils/db.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { loginPath, readSession, renewSession, sessionCookie } from "./auth.server";
import { messageWith, westernDigits } from "./forms.server";
import { invalid } from "./guards.server";
import { recoveryStepSchema, secondStepSchema } from "./validation/auth.server";
import { parseWithZod } from "./validation/parse.server";

/**
 * The second step of signing in (decision 044). Only a session waiting for it may be here: signed
 * in already, the person goes on; with no such session, back to the first step.
 */
export async function requireSecondStep(request: Request): Promise<string> {
  const state = await readSession(request);
  if (state.status === "active" || state.status === "enrol") {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  if (state.status !== "second_factor") throw redirect(loginPath(request));
  return state.accountId;
}

/**
 * Check the code. The right one ends the waiting session and makes a new, full one (a new token:
 * the session id changes when the session becomes signed in). A wrong one says so next to the
 * field; too many, and the person waits (429), as with passwords.
 */
export async function completeSecondStep(request: Request, formData: FormData, address: string, method: "totp" | "recovery") {
  const accountId = await requireSecondStep(request);
  const submission = parseWithZod(formData, { schema: method === "totp" ? secondStepSchema : recoveryStepSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  // Digits typed in another script (Bengali, Arabic, full width) read as 0–9.
  const code = westernDigits(submission.value.code);
  const prefix = method === "totp" ? "auth:secondStep" : "auth:recoveryStep";
  // Not six digits: say how a code looks, without counting a try.
  if (method === "totp" && !looksLikeTotp(code)) {
    return invalid(submission.reply({ fieldErrors: { code: ["auth:secondStep.format"] } }));
  }
  const db = getDb();
  const result = await checkSecondStep(db, { accountId, method, code, address });
  if (result.status === "locked") {
    return json(submission.reply({ formErrors: [messageWith("auth:secondStep.locked", { count: result.minutes })], hideFields: ["code"] }), {
      status: 429,
    });
  }
  if (result.status === "invalid") return invalid(submission.reply({ fieldErrors: { code: [`${prefix}.invalid`] }, hideFields: ["code"] }));
  const token = await renewSession(db, request, accountId);
  return redirect(safeRedirect(submission.value.redirectTo), { headers: { "Set-Cookie": sessionCookie(token) } });
}
